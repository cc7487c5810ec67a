package io.tapeflow.changer.testing;

import io.tapeflow.changer.iscsi.IscsiEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private AWS-shaped tgt library for a test, run by {@code infra/bin/vtl} in a temporary
 * directory. {@link #close()} runs {@code vtl down} (stopping exactly the tgtd it started) and
 * deletes the directory.
 *
 * <pre>{@code
 * try (VtlFixture vtl = VtlFixture.builder().drives(2).slots(20).ie(4)
 *     .tape("TAP001", 20000).start()) {
 *   String uri = vtl.changerUri();
 * }
 * }</pre>
 *
 * or, for a whole test class, a static field with JUnit's {@code @AutoClose}.
 */
public final class VtlFixture implements AutoCloseable {
  private final Path dir;
  private final Map<String, String> env;
  private boolean closed;

  private VtlFixture(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  /** A library of the AWS gateway's size unless told otherwise: 10 drives, 1600 + 1600 slots. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the library will look like. */
  public static final class Builder {
    private int drives = 10;
    private int slots = 1600;
    private int ie = 1600;
    private final Map<String, Integer> tapes = new LinkedHashMap<>();
    private String chap;
    private String iqnPrefix;

    private Builder() {}

    public Builder drives(int n) {
      this.drives = n;
      return this;
    }

    /** Storage elements, from address 20000. */
    public Builder slots(int n) {
      this.slots = n;
      return this;
    }

    /** Import/export elements, from address 30000. */
    public Builder ie(int n) {
      this.ie = n;
      return this;
    }

    /** A cartridge preloaded in a storage or I/E element (its image is created). */
    public Builder tape(String barcode, int address) {
      tapes.put(barcode, address);
      return this;
    }

    /** CHAP on every target; the changer URI then carries {@code user%secret@}. */
    public Builder chap(String user, String secret) {
      this.chap = user + ":" + secret;
      return this;
    }

    public Builder iqnPrefix(String prefix) {
      this.iqnPrefix = prefix;
      return this;
    }

    /** Runs {@code vtl up} in a new temporary directory. */
    public VtlFixture start() {
      Path dir;
      try {
        dir = Files.createTempDirectory("vtl");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "up",
              "--dir",
              dir.toString(),
              "--drives",
              Integer.toString(drives),
              "--slots",
              Integer.toString(slots),
              "--ie",
              Integer.toString(ie)));
      tapes.forEach(
          (barcode, address) -> {
            args.add("--tape");
            args.add(barcode + "@" + address);
          });
      if (chap != null) {
        args.add("--chap");
        args.add(chap);
      }
      if (iqnPrefix != null) {
        args.add("--iqn-prefix");
        args.add(iqnPrefix);
      }
      Scripts.Result r = Scripts.run(300, "vtl", args.toArray(String[]::new));
      if (!r.ok()) {
        deleteTree(dir);
        throw new IllegalStateException("vtl up failed: " + r.stderr() + r.stdout());
      }
      return new VtlFixture(dir, parseEnv(r.stdout()));
    }
  }

  static Map<String, String> parseEnv(String text) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (eq <= 0 || !line.substring(0, eq).matches("[A-Z_][A-Z0-9_]*")) {
        continue;
      }
      String value = line.substring(eq + 1);
      if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
        value = value.substring(1, value.length() - 1);
      }
      env.put(line.substring(0, eq), value);
    }
    return Collections.unmodifiableMap(env);
  }

  /** Every value of vtl.env. */
  public Map<String, String> env() {
    return env;
  }

  /** One value of vtl.env. */
  public String get(String key) {
    String v = env.get(key);
    if (v == null) {
      throw new IllegalArgumentException("vtl.env has no " + key + "; it has " + env.keySet());
    }
    return v;
  }

  private int number(String key) {
    return Integer.parseInt(get(key));
  }

  private List<String> words(String key) {
    String v = get(key).trim();
    return v.isEmpty() ? List.of() : List.of(v.split(" +"));
  }

  /** The directory holding vtl.env, tgtd's log and the tape images. */
  public Path dir() {
    return dir;
  }

  /** {@code iscsi://[user%secret@]127.0.0.1:PORT/<changer iqn>/1}. */
  public String changerUri() {
    return get("CHANGER_URI");
  }

  /** The changer as an endpoint for {@code IscsiTransport}. */
  public IscsiEndpoint changerEndpoint() {
    return endpoint(changerIqn(), changerLun());
  }

  /** Drive {@code index} (0-based) as an endpoint. */
  public IscsiEndpoint driveEndpoint(int index) {
    return endpoint(driveIqns().get(index), number("DRIVE_LUN"));
  }

  private IscsiEndpoint endpoint(String iqn, int lun) {
    String user = get("CHAP_USER");
    return new IscsiEndpoint(
        host(),
        port(),
        iqn,
        lun,
        user.isEmpty() ? null : user,
        user.isEmpty() ? null : get("CHAP_SECRET"));
  }

  /** {@code 127.0.0.1:PORT}. */
  public String portal() {
    return get("PORTAL");
  }

  public String host() {
    return portal().substring(0, portal().lastIndexOf(':'));
  }

  public int port() {
    return Integer.parseInt(portal().substring(portal().lastIndexOf(':') + 1));
  }

  public String changerIqn() {
    return get("CHANGER_IQN");
  }

  public int changerLun() {
    return number("CHANGER_LUN");
  }

  public List<String> driveIqns() {
    return words("DRIVE_IQNS");
  }

  public List<Integer> driveAddresses() {
    return words("DRIVE_ADDRESSES").stream().map(Integer::valueOf).toList();
  }

  public int transportAddress() {
    return number("TRANSPORT_ADDRESS");
  }

  public int storageFirst() {
    return number("STORAGE_FIRST");
  }

  public int storageCount() {
    return number("STORAGE_COUNT");
  }

  public int ieFirst() {
    return number("IE_FIRST");
  }

  public int ieCount() {
    return number("IE_COUNT");
  }

  /** Where the tape images live, one file per barcode. */
  public Path mediaHome() {
    return Path.of(get("MEDIA_HOME"));
  }

  /** The tgtd's process id. */
  public long tgtPid() {
    return Long.parseLong(get("TGT_PID"));
  }

  /** The preloaded tapes, barcode to address, as started. */
  public Map<String, Integer> preloaded() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String t : words("TAPES")) {
      int at = t.lastIndexOf('@');
      m.put(t.substring(0, at), Integer.valueOf(t.substring(at + 1)));
    }
    return m;
  }

  /** {@code vtl put}: a new cartridge in an empty storage or I/E element. */
  public void put(String barcode, int address) {
    vtl("put", "--barcode", barcode, "--address", Integer.toString(address));
  }

  /** {@code vtl clear}: empties a storage or I/E element. */
  public void clear(int address) {
    vtl("clear", "--address", Integer.toString(address));
  }

  /**
   * {@code vtl status --elements}: one line per element, "TYPE ADDRESS full|empty BARCODE SOURCE".
   */
  public List<String> elementLines() {
    String out = vtl("status", "--elements");
    return Arrays.stream(out.split("\n", -1))
        .filter(l -> l.matches("(TRANSPORT|DRIVE|STORAGE|IMPORT_EXPORT) .*"))
        .toList();
  }

  /** Runs {@code infra/bin/vtl COMMAND --dir DIR ARGS}; returns stdout, throws with stderr. */
  public String vtl(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--dir", dir.toString()));
    all.addAll(List.of(args));
    return Scripts.runOrFail(120, "vtl", all.toArray(String[]::new)).stdout();
  }

  /** Runs a vtl command and returns its whole result, failing or not (for bad-input tests). */
  public static VtlResult vtlRaw(String... args) {
    Scripts.Result r = Scripts.run(120, "vtl", args);
    return new VtlResult(r.exitCode(), r.stdout(), r.stderr());
  }

  /** Exit code and output of a vtl run. */
  public record VtlResult(int exitCode, String stdout, String stderr) {}

  /** Runs {@code vtl down} and deletes the directory; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Scripts.runOrFail(120, "vtl", "down", "--dir", dir.toString());
    deleteTree(dir);
  }

  @Override
  public String toString() {
    return "VtlFixture[" + portal() + ", " + changerIqn() + "]";
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
