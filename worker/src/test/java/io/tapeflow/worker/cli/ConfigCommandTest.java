package io.tapeflow.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.worker.config.ConfigReaderTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {
  @TempDir Path dir;
  String out;
  String err;

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = TapeflowCommand.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int rc = cl.execute(args);
    out = o.toString();
    err = e.toString();
    return rc;
  }

  @Test
  void check_acceptsTheShippedExample_andPrintsASummary() {
    assertThat(
            run("config", "check", "--config", "src/main/dist/tapeflow.yaml.example", "--no-probe"))
        .as(err)
        .isZero();
    assertThat(out)
        .startsWith("src/main/dist/tapeflow.yaml.example: valid\n")
        .contains("temporal   dev-server, namespace default, gRPC 127.0.0.1:7233")
        .contains(
            "gateway    gw1  arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-12A3456B")
        .contains("not probed (--no-probe)")
        .contains("pool       Offsite on gw1 → GLACIER, barcodes TF…, 100 GiB tapes")
        .contains("metrics    http://127.0.0.1:9464/metrics");
    assertThat(out.lines().count()).as("one screen").isLessThan(25);
  }

  @Test
  void check_printsEveryErrorOnItsOwnLine_andExitsTwo() throws IOException {
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(
        f,
        ConfigReaderTest.VALID
            .replace("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B", "sgw-1")
            .replace("gateway: gw1", "gateway: gw9")
            .replace("state:", "stat:"));
    assertThat(run("config", "check", "--config", f.toString())).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err.lines())
        .containsExactly(
            "tapeflow.yaml:5: stat: unknown key (did you mean 'state'?)",
            "tapeflow.yaml:8: gateways[0].arn: 'sgw-1' is not a gateway ARN"
                + " (arn:aws:storagegateway:REGION:ACCOUNT:gateway/sgw-XXXXXXXX)",
            "tapeflow.yaml:18: pools[0].gateway: 'gw9' is not a configured gateway (did you mean"
                + " 'gw1'?)",
            "3 errors");
  }

  @Test
  void check_reportsAChangerThatDoesNotAnswer_withItsLine() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(f, ConfigReaderTest.VALID.replace("127.0.0.1:3260", "127.0.0.1:" + port));
    assertThat(run("config", "check", "--config", f.toString())).isEqualTo(2);
    assertThat(err.lines())
        .hasSize(2)
        .first()
        .asString()
        .startsWith(
            "tapeflow.yaml:11: gateways[0].changer: iscsi://127.0.0.1:"
                + port
                + "/iqn.2025-01.io.tapeflow:vtl/1 does not answer");
    assertThat(run("config", "check", "--config", f.toString(), "--no-probe")).isZero();
  }

  @Test
  void worker_withABadConfig_printsTheErrors_andExitsTwoBeforeStartingAnything()
      throws IOException {
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(f, ConfigReaderTest.VALID.replace("shelf: GLACIER", "shelf: GLACIAR"));
    assertThat(run("worker", "--config", f.toString())).isEqualTo(2);
    assertThat(err.lines())
        .containsExactly(
            "tapeflow.yaml:19: pools[0].shelf: 'GLACIAR' is not a shelf: use GLACIER, DEEP_ARCHIVE"
                + " or a custom pool ARN (arn:aws:storagegateway:REGION:ACCOUNT:tapepool/pool-XXXXXXXX)");
  }

  @Test
  void check_ofAMissingFile_saysSo() {
    assertThat(run("config", "check", "--config", dir.resolve("no.yaml").toString())).isEqualTo(2);
    assertThat(err).contains("no.yaml: no such file");
  }
}
