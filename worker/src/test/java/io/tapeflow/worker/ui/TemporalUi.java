package io.tapeflow.worker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Temporal UI seen through Debian's headless chromium: runs {@code ui/temporal-ui.js} with node
 * and playwright-core ({@code $TAPEFLOW_UI_NODE_MODULES}, else {@code infra/bin/ui-deps}) and
 * returns each page's text; screenshots go to {@code target/ui/}.
 */
final class TemporalUi {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "ui");

  /** One page as shown: its text, and whether the awaited text appeared. */
  record Page(String url, boolean found, String text, Path screenshot) {}

  private final String base;
  private final List<String> args = new ArrayList<>();
  private final List<Path> shots = new ArrayList<>();

  /** Pages of the UI at {@code http://127.0.0.1:uiPort}. */
  TemporalUi(int uiPort) {
    this.base = "http://127.0.0.1:" + uiPort + "/namespaces/default";
  }

  /** Skips the test, saying why, where the browser or node is missing. */
  static void assumeBrowser() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        CHROMIUM + " is missing: install Debian's chromium (infra/bin/test does)");
    Assumptions.assumeTrue(
        onPath("node"),
        "node is not on the PATH: install Debian's nodejs (infra/bin/ui-deps does)");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** The workflows list filtered by a visibility query. */
  TemporalUi list(String query, String waitFor, String png) {
    return page(base + "/workflows?query=" + encode(query), waitFor, png);
  }

  /** A workflow's page. */
  TemporalUi workflow(String workflowId, String runId, String waitFor, String png) {
    return page(
        base + "/workflows/" + encode(workflowId) + "/" + runId + "/user-metadata", waitFor, png);
  }

  private TemporalUi page(String url, String waitFor, String png) {
    Path shot = SCREENSHOTS.resolve(png);
    args.addAll(List.of(waitFor, url, shot.toAbsolutePath().toString()));
    shots.add(shot);
    return this;
  }

  /** Opens the pages in one browser, in order. */
  List<Page> show() throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOTS);
    List<String> command =
        new ArrayList<>(List.of("node", driver().toString(), CHROMIUM.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("NODE_PATH", nodeModules());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the browser driver ends").isTrue();
    assertThat(p.exitValue()).as("temporal-ui.js exit status; stdout: %s", out).isZero();
    ObjectMapper json = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    for (String line : out.strip().lines().toList()) {
      JsonNode n = json.readTree(line);
      pages.add(
          new Page(
              n.get("url").asText(),
              n.get("found").asBoolean(),
              n.get("text").asText(),
              shots.get(pages.size())));
    }
    assertThat(pages).as("one report per page").hasSize(shots.size());
    return pages;
  }

  private static Path driver() {
    try {
      return Path.of(TemporalUi.class.getResource("/ui/temporal-ui.js").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** playwright-core's node_modules folder, from the environment or {@code infra/bin/ui-deps}. */
  static String nodeModules() throws IOException, InterruptedException {
    String dir = System.getenv("TAPEFLOW_UI_NODE_MODULES");
    if (dir != null && !dir.isBlank()) {
      return dir;
    }
    return run(Path.of(System.getProperty("tapeflow.repo", "..")).resolve("infra/bin/ui-deps"));
  }

  /** The Temporal CLI, from the environment or {@code infra/bin/temporal-cli}. */
  static Path temporalBinary() throws IOException, InterruptedException {
    String bin = System.getenv("TAPEFLOW_TEMPORAL_BIN");
    if (bin != null && !bin.isBlank()) {
      return Path.of(bin);
    }
    return Path.of(
        run(Path.of(System.getProperty("tapeflow.repo", "..")).resolve("infra/bin/temporal-cli")));
  }

  private static String run(Path script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as("%s", script).isZero();
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
