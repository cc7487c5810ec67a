package io.tapeflow.infra.emulator;

import io.tapeflow.changer.ChangerLock;
import io.tapeflow.infra.emulator.faults.FaultSpec;
import io.tapeflow.infra.emulator.library.TgtLibrary;
import io.tapeflow.infra.emulator.shelf.Shelf;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/**
 * {@code tapeflow gateway-emulator}: a Tape Gateway for tests and demos. Serves the Storage Gateway
 * JSON API to the unmodified AWS SDK, runs its own tgtd as the gateway's tape library, and keeps
 * its shelf in S3. Prints one line when ready and runs until stopped (SIGTERM or Ctrl-C), then
 * stops everything it started.
 *
 * <p>Exit codes: 0 stopped normally, 1 could not start, 2 the command line was wrong.
 */
@Command(
    name = "tapeflow gateway-emulator",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayEmulatorMain.Version.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Runs an AWS Storage Gateway Tape Gateway emulator for tests and demos.",
      "",
      "The unmodified AWS SDK (or AWS CLI) talks to it with --endpoint-url/endpointOverride and"
          + " any credentials. Its tape library is a private tgtd reached over iSCSI (one changer"
          + " and one target per drive, as on AWS); new and retrieved tapes appear in I/E slots,"
          + " and a tape moved into an I/E slot by the backup software is archived to the shelf,"
          + " an S3 bucket. Everything is kept under --state DIR, so a restart resumes where it"
          + " stopped.",
      "",
      "When ready it prints one line on stdout:",
      "  gateway-emulator ready: endpoint=URL gateway=ARN iscsi-portal=HOST:PORT changer=URI"
          + " s3=URL bucket=NAME media=DIR state=DIR",
      ""
    },
    footer = {
      "",
      "Durations: 250ms, 2s, 5m, 1h or ISO-8601 (PT2S). Faults: comma-separated"
          + " throttle=SHARE, error5xx=SHARE, latency=MIN..MAX, seed=N, e.g."
          + " throttle=0.2,error5xx=0.1,latency=50ms..2s,seed=7 (the same seed gives the same"
          + " faults).",
      "",
      "--media DIR holds each tape's data as DIR/<barcode>, and DIR/drive-<k> links to the tape"
          + " in drive k (0-based, drives in element address order). Bacula's storage daemon can"
          + " use DIR/drive-<k> as a File device: this stands in for real /dev/nst drives in"
          + " tests and demos only."
    })
public final class GatewayEmulatorMain implements Callable<Integer> {

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Where the API listens, e.g. 127.0.0.1:8080; port 0 picks a free one.")
  String listen;

  @Option(
      names = "--state",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the gateway's state, its tgt library and the embedded S3.")
  Path state;

  @Option(
      names = "--iscsi-portal",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:0",
      description = "The tgt library's iSCSI portal (default: 127.0.0.1, a free port).")
  String portal;

  @Option(
      names = "--drives",
      paramLabel = "N",
      defaultValue = "10",
      description = "Tape drives, 1 to 10 (default: ${DEFAULT-VALUE}).")
  int drives;

  @Option(
      names = "--slots",
      paramLabel = "N",
      defaultValue = "1600",
      description =
          "Storage slots (default: ${DEFAULT-VALUE}); I/E slots: the same unless --ie-slots.")
  int slots;

  @Option(
      names = "--ie-slots",
      paramLabel = "N",
      description = "Import/export slots (default: as many as --slots).")
  Integer ieSlots;

  @Option(
      names = "--archive-delay",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "From export to ARCHIVED: half IN TRANSIT TO VTS, half ARCHIVING (default: ${DEFAULT-VALUE}).")
  String archiveDelay;

  @Option(
      names = "--retrieve-delay",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "From RetrieveTapeArchive to RETRIEVED (default: ${DEFAULT-VALUE}).")
  String retrieveDelay;

  @Option(
      names = "--create-delay",
      paramLabel = "DURATION",
      defaultValue = "0s",
      description = "How long new tapes stay CREATING (default: ${DEFAULT-VALUE}).")
  String createDelay;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      defaultValue = "200ms",
      description =
          "How often the library's element status is read to see moves (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description = "API faults, e.g. throttle=0.2,error5xx=0.1,latency=50ms..2s,seed=7.")
  String faults;

  @Option(
      names = "--media",
      paramLabel = "DIR",
      description = "The tapes' data files and drive-<k> links (default: STATE/media).")
  Path media;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description =
          "An S3 to keep the shelf in (credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY);"
              + " default: an embedded S3Proxy on 127.0.0.1 storing under STATE/s3.")
  String s3Endpoint;

