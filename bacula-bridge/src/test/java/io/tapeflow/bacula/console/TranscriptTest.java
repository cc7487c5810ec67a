package io.tapeflow.bacula.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.BconsoleAuthException;
import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.BconsolePromptException;
import io.tapeflow.bacula.BconsoleTimeoutException;
import io.tapeflow.bacula.DirectorUnreachableException;
import io.tapeflow.bacula.command.Commands;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.testing.Captures;
import io.tapeflow.bacula.testing.Lab;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TranscriptTest {
  private static final String B = "TAPEFLOW-BEGIN-1a2b";
  private static final String E = "TAPEFLOW-END-1a2b";
  private static final String HEAD =
      """
      Connecting to Director 127.0.0.1:9101
      1000 OK: 103 lab-dir Version: 9.6.7 (10 December 2020)
      Enter a period to cancel a command.
      """;

  private static BconsoleReply read(String out, BconsoleCommand c, int exit, boolean timedOut) {
    return Transcript.reply(
        out,
        c,
        B,
        E,
        exit,
        timedOut,
        Duration.ofMillis(5),
        Duration.ofSeconds(30),
        "127.0.0.1:9101");
  }

  private static String session(BconsoleCommand c, String reply) {
    return HEAD + "@echo " + B + "\n" + B + " \n" + c.line() + "\n" + reply + "@echo " + E + "\n"
        + E + " \n";
  }

  @Test
  void reply_isTheTextBetweenTheCommandEchoAndTheEndMarker() {
    BconsoleCommand c =
        Commands.updateVolume(
            VolumeName.of("LAB002"),
            io.tapeflow.bacula.command.VolumeUpdate.status(
                io.tapeflow.bacula.model.VolStatus.USED));
    String out =
        session(
            c,
            "Automatically selected Catalog: MyCatalog\nUsing Catalog \"MyCatalog\"\nNew Volume status is: Used\n");
    assertThat(read(out, c, 0, false).lines())
        .containsExactly(
            "Automatically selected Catalog: MyCatalog",
            "Using Catalog \"MyCatalog\"",
            "New Volume status is: Used");
  }

  @Test
  void aQuestionLeftOpen_isReportedNamingTheQuestion_notTakenAsAReply() {
    // what 9.6.7 prints for "release" without slot=: the question, then the echo of our end marker
    BconsoleCommand c = Commands.unmount(Lab.STORAGE, 0);
    String out =
        HEAD
            + "@echo "
            + B
            + "\n"
            + B
            + " \n"
            + c.line()
            + "\n"
            + "Automatically selected Catalog: Catalog\nUsing Catalog \"Catalog\"\n"
            + "Enter autochanger slot: @echo "
            + E
            + "\n"
            + E
            + " \n";
    assertThatThrownBy(() -> read(out, c, 0, false))
        .isInstanceOf(BconsolePromptException.class)
        .hasMessageContaining("Enter autochanger slot:")
        .hasMessageContaining("not carried out")
        .extracting(e -> ((BconsolePromptException) e).prompt())
        .isEqualTo("Enter autochanger slot:");
  }

  @Test
  void aQuestionAtEndOfOutput_isReportedToo() {
    BconsoleCommand c = Commands.unmount(Lab.STORAGE, 0);
    String out = HEAD + "@echo " + B + "\n" + B + " \n" + c.line() + "\nSelect the Pool (1-3): ";
    assertThatThrownBy(() -> read(out, c, 0, false)).isInstanceOf(BconsolePromptException.class);
  }

  @Test
  void sqlRowsRunningIntoTheEndMarker_areData() {
    BconsoleCommand c = TestCommands.sql("SELECT VolumeName, Slot, InChanger FROM Media");
    String out =
        HEAD
            + "@echo "
            + B
            + "\n"
            + B
            + " \n"
            + c.line()
            + "\nUsing Catalog \"MyCatalog\"\n"
            + "LAB001\t1\t1\tLAB002\t2\t1\t@echo "
            + E
            + "\n"
            + E
            + " \n";
    assertThat(read(out, c, 0, false).lines())
        .containsExactly("Using Catalog \"MyCatalog\"", "LAB001\t1\t1\tLAB002\t2\t1\t");
  }

  @Test
  void wrongPassword_isAnAuthenticationFailure() {
    String out = Captures.text("error-wrong-password.txt");
    assertThatThrownBy(() -> read(out, Commands.listVolumes(null), 1, false))
        .isInstanceOf(BconsoleAuthException.class)
        .hasMessageContaining("refused the console's login")
        .hasMessageContaining("Password");
  }

  @Test
  void deadDirector_printsOnlyConnecting_andIsUnreachable() {
    String out = Captures.text("error-director-down.txt");
    assertThatThrownBy(() -> read(out, Commands.listVolumes(null), 1, false))
        .isInstanceOf(DirectorUnreachableException.class)
        .hasMessageContaining("127.0.0.1:9101")
        .hasMessageContaining("is it running?");
  }

  @Test
  void killedForTakingTooLong_isATimeout_evenWithExitCodeZeroLooks() {
    BconsoleCommand c = Commands.updateSlots(Lab.STORAGE, 0, null, false);
    String out =
        HEAD
            + "@echo "
            + B
            + "\n"
            + B
            + " \n"
            + c.line()
            + "\n3306 Issuing autochanger \"slots\" command.\n";
    assertThatThrownBy(() -> read(out, c, -1, true))
        .isInstanceOf(BconsoleTimeoutException.class)
        .hasMessageContaining("within 30 s")
        .hasMessageContaining("may still be carrying it out");
  }

  @Test
  void noEndMarkerWithoutTimeout_isAnOutputError() {
    BconsoleCommand c = Commands.listVolumes(null);
    String out = HEAD + "@echo " + B + "\n" + B + " \n" + c.line() + "\nPool: Default\n";
    assertThatThrownBy(() -> read(out, c, 0, false))
        .isInstanceOf(BconsoleOutputException.class)
        .hasMessageContaining("stopped before the end");
  }

  @Test
  void answersEchoedAfterTheQuestion_stayInTheReply() {
    BconsoleCommand c =
        Commands.labelBarcodes(
            Lab.STORAGE, Lab.POOL, 0, io.tapeflow.bacula.model.SlotRange.of(1, 2));
    String out =
        session(
            c,
            """
            Do you want to label these Volumes? (yes|no): yes
            Media record for Slot 1 Volume "LAB001" already exists.
            """);
    assertThat(read(out, c, 0, false).lines())
        .contains("Do you want to label these Volumes? (yes|no): yes");
  }
}
