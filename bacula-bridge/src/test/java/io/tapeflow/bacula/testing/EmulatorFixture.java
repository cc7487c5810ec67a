package io.tapeflow.bacula.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;
import software.amazon.awssdk.services.storagegateway.model.Tape;

/**
 * The tape gateway emulator ({@code tapeflow gateway-emulator}) as a process of its own: its
 * library is a private tgtd, and {@code --media} keeps {@code drive-<k>} pointing at the tape in
 * drive k, which Bacula's storage daemon uses as its File devices. {@link #close} stops it (and so
 * its tgtd).
 */
public final class EmulatorFixture implements AutoCloseable {
  private static final String READY = "gateway-emulator ready:";
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

  private final Process process;
  private final Map<String, String> ready;
  private final StorageGatewayClient sgw;

  private EmulatorFixture(Process process, Map<String, String> ready) {
    this.process = process;
    this.ready = ready;
    this.sgw =
        StorageGatewayClient.builder()
            .endpointOverride(URI.create(ready.get("endpoint")))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDTAPEFLOWTEST", "secret")))
            .build();
  }

  /**
   * Starts an emulator whose state lives under {@code dir}.
   *
   * @param lockDir the host-wide changer lock directory shared with tapeflow and the Changer
   *     Command
   */
  public static EmulatorFixture start(Path dir, Path lockDir, int drives, int slots, int ie) {
    try {
      Files.createDirectories(dir);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.tapeflow.infra.emulator.GatewayEmulatorMain",
                  "--listen",
                  "127.0.0.1:0",
                  "--state",
                  dir.resolve("state").toString(),
                  "--media",
                  dir.resolve("media").toString(),
                  "--drives",
                  Integer.toString(drives),
                  "--slots",
                  Integer.toString(slots),
                  "--ie-slots",
                  Integer.toString(ie),
                  "--poll-interval",
                  "50ms",
                  "--archive-delay",
                  "1s",
                  "--retrieve-delay",
                  "1s",
                  "--lock-dir",
                  lockDir.toString()));
      Process p =
          new ProcessBuilder(cmd)
              .redirectError(dir.resolve("emulator.err").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Map<String, String>> line =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String l; (l = out.readLine()) != null; ) {
                    if (l.startsWith(READY)) {
                      drain(out);
                      return parse(l.substring(READY.length()));
                    }
                  }
                  return null;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      Map<String, String> ready;
      try {
        ready = line.get(180, TimeUnit.SECONDS);
      } catch (Exception e) {
        ready = null;
      }
      if (ready == null) {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "the emulator did not start: "
                + Files.readString(dir.resolve("emulator.err"), StandardCharsets.UTF_8));
      }
      return new EmulatorFixture(p, ready);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void drain(BufferedReader out) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // keep the pipe flowing
                }
              } catch (IOException e) {
                // the emulator ended
              }
            },
            "emulator-stdout");
    t.setDaemon(true);
    t.start();
  }

  private static Map<String, String> parse(String text) {
    Map<String, String> m = new HashMap<>();
    for (String token : SPACES.split(text.strip(), -1)) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        m.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return m;
  }

  public String changerUri() {
    return ready.get("changer");
  }

  public Path media() {
    return Path.of(ready.get("media"));
  }

  public String gatewayArn() {
    return ready.get("gateway");
  }

  public StorageGatewayClient sgw() {
    return sgw;
  }

  /**
   * Creates tapes (they appear in import/export slots), at most 10 per call as AWS allows; returns
   * barcode to tape ARN.
   */
  public java.util.SortedMap<String, String> createTapes(String prefix, int count) {
    java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
    for (int left = count; left > 0; left -= 10) {
      int n = Math.min(10, left);
      List<String> arns =
          sgw.createTapes(
                  r ->
                      r.gatewayARN(gatewayArn())
                          .tapeSizeInBytes(100L << 30)
                          .clientToken(UUID.randomUUID().toString())
                          .numTapesToCreate(n)
                          .tapeBarcodePrefix(prefix))
              .tapeARNs();
      for (Tape t : sgw.describeTapes(r -> r.gatewayARN(gatewayArn()).tapeARNs(arns)).tapes()) {
        out.put(t.tapeBarcode(), t.tapeARN());
      }
    }
    return out;
  }

  /** The tape's status at the gateway, or on the shelf when it is archived; null if unknown. */
  public String status(String arn) {
    List<Tape> t = sgw.describeTapes(r -> r.gatewayARN(gatewayArn()).tapeARNs(arn)).tapes();
    if (!t.isEmpty()) {
      return t.get(0).tapeStatus();
    }
    var a = sgw.describeTapeArchives(r -> r.tapeARNs(arn)).tapeArchives();
    return a.isEmpty() ? null : a.get(0).tapeStatus();
  }

  @Override
  public void close() {
    sgw.close();
    process.destroy();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
