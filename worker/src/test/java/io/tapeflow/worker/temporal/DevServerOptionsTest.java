package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.workflows.tape.TapeSearchAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerOptionsTest {
  @TempDir Path dir;

  DevServerOptions options(String namespace) {
    return new DevServerOptions(
        Path.of("/opt/temporal"),
        Path.of("/var/lib/tapeflow"),
        7233,
        8233,
        namespace,
        TapeSearchAttributes.definitions(),
        Duration.ofSeconds(30));
  }

  @Test
  void command_bindsLoopbackOnly_keepsSqliteUnderState_andRegistersEveryTapeAttribute() {
    assertThat(String.join(" ", options("default").command()))
        .isEqualTo(
            "/opt/temporal server start-dev --db-filename /var/lib/tapeflow/temporal.db"
                + " --ip 127.0.0.1 --port 7233 --ui-ip 127.0.0.1 --ui-port 8233"
                + " --search-attribute GatewayName=Keyword --search-attribute TapeBarcode=Keyword"
                + " --search-attribute TapeLocation=Keyword --search-attribute TapePool=Keyword"
                + " --search-attribute TapeState=Keyword --log-level warn --ui-disable-news-fetch");
  }

  @Test
  void command_createsANamespaceOtherThanDefault() {
    assertThat(options("tapes").command()).containsSubsequence("--namespace", "tapes");
    assertThat(options("default").command()).doesNotContain("--namespace");
  }

  @Test
  void samePortForGrpcAndUi_isRefused() {
    assertThatThrownBy(
            () ->
                new DevServerOptions(
                    Path.of("t"),
                    Path.of("s"),
                    7233,
                    7233,
                    "default",
                    java.util.Map.of(),
                    Duration.ofSeconds(1)))
        .hasMessageContaining("two different ports");
  }

  @Test
  void findBinary_usesTheConfiguredOne_elseSearchesPath_elseSaysWhatToDo() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path temporal = Files.createFile(bin.resolve("temporal"));
    Files.setPosixFilePermissions(temporal, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(DevServerOptions.findBinary(Optional.empty(), "/nonexistent:" + bin))
        .isEqualTo(temporal);
    assertThat(DevServerOptions.findBinary(Optional.of(temporal), "")).isEqualTo(temporal);
    assertThatThrownBy(() -> DevServerOptions.findBinary(Optional.empty(), "/nonexistent"))
        .hasMessageContaining("no 'temporal' binary on PATH")
        .hasMessageContaining("temporal.devServer.binary");
    assertThatThrownBy(() -> DevServerOptions.findBinary(Optional.of(bin.resolve("x")), ""))
        .hasMessageContaining("is not an executable file");
  }
}
