package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.worker.cli.TapeflowCommand;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The operator commands against a running {@code tapeflow worker} on the emulated gateway, in the
 * embedded and dev-server modes: they reach the worker's server through the same config, create
 * tapes, list them (also from a second process), show one, and a refused update exits 1 and leaves
 * the tape as it was.
 */
class OperatorCommandsIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static EmulatedGateway gw;
  String out;
  String err;

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
    System.setProperty("aws.accessKeyId", "AKIDTAPEFLOWTEST");
    System.setProperty("aws.secretAccessKey", "secret");
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
  }

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

  /** {@code tapeflow ARGS} as its own process; returns its stdout, asserting exit 0. */
  static String process(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // infra's logback.xml is on the test class path too; two make logback print
                // its status on stdout, so name the product's.
                "-Dlogback.configurationFile="
                    + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp",
                productClassPath(),
                "io.tapeflow.worker.cli.TapeflowMain"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(stdout).isZero();
    return stdout;
  }

  /** The class path without test classes and test jars (their logback-test.xml logs on stdout). */
  static String productClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("-tests.jar"))
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  @Test
  void embedded_cliCreatesListsShowsTapes_andARefusedUpdateExitsOne_changingNothing()
      throws Exception {
    createListShowRefuse("embedded");
  }

  @Test
  void devServer_cliCreatesListsShowsTapes_andARefusedUpdateExitsOne_changingNothing()
      throws Exception {
    createListShowRefuse("dev-server");
  }

  void createListShowRefuse(String mode) throws Exception {
    Path home = Files.createDirectories(dir.resolve(mode));
    Path f = TapeflowWorkerIT.writeConfig(home, gw);
    Files.writeString(f, Files.readString(f).replace("mode: dev-server", "mode: " + mode));
    String config = f.toString();
    TapeflowConfig c = ConfigReader.read(f, Map.of());
    try (TapeflowWorker w = TapeflowWorker.start(c, "")) {
      TapeflowWorkerIT.awaitWatcher(w, "gw1");
      assertThat(run("tapes", "create", "--pool", "Full", "--count", "2", "--config", config))
          .as(err)
          .isZero();
      assertThat(out).contains("creating 2 tapes in pool Full: workflow provision/cli-");

      JsonNode tapes = awaitTapes(config, 2);
      for (JsonNode t : tapes) {
        assertThat(t.get("barcode").asText()).startsWith("TFW");
        assertThat(t.get("gateway").asText()).isEqualTo("gw1");
        assertThat(t.get("pool").asText()).isEqualTo("GLACIER");
        assertThat(t.has("state") && t.has("location") && t.has("volStatus") && t.has("since"))
            .isTrue();
      }
      String bc = tapes.get(0).get("barcode").asText();

      String listed = process("tapes", "list", "--json", "--config", config);
      assertThat(listed).as("stdout holds only the JSON").startsWith("{\"tapes\":[");
      JsonNode fromProcess = JSON.readTree(listed).get("tapes");
      assertThat(fromProcess).extracting(t -> t.get("barcode").asText()).contains(bc);

      assertThat(run("tapes", "show", bc, "--config", config)).as(err).isZero();
      assertThat(out).startsWith(bc + ": ").contains("waiting for: ");

      assertThat(run("tapes", "expire", bc, "--config", config)).isEqualTo(1);
      assertThat(err).startsWith(bc + ": refused: ");
      assertThat(run("tapes", "show", bc, "--json", "--config", config)).isZero();
      JsonNode after = JSON.readTree(out);
      assertThat(after.get("state").asText()).isNotIn("EXPIRING", "DELETED");
      assertThat(after.get("transitions"))
          .as("the refused request left no transition")
          .noneMatch(t -> t.get("requestId").asText("").startsWith("cli-"));

      assertThat(run("status", "--json", "--config", config)).as(err).isZero();
      assertThat(JSON.readTree(out).has("library")).isTrue();
    }
  }

  /** Lists until {@code n} tapes appear (visibility is eventually consistent on the dev server). */
  JsonNode awaitTapes(String config, int n) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      assertThat(run("tapes", "list", "--json", "--config", config)).as(err).isZero();
      JsonNode tapes = JSON.readTree(out).get("tapes");
      if (tapes.size() >= n) {
        return tapes;
      }
      assertThat(System.nanoTime()).as("%d tapes listed: %s", n, out).isLessThan(end);
      Thread.sleep(500);
    }
  }
}