  @Option(
      names = "--s3-bucket",
      paramLabel = "NAME",
      defaultValue = "tapeflow-vts",
      description = "The shelf bucket, created if missing (default: ${DEFAULT-VALUE}).")
  String s3Bucket;

  @Option(
      names = "--gateway-name",
      paramLabel = "NAME",
      defaultValue = "tapeflow-emulator",
      description = "The gateway's name (default: ${DEFAULT-VALUE}).")
  String gatewayName;

  @Option(
      names = "--lock-dir",
      paramLabel = "DIR",
      description =
          "Directory of the host-wide changer locks shared with tapeflow and Bacula's changer"
              + " command (default: /run/tapeflow/locks).")
  Path lockDir;

  @Option(
      names = "--vtl",
      paramLabel = "PATH",
      hidden = true,
      description = "The infra/bin/vtl script (default: found beside this installation).")
  Path vtl;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new GatewayEmulatorMain());
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          PrintWriter err = line.getErr();
          String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          err.println("gateway-emulator: " + m.replace('\n', ' ').strip());
          err.flush();
          return e instanceof IllegalArgumentException ? 2 : 1;
        });
    return cl.execute(args);
  }

  /** Builds the configuration from the options. */
  EmulatorConfig config() {
    HostPort api = HostPort.parse("--listen", listen);
    HostPort iscsi = HostPort.parse("--iscsi-portal", portal);
    URI s3 = null;
    if (s3Endpoint != null) {
      try {
        s3 = new URI(s3Endpoint);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("--s3-endpoint '" + s3Endpoint + "' is not a URL", e);
      }
      if (s3.getScheme() == null || s3.getHost() == null) {
        throw new IllegalArgumentException(
            "--s3-endpoint '"
                + s3Endpoint
                + "' needs a scheme and host, e.g. http://127.0.0.1:9000");
      }
    }
    return new EmulatorConfig(
        api.host(),
        api.port(),
        state,
        iscsi.host(),
        iscsi.port(),
        drives,
        slots,
        ieSlots == null ? slots : ieSlots,
        duration("--create-delay", createDelay),
        duration("--archive-delay", archiveDelay),
        duration("--retrieve-delay", retrieveDelay),
        duration("--poll-interval", pollInterval),
        faults == null ? FaultSpec.NONE : faultSpec(faults),
        media,
        s3,
        s3Bucket,
        gatewayName);
  }

  private static Duration duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  private static FaultSpec faultSpec(String text) {
    try {
      return FaultSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--faults: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    EmulatorConfig config = config();
    Path script = vtl != null ? vtl : Installation.vtlScript();
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(script + " is not an executable vtl script; give --vtl PATH");
    }
    Path locks = lockDir != null ? lockDir : ChangerLock.DEFAULT_DIRECTORY;
    AwsCredentialsProvider s3Credentials =
        System.getenv("AWS_ACCESS_KEY_ID") != null
            ? EnvironmentVariableCredentialsProvider.create()
            : Shelf.anyCredentials();
    GatewayEmulator emulator =
        GatewayEmulator.start(
            config,
            librarySpec -> TgtLibrary.start(librarySpec, script, ChangerAccess.opener(locks)),
            s3Credentials);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  int code = 0;
                  try {
                    emulator.close();
                  } catch (RuntimeException e) {
                    System.err.println("gateway-emulator: stopping: " + e.getMessage());
                    code = 1;
                  } finally {
                    stopped.countDown();
                  }
                  // Stopped on a signal: exit with our own status, not 128+signal.
                  Runtime.getRuntime().halt(code);
                },
                "gateway-emulator-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(emulator.readyLine());
    out.flush();
    stopped.await();
    return 0;
  }

  /** A {@code HOST:PORT} option value. */
  record HostPort(String host, int port) {
    static HostPort parse(String option, String text) {
      int colon = text == null ? -1 : text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException(
            option + " '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:0 for a free port");
      }
      int port;
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " '" + text + "': the port is not a number", e);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(option + " '" + text + "': port out of range 0-65535");
      }
      return new HostPort(text.substring(0, colon), port);
    }
  }

  /** Reports the version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GatewayEmulatorMain.class.getPackage().getImplementationVersion();
      return new String[] {"tapeflow gateway-emulator " + (v == null ? "development" : v)};
    }
  }
}
