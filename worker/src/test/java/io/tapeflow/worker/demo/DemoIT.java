package io.tapeflow.worker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code infra/bin/demo}, run as it is (the same script, not a copy of its story):
 * eight tapes created, imported and labeled, a backup, the full tapes to the shelf, a file restored
 * from the shelf with the same bytes, and the tape back on the shelf. Keeps the demo's output under
 * {@code target/} and its timeline in {@code target/benchmarks/demo.txt}.
 */
class DemoIT {
  private static final Pattern TAPE =
      Pattern.compile(
          "(?m)^  tape (DEMO[0-9A-Z]+) state (\\S+) history events (\\d+) gateway calls (\\d+)"
              + " states (\\S+)$");

  @Test
  void demo_runsTheWholeStory_andEndsGreen() throws Exception {
    Path repo = Path.of(System.getProperty("tapeflow.repo", "..")).toAbsolutePath().normalize();
    // Short: tgt keeps the tapes' paths under 128 bytes.
    Path run = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "tfdemo");
    Path log = Path.of("target", "DemoIT-demo.log");
    Files.createDirectories(log.getParent());
    Process demo =
        new ProcessBuilder(
                repo.resolve("infra/bin/demo").toString(), "--no-build", "--dir", run.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(new File(log.toString()))
            .start();
    boolean ended = demo.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      demo.destroy(); // the demo's trap stops what it started
      demo.waitFor(1, TimeUnit.MINUTES);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as("the demo ends within 10 minutes:%n%s", out).isTrue();
    assertThat(demo.exitValue()).as("the demo's exit code; its output:%n%s", out).isZero();

    assertThat(out)
        .contains("restored sub/random.bin: same bytes", "restore: same bytes", "demo ok")
        .contains("Temporal UI: http://127.0.0.1:")
        .contains(
            "Timeline (seconds)",
            "create 8 tapes, import, label",
            "back up a folder",
            "send the full tapes to the shelf",
            "restore a file from the shelf",
            "send it back to the shelf");
    Matcher m = TAPE.matcher(out);
    int tapes = 0;
    int travelled = 0;
    while (m.find()) {
      tapes++;
      List<String> states = List.of(m.group(5).split(">"));
      assertThat(Integer.parseInt(m.group(3))).as("history events of %s", m.group(1)).isPositive();
      assertThat(Integer.parseInt(m.group(4))).as("gateway calls of %s", m.group(1)).isPositive();
      if (m.group(2).equals("ARCHIVED")) {
        travelled++;
        assertThat(states)
            .containsSubsequence(
                "LABELING",
                "SCRATCH",
                "FULL",
                "EJECTING",
                "ARCHIVED",
                "RETRIEVING",
                "ONLINE_READ_ONLY",
                "ARCHIVED");
      } else {
        assertThat(m.group(2)).isEqualTo("SCRATCH");
        assertThat(states).containsSubsequence("IN_IE_SLOT", "IMPORTING", "LABELING", "SCRATCH");
      }
    }
    assertThat(tapes).as("a summary line per tape").isEqualTo(8);
    assertThat(travelled).as("tapes that went to the shelf and back").isPositive();
    assertThat(run.resolve("pids")).as("everything it started is stopped").isEmptyDirectory();

    Path bench = Path.of("target", "benchmarks", "demo.txt");
    Files.createDirectories(bench.getParent());
    Files.writeString(bench, out.substring(out.indexOf("Timeline (seconds)")));
  }
}
