package io.tapeflow.infra.emulator;

import io.tapeflow.changer.ChangerLock;
import io.tapeflow.infra.emulator.faults.FaultSpec;
import io.tapeflow.infra.emulator.library.TgtLibrary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

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
    OptionValues.HostPort api = OptionValues.hostPort("--listen", listen);
    OptionValues.HostPort iscsi = OptionValues.hostPort("--iscsi-portal", portal);
    return EmulatorConfig.newBuilder()
        .listen(api.host(), api.port())
        .stateDir(state)
        .portal(iscsi.host(), iscsi.port())
        .library(drives, slots, ieSlots == null ? slots : ieSlots)
        .delays(
            OptionValues.duration("--create-delay", createDelay),
            OptionValues.duration("--archive-delay", archiveDelay),
            OptionValues.duration("--retrieve-delay", retrieveDelay))
        .pollInterval(OptionValues.duration("--poll-interval", pollInterval))
        .faults(faults == null ? FaultSpec.NONE : OptionValues.faults(faults))
        .mediaDir(media)
        .s3(s3Endpoint == null ? null : OptionValues.s3Endpoint(s3Endpoint), s3Bucket)
        .gatewayName(gatewayName)
        .build();
  }

  @Override
  public Integer call() throws InterruptedException {
    EmulatorConfig config = config();
    Path script = vtl != null ? vtl : Installation.vtlScript();
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(script + " is not an executable vtl script; give --vtl PATH");
    }
    Path locks = lockDir != null ? lockDir : ChangerLock.DEFAULT_DIRECTORY;
    AwsCredentialsProvider s3Credentials = OptionValues.s3Credentials();
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

  /** Reports the version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GatewayEmulatorMain.class.getPackage().getImplementationVersion();
      return new String[] {"tapeflow gateway-emulator " + (v == null ? "development" : v)};
    }
  }
}
