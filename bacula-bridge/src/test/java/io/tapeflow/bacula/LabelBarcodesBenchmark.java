package io.tapeflow.bacula;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.bacula.changer.ChangerService;
import io.tapeflow.bacula.changer.FileDriveReadiness;
import io.tapeflow.bacula.changer.StandardChangerOpener;
import io.tapeflow.bacula.model.LabelResult;
import io.tapeflow.bacula.testing.BaculaFixture;
import io.tapeflow.bacula.testing.BaculaTestConsole;
import io.tapeflow.bacula.testing.EmulatorFixture;
import io.tapeflow.bacula.testing.Scripts;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code label barcodes} of 20 tapes with tapeflow's Changer Command against the stock Debian
 * {@code mtx-changer} + {@code mtx}, in the same run, each on a fresh emulated library and a fresh
 * Bacula. Not a test of speed (nothing here fails on time): it prints the figures and writes them
 * to {@code target/benchmarks/label-barcodes.md}. Run it with {@code infra/bin/bench-label}.
 *
 * <p>The stock side reaches the tgt changer through the SG_IO-to-libiscsi LD_PRELOAD shim (mtx
 * speaks SG_IO only). Its {@code load} ends with {@code mt -f DRIVE status} until ONLINE; for File
 * drives a small {@code mt} stand-in answers ONLINE once the drive file leads to the tape the
 * library reports in that drive, the same readiness rule tapeflow's command applies.
 */
class LabelBarcodesBenchmark {
  private static final int TAPES = Integer.getInteger("bench.tapes", 20);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
  private static final boolean DIRECT =
      Boolean.parseBoolean(System.getProperty("bench.direct", "true"));

  @TempDir Path dir;

  record Run(String variant, int round, Duration label, int calls, int labelled) {}

  @Test
  void labelBarcodesOfTwentyTapes_tapeflowAgainstStockMtxChanger() throws Exception {
    Path nativeDir =
        Path.of(
            Scripts.run(List.of(RepoRoot.script("build-native").toString(), "--print-dir"), 600)
                .strip());
    List<Run> runs = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      runs.add(stock(round, nativeDir));
      runs.add(tapeflow(round, true));
      if (DIRECT) {
        runs.add(tapeflow(round, false));
      }
    }
    String report = report(runs);
    Path out = RepoRoot.find().resolve("bacula-bridge/target/benchmarks/label-barcodes.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
    assertThat(runs).allSatisfy(r -> assertThat(r.labelled()).isEqualTo(TAPES));
  }

  private Run tapeflow(int round, boolean service) throws IOException {
    Path d = dir.resolve((service ? "tapeflow-" : "direct-") + round);
    Path locks = d.resolve("locks");
    try (EmulatorFixture emu =
        EmulatorFixture.start(d.resolve("emulator"), locks, 2, TAPES + 4, TAPES + 4)) {
      importTapes(emu, locks);
      Path socket = d.resolve("changer.sock");
      AtomicInteger calls = new AtomicInteger();
      ChangerService svc = service ? new CountingService(socket, locks, calls).start() : null;
      BaculaFixture.Builder b =
          BaculaFixture.in(d.resolve("bacula"))
              .option("--changer-device", emu.changerUri())
              .option("--media", emu.media().toString())
              .option("--drives", "2")
              .option("--lock-dir", locks.toString());
      if (service) {
        b.option("--changer-socket", socket.toString());
      }
      try (BaculaFixture bacula = b.start()) {
        Run r =
            label(
                service
                    ? "tapeflow (thin client + changer service)"
                    : "tapeflow (one JVM per call)",
                round,
                bacula);
        return new Run(r.variant(), round, r.label(), service ? calls.get() : -1, r.labelled());
      } finally {
        if (svc != null) {
          svc.close();
        }
      }
    }
  }

