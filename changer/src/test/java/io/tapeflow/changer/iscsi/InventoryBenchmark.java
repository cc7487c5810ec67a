package io.tapeflow.changer.iscsi;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.testing.NativeHelpers;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: the in-process full inventory of an AWS-sized library (1 transport, 10
 * drives, 1600 storage all labelled, 1600 I/E) through SmcMediumChanger over IscsiTransport, beside
 * infra/native's minimal C libiscsi program doing the same four READ ELEMENT STATUS, in the same
 * run and alternating rounds so both see the same machine load. Run it with {@code infra/bin/bench
 * inventory}.
 *
 * <pre>
 *   InventoryBenchmark [iterations per round (50)] [rounds (10)] [warm-up inventories (1000)]
 * </pre>
 */
public final class InventoryBenchmark {
  private static final Pattern C_LINE =
      Pattern.compile("median_ms=([0-9.]+) .*round_trips=(\\d+) elements=(\\d+)");

  private InventoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    if (iterations * rounds < 50) {
      throw new IllegalArgumentException("at least 50 inventories in all");
    }
    VtlFixture.Builder b = VtlFixture.builder();
    for (int k = 0; k < 1600; k++) {
      b.tape(String.format(Locale.ROOT, "BEN%05d", k), 20000 + k);
    }
    System.out.println("building the AWS-sized library (1600 labelled tapes)...");
    Path locks = Files.createTempDirectory("bench-locks");
    try (VtlFixture vtl = b.start();
        IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint());
        SmcMediumChanger changer =
            SmcMediumChanger.open(
                t,
                ChangerUri.parse(vtl.changerUri()),
                locks,
                SmcMediumChanger.Options.defaults())) {
      int elements = changer.inventory().elements().size();
      for (int i = 0; i < warmup; i++) {
        changer.inventory();
        rawInventory(t);
      }
      // Short alternating rounds, so that both sides see the same machine load; the ratio is
      // taken per round.
      List<Double> java = new ArrayList<>();
      List<Double> raw = new ArrayList<>();
      List<Double> cRounds = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      long javaTrips = 0;
      int cTrips = -1;
      int cElements = -1;
      for (int r = 0; r < rounds; r++) {
        Matcher m = runC(vtl, iterations);
        double c = Double.parseDouble(m.group(1));
        cRounds.add(c);
        cTrips = Integer.parseInt(m.group(2));
        cElements = Integer.parseInt(m.group(3));
        long before = t.commandsSent();
        double[] round = new double[iterations];
        for (int i = 0; i < iterations; i++) {
          long t0 = System.nanoTime();
          changer.inventory();
          round[i] = (System.nanoTime() - t0) / 1e6;
          java.add(round[i]);
        }
        javaTrips += t.commandsSent() - before;
        ratios.add(median(sorted(round)) / c);
        for (int i = 0; i < iterations; i++) {
          long t0 = System.nanoTime();
          rawInventory(t);
          raw.add((System.nanoTime() - t0) / 1e6);
        }
      }
      double[] js = sorted(java);
      System.out.printf(
          Locale.ROOT,
          "elements per inventory: java %d, c %d%n"
              + "java (SmcMediumChanger + IscsiTransport): median %.3f ms, min %.3f, max %.3f"
              + " over %d inventories%n"
              + "c (libiscsi, infra/native/iscsi-inventory): median %.3f ms (medians of %d rounds"
              + " of %d)%n"
              + "java transport alone (the same 4 commands, no decoding): median %.3f ms%n"
              + "ratio java/c: %.2f (median of the per-round ratios; rounds from %.2f to %.2f)%n"
              + "round trips per inventory: java %.2f, c %d%n",
          elements,
          cElements,
          median(js),
          js[0],
          js[js.length - 1],
          js.length,
          median(sorted(cRounds)),
          rounds,
          iterations,
          median(sorted(raw)),
          median(sorted(ratios)),
          sorted(ratios)[0],
          sorted(ratios)[ratios.size() - 1],
          (double) javaTrips / (rounds * iterations),
          cTrips);
    }
  }

  private static double[] sorted(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double[] sorted(double[] v) {
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    return c;
  }

  /** The four READ ELEMENT STATUS of an inventory, sized like the changer's, not decoded. */
  private static void rawInventory(IscsiTransport t) {
    int[][] types = {{1, 1, 1}, {4, 10000, 10}, {2, 20000, 1600}, {3, 30000, 1600}};
    for (int[] ty : types) {
      int alloc = 16 + ty[2] * 52 + 64;
      byte[] cdb = {
        (byte) 0xB8,
        (byte) (0x10 | ty[0]),
        (byte) (ty[1] >> 8),
        (byte) ty[1],
        (byte) (ty[2] >> 8),
        (byte) ty[2],
        0,
        (byte) (alloc >> 16),
        (byte) (alloc >> 8),
        (byte) alloc,
        0,
        0
      };
      t.execute(ScsiCommand.dataIn(cdb, alloc, Duration.ofMinutes(1))).dataView();
    }
  }

  private static Matcher runC(VtlFixture vtl, int iterations)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                NativeHelpers.helper("iscsi-inventory").toString(),
                "--portal",
                vtl.portal(),
                "--target",
                vtl.changerIqn(),
                "--lun",
                Integer.toString(vtl.changerLun()),
                "--bench",
                Integer.toString(iterations))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("iscsi-inventory failed: " + out);
    }
    Matcher m = C_LINE.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("unexpected iscsi-inventory output: " + out);
    }
    return m;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
