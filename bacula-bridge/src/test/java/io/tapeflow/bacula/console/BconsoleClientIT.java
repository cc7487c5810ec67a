package io.tapeflow.bacula.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.BconsoleAuthException;
import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.BconsolePromptException;
import io.tapeflow.bacula.BconsoleTimeoutException;
import io.tapeflow.bacula.DirectorUnreachableException;
import io.tapeflow.bacula.command.VolumeUpdate;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.parse.ReplyErrors;
import io.tapeflow.bacula.testing.BaculaFixture;
import io.tapeflow.bacula.testing.BaculaTestConsole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bconsole's pitfalls (reference §6.3, §9.5, §9.12, §9.15) against a real Bacula 9.6 Director
 * started by infra/bin/bacula. No changer is used here.
 */
class BconsoleClientIT {
  @TempDir static Path dir;
  static BaculaFixture bacula;

  @BeforeAll
  static void start() {
    bacula =
        BaculaFixture.in(dir.resolve("bacula")).option("--changer-command", "/bin/false").start();
  }

  @AfterAll
  static void stop() {
    if (bacula != null) {
      bacula.close();
    }
  }

  @Test
  void aCommandThatFails_isAnError_thoughBconsoleExitsZero() {
    BconsoleCommand c = BconsoleCommand.builder("frobnicate").keyword("volume", "LAB001").build();
    BconsoleReply r = bacula.client(Duration.ofSeconds(60)).execute(c);
    assertThatThrownBy(() -> ReplyErrors.check(r))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("frobnicate: is an invalid command.");
  }

  @Test
  void updateOfAnUnknownVolume_isAnError() {
    BaculaConsole console = bacula.console();
    assertThatThrownBy(
            () ->
                console.updateVolume(VolumeName.of("NOPE999"), VolumeUpdate.status(VolStatus.USED)))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("NOPE999");
  }

  @Test
  void listVolumesOfAnEmptyCatalog_isEmpty() {
    assertThat(bacula.testConsole().listVolumes(null)).isEmpty();
    assertThat(bacula.testConsole().listVolumes(bacula.pool())).isEmpty();
  }

  @Test
  void aQuestionLeftOpen_isReported_andDoesNotSwallowTheNextCommand() {
    BconsoleClient client = bacula.client(Duration.ofSeconds(60));
    // release without slot= on an autochanger asks "Enter autochanger slot: "
    BconsoleCommand release =
        BconsoleCommand.builder("release")
            .keyword("storage", bacula.storage())
            .keyword("drive", 0)
            .build();
    assertThatThrownBy(() -> client.execute(release))
        .isInstanceOf(BconsolePromptException.class)
        .hasMessageContaining("Enter autochanger slot");
    // an unknown pool makes "list volumes" ask which pool to use
    BconsoleCommand list =
        BconsoleCommand.builder("list").word("volumes").keyword("pool", "Nope").build();
    assertThatThrownBy(() -> client.execute(list))
        .isInstanceOf(BconsolePromptException.class)
        .hasMessageContaining("Select the Pool");
    // each command is its own session: the next one runs normally
    assertThat(new BaculaTestConsole(client).listVolumes(null)).isEmpty();
  }

  @Test
  void aWrongPassword_isAnAuthenticationFailure(@TempDir Path tmp) throws IOException {
    String conf = Files.readString(bacula.bconsoleConf(), StandardCharsets.UTF_8);
    Path bad = tmp.resolve("bconsole.conf");
    Files.writeString(bad, conf.replaceAll("Password = \"[^\"]*\"", "Password = \"wrong\""));
    BconsoleClient client =
        new BconsoleClient(BconsoleSettings.of(bad).withTimeout(Duration.ofSeconds(60)));
    assertThatThrownBy(
            () -> client.execute(BconsoleCommand.builder("list").word("volumes").build()))
        .isInstanceOf(BconsoleAuthException.class)
        .hasMessageContaining("Password");
  }

  @Test
  void aDirectorThatIsNotRunning_isUnreachable(@TempDir Path tmp) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path conf = tmp.resolve("bconsole.conf");
    Files.writeString(conf, directorConf(port));
    BconsoleClient client =
        new BconsoleClient(BconsoleSettings.of(conf).withTimeout(Duration.ofSeconds(60)));
    assertThatThrownBy(
            () -> client.execute(BconsoleCommand.builder("list").word("volumes").build()))
        .isInstanceOf(DirectorUnreachableException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void aDirectorThatNeverAnswers_timesOut_andBconsoleIsStopped(@TempDir Path tmp) throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (IOException e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Path conf = tmp.resolve("bconsole.conf");
      Files.writeString(conf, directorConf(silent.getLocalPort()));
      BconsoleClient client =
          new BconsoleClient(BconsoleSettings.of(conf).withTimeout(Duration.ofSeconds(3)));
      long before = ProcessHandle.current().children().count();
      assertThatThrownBy(
              () -> client.execute(BconsoleCommand.builder("list").word("volumes").build()))
          .isInstanceOf(BconsoleTimeoutException.class)
          .hasMessageContaining("within 3 s");
      assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count())
          .isLessThanOrEqualTo(before);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void bconsoleRunsWithThePrivateHomeItIsGiven_soNoStrayRcFileRuns(@TempDir Path tmp)
      throws IOException {
    Path home = Files.createDirectory(tmp.resolve("home"));
    Path marker = tmp.resolve("rc-ran");
    Files.writeString(home.resolve(".bconsolerc"), "@exec \"/usr/bin/touch " + marker + "\"\n");
    BconsoleSettings s = BconsoleSettings.of(bacula.bconsoleConf());
    new BconsoleClient(
            new BconsoleSettings(s.executable(), s.config(), Duration.ofSeconds(60), home))
        .execute(BconsoleCommand.builder("list").word("volumes").build());
    assertThat(marker).as("bconsole reads $HOME/.bconsolerc").exists();
    Files.delete(marker);
    new BconsoleClient(BconsoleSettings.of(bacula.bconsoleConf()))
        .execute(BconsoleCommand.builder("list").word("volumes").build());
    assertThat(marker).as("the default client uses a fresh private HOME").doesNotExist();
  }

  private static String directorConf(int port) {
    return "Director {\n  Name = tapeflow-dir\n  DIRport = "
        + port
        + "\n  address = 127.0.0.1\n  Password = \"x\"\n}\n";
  }
}
