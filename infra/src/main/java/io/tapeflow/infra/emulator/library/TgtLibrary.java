package io.tapeflow.infra.emulator.library;

import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's library on a private tgtd, run through {@code infra/bin/vtl}: {@code vtl up} builds
 * the AWS-shaped library (one target per device) with the cartridges of the spec, {@code vtl
 * put}/{@code clear} make the gateway's own changes, and the element status is read through the
 * {@code changer} module as any initiator would (tgt raises no unit attention, so the gateway
 * polls). {@link #close()} runs {@code vtl down}, which stops exactly the tgtd {@code up} started.
 */
public final class TgtLibrary implements LibrarySide {
  private static final Logger LOG = LoggerFactory.getLogger(TgtLibrary.class);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final long SCRIPT_TIMEOUT_SECONDS = 120;
  private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);

  private final Path vtl;
  private final Path dir;
  private final Path mediaHome;
  private final LibraryLayout layout;
  private final MediumChanger changer;

  private TgtLibrary(
      Path vtl, Path dir, Path mediaHome, LibraryLayout layout, MediumChanger changer) {
    this.vtl = vtl;
    this.dir = dir;
    this.mediaHome = mediaHome;
    this.layout = layout;
    this.changer = changer;
  }

  /**
   * Starts the library. Tape images of the spec's cartridges that exist from an earlier run are
   * kept (vtl up would make them blank).
   *
   * @param vtl the {@code infra/bin/vtl} script
   * @param openChanger opens the changer URI {@code vtl up} reports (through the changer module)
   */
  public static TgtLibrary start(
      LibrarySpec spec, Path vtl, Function<String, MediumChanger> openChanger) {
    Path dir = spec.dir().toAbsolutePath().normalize();
    run(vtl, "down", "--dir", dir.toString()); // a tgtd left by a killed emulator on this dir
    Path mediaHome = dir.resolve("media");
    Path kept = dir.resolve("kept-images");
    Map<String, Path> saved = keepImages(spec, mediaHome, kept);
    List<String> args = new ArrayList<>(List.of("up", "--dir", dir.toString()));
    if (spec.portalPort() != 0) {
      args.addAll(List.of("--portal", spec.portalHost() + ":" + spec.portalPort()));
    } else if (!"127.0.0.1".equals(spec.portalHost())) {
      throw new IllegalArgumentException(
          "a portal on " + spec.portalHost() + " needs a port: give --iscsi-portal HOST:PORT");
    }
    args.addAll(
        List.of(
            "--drives",
            String.valueOf(spec.drives()),
            "--slots",
            String.valueOf(spec.slots()),
            "--ie",
            String.valueOf(spec.ieSlots())));
    if (spec.iqnPrefix() != null) {
      args.addAll(List.of("--iqn-prefix", spec.iqnPrefix()));
    }
    spec.cartridges()
        .forEach((address, barcode) -> args.addAll(List.of("--tape", barcode + "@" + address)));
    run(vtl, args.toArray(String[]::new));
    Map<String, String> env = readEnv(dir.resolve("vtl.env"));
    try {
      saved.forEach((barcode, file) -> move(file, Path.of(env.get("MEDIA_HOME")).resolve(barcode)));
      LibraryLayout layout = layout(env);
      MediumChanger changer = openChanger.apply(layout.changerUri());
      LOG.info(
          "tgt library up: tgtd {} portal {} changer {}",
          env.get("TGT_PID"),
          env.get("PORTAL"),
          layout.changerUri());
      return new TgtLibrary(vtl, dir, Path.of(env.get("MEDIA_HOME")), layout, changer);
    } catch (RuntimeException e) {
      run(vtl, "down", "--dir", dir.toString());
      throw e;
    }
  }

  private static Map<String, Path> keepImages(LibrarySpec spec, Path mediaHome, Path kept) {
    Map<String, Path> saved = new HashMap<>();
    try {
      Files.createDirectories(kept);
      for (String barcode : spec.cartridges().values()) {
        Path image = mediaHome.resolve(barcode);
        if (Files.isRegularFile(image)) {
          Path copy = kept.resolve(barcode);
          Files.move(image, copy, StandardCopyOption.REPLACE_EXISTING);
          saved.put(barcode, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the tape images of " + mediaHome, e);
    }
    return saved;
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put back the tape image " + to, e);
    }
  }

  private static LibraryLayout layout(Map<String, String> env) {
    String portal = require(env, "PORTAL");
    int colon = portal.lastIndexOf(':');
    List<Integer> drives =
        words(env.getOrDefault("DRIVE_ADDRESSES", "")).stream().map(Integer::valueOf).toList();
    return new LibraryLayout(
        Integer.parseInt(require(env, "TRANSPORT_ADDRESS")),
        drives,
        Integer.parseInt(require(env, "STORAGE_FIRST")),
        Integer.parseInt(require(env, "STORAGE_COUNT")),
        Integer.parseInt(require(env, "IE_FIRST")),
        Integer.parseInt(require(env, "IE_COUNT")),
        portal.substring(0, colon),
        Integer.parseInt(portal.substring(colon + 1)),
        require(env, "CHANGER_IQN"),
        Integer.parseInt(require(env, "CHANGER_LUN")),
        words(env.getOrDefault("DRIVE_IQNS", "")),
        require(env, "CHANGER_URI"));
  }

  private static List<String> words(String s) {
    return s.isBlank()
        ? List.of()
        : Arrays.stream(SPACES.split(s.strip(), -1)).filter(w -> !w.isEmpty()).toList();
  }

  private static String require(Map<String, String> env, String key) {
    String v = env.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException("vtl.env has no " + key);
    }
    return v;
  }

  /** Reads the {@code KEY=VALUE} lines of vtl.env (values optionally in single quotes). */
  static Map<String, String> readEnv(Path file) {
    Map<String, String> env = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq <= 0 || line.startsWith("#")) {
          continue;
        }
        String value = line.substring(eq + 1);
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
          value = value.substring(1, value.length() - 1);
        }
        env.put(line.substring(0, eq), value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return env;
  }

  /** Runs the vtl script; fails with its own message (its last line) when it fails. */
  private static String run(Path vtl, String... args) {
    List<String> command = new ArrayList<>();
    command.add(vtl.toString());
    command.addAll(Arrays.asList(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output;
      try (InputStream in = p.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("vtl " + args[0] + " did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        String[] lines = output.strip().split("\n", -1);
        throw new IllegalStateException(
            "vtl " + args[0] + " failed: " + lines[lines.length - 1].strip());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + vtl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running vtl " + args[0], e);
    }
  }

  @Override
  public LibraryLayout layout() {
    return layout;
  }

  @Override
  public Inventory inventory() {
    return changer.inventory();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code vtl put} checks that the element is empty, then sets it; the changer's host-wide lock
   * is held around both, so no move by tapeflow or Bacula (which take the same lock) lands in the
   * element in between. tgt would otherwise overwrite that cartridge without a word.
   */
  @Override
  public void place(String barcode, int address) {
    underLock(
        () ->
            run(
                vtl,
                "put",
                "--dir",
                dir.toString(),
                "--barcode",
                barcode,
                "--address",
                String.valueOf(address)));
  }

  @Override
  public void clear(int address) {
    underLock(
        () -> run(vtl, "clear", "--dir", dir.toString(), "--address", String.valueOf(address)));
  }

  private String underLock(Supplier<String> action) {
    return changer.withLock("tapeflow gateway-emulator", LOCK_TIMEOUT, action);
  }

  @Override
  public void move(int from, int to) {
    changer.move(from, to);
  }

  @Override
  public Optional<Path> imageOf(String barcode) {
    return Optional.of(mediaHome.resolve(barcode));
  }

  @Override
  public void close() {
    try {
      changer.close();
    } finally {
      run(vtl, "down", "--dir", dir.toString());
    }
  }
}