  private Run stock(int round, Path nativeDir) throws IOException {
    Path d = dir.resolve("stock-" + round);
    Path locks = d.resolve("locks");
    try (EmulatorFixture emu =
        EmulatorFixture.start(d.resolve("emulator"), locks, 2, TAPES + 4, TAPES + 4)) {
      importTapes(emu, locks);
      Path bin = Files.createDirectories(d.resolve("stock"));
      String fake = "/dev/tapeflow-sg-bench" + round;
      Path calls = d.resolve("stock-calls.log");
      write(
          bin.resolve("mtx-changer"),
          "#!/bin/sh\n"
              + "# the stock Debian mtx-changer, its mtx reaching tgt through the SG_IO->iSCSI shim\n"
              + "echo \"$2\" >> "
              + calls
              + "\n"
              + "export LD_PRELOAD="
              + nativeDir.resolve("libsgshim.so")
              + "\n"
              + "export TAPEFLOW_SHIM_DEVICE="
              + fake
              + "\n"
              + "export TAPEFLOW_SHIM_URL='"
              + emu.changerUri()
              + "'\n"
              + "export PATH="
              + bin
              + ":$PATH\n"
              + "exec /etc/bacula/scripts/mtx-changer \"$@\"\n");
      try (var in = LabelBarcodesBenchmark.class.getResourceAsStream("/bench/mt")) {
        write(bin.resolve("mt"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      try (BaculaFixture bacula =
          BaculaFixture.in(d.resolve("bacula"))
              .option("--changer-device", fake)
              .option("--changer-command", bin.resolve("mtx-changer").toString())
              .option("--media", emu.media().toString())
              .option("--drives", "2")
              .option("--lock-dir", locks.toString())
              .start()) {
        Files.deleteIfExists(calls);
        Run r = label("stock mtx-changer + mtx (SG_IO shim)", round, bacula);
        int n = Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
        return new Run(r.variant(), round, r.label(), n, r.labelled());
      }
    }
  }

  private static void importTapes(EmulatorFixture emu, Path locks) {
    SortedMap<String, String> tapes = emu.createTapes("BEN", TAPES);
    try (MediumChanger c = Changers.open(ChangerUri.parse(emu.changerUri()), locks)) {
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      for (String b : tapes.keySet()) {
        while (c.locate(b).isEmpty()) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError(b + " never appeared in the library");
          }
          sleep(100);
        }
        c.ensureIn(b, ElementType.STORAGE);
      }
    }
  }

  private static Run label(String variant, int round, BaculaFixture bacula) {
    // one JVM per changer call takes minutes for 20 tapes: give bconsole room
    BaculaConsole console = new BaculaConsole(bacula.client(Duration.ofMinutes(30)));
    new BaculaTestConsole(bacula.client(Duration.ofMinutes(30)))
        .updateSlots(bacula.storage(), 0, null);
    long t0 = System.nanoTime();
    LabelResult r = console.labelBarcodes(bacula.storage(), bacula.pool(), 0, null);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    return new Run(variant, round, took, 0, r.labelled().size());
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String report(List<Run> runs) {
    StringBuilder b = new StringBuilder();
    b.append("label barcodes of ")
        .append(TAPES)
        .append(" tapes, 2 drives, ")
        .append(Instant.now())
        .append('\n');
    b.append("load average at the end: ").append(loadAverage()).append("\n\n");
    b.append("| variant | round | label barcodes | changer calls | per call (incl. Bacula) |\n");
    b.append("| --- | --- | --- | --- | --- |\n");
    for (Run r : runs) {
      b.append("| ").append(r.variant()).append(" | ").append(r.round()).append(" | ");
      b.append(String.format(Locale.ROOT, "%.1f s", r.label().toMillis() / 1000.0)).append(" | ");
      b.append(r.calls() < 0 ? "n/a" : Integer.toString(r.calls())).append(" | ");
      b.append(
              r.calls() > 0
                  ? String.format(Locale.ROOT, "%.0f ms", (double) r.label().toMillis() / r.calls())
                  : "")
          .append(" |\n");
    }
    for (int round = 1; round <= ROUNDS; round++) {
      final int rd = round;
      Run stock =
          runs.stream()
              .filter(r -> r.round() == rd && r.variant().startsWith("stock"))
              .findFirst()
              .orElseThrow();
      for (Run r : runs) {
        if (r.round() == rd && !r.equals(stock)) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "round %d: %s / stock = %.2f\n",
                  rd,
                  r.variant(),
                  (double) r.label().toMillis() / stock.label().toMillis()));
        }
      }
    }
    return b.toString();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  /** The changer service, counting the calls it answers. */
  private static final class CountingService {
    private final Path socket;
    private final Path locks;
    private final AtomicInteger calls;

    CountingService(Path socket, Path locks, AtomicInteger calls) {
      this.socket = socket;
      this.locks = locks;
      this.calls = calls;
    }

    ChangerService start() throws IOException {
      return new ChangerService(
              socket,
              StandardChangerOpener.INSTANCE,
              locks,
              new FileDriveReadiness(Duration.ofSeconds(60), Duration.ofMillis(10)),
              calls::incrementAndGet)
          .start();
    }
  }
}
