package io.tapeflow.worker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.temporal.TapeflowWorker;
import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.tapeflow.workflows.tape.TapeIdentity;
import io.tapeflow.workflows.tape.TapeInput;
import io.tapeflow.workflows.tape.TapePolicy;
import io.tapeflow.workflows.tape.TapeSearchAttributes;
import io.tapeflow.workflows.tape.TapeTemplate;
import io.tapeflow.workflows.tape.TapeWorkflow;
import io.tapeflow.workflows.tape.TapeWorkflows;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of tapeflow in the Temporal UI, in a real browser: {@code tapeflow worker}
 * on the dev server with the gateway emulator on tgt, five tapes created through their workflows.
 * Three belong to the changer the worker drives: they are created, imported, and stop FAILED at
 * Bacula's label (no Bacula here), waiting for an operator; two belong to a changer no worker
 * serves and wait in IMPORTING. The workflow list filtered by {@code TapeState} shows exactly the
 * tapes in that state, and a tape's page shows the current details its workflow publishes.
 * Screenshots: {@code target/ui/*.png}.
 */
class TemporalUiIT {
  static final List<String> SERVED = List.of("TFU00001", "TFU00002", "TFU00003");
  static final List<String> UNSERVED = List.of("TFU00004", "TFU00005");

  @TempDir static Path dir;
  static EmulatedGateway gw;

  @BeforeAll
  static void start() {
    TemporalUi.assumeBrowser();
    gw = EmulatedGateway.start(dir.resolve("gw"), c -> c.library(2, 12, 6));
    gw.s3().createBucket(b -> b.bucket("tapeflow-manifests"));
    // The AWS SDK's default credential chain reads these; the emulator accepts any key.
    System.setProperty("aws.accessKeyId", "AKIDTAPEFLOWTEST");
    System.setProperty("aws.secretAccessKey", "secret");
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
  }

  @Test
  void listFilteredByTapeState_showsTheTapesInIt_andATapePageShowsItsCurrentDetails()
      throws Exception {
    long t0 = System.nanoTime();
    TapeflowConfig c = ConfigReader.read(writeConfig(), Map.of());
    try (TapeflowWorker w = TapeflowWorker.start(c, "")) {
      WorkflowClient client = w.temporal().client();
      SERVED.forEach(b -> startTape(client, b, "gw1"));
      UNSERVED.forEach(b -> startTape(client, b, "offline"));
      Map<String, String> states = awaitTwoStates(client);
      String served = states.get(SERVED.get(0));
      String unserved = states.get(UNSERVED.get(0));
      String tape = TapeWorkflows.workflowId(SERVED.get(0));
      String runId = client.newUntypedWorkflowStub(tape).describe().getExecution().getRunId();

      List<TemporalUi.Page> pages =
          new TemporalUi(c.temporal().devServer().uiPort())
              .list(
                  "TapeState=\"" + unserved + "\"",
                  id(UNSERVED.get(1)),
                  "tapes-" + unserved + ".png")
              .list("TapeState=\"" + served + "\"", id(SERVED.get(2)), "tapes-" + served + ".png")
              .workflow(tape, runId, "Waiting for", "tape-" + SERVED.get(0) + ".png")
              .show();

      TemporalUi.Page unservedList = pages.get(0);
      assertThat(unservedList.text())
          .as("list of %s tapes (%s)", unserved, unservedList.screenshot())
          .contains(ids(UNSERVED))
          .doesNotContain(ids(SERVED));
      TemporalUi.Page servedList = pages.get(1);
      assertThat(servedList.text())
          .as("list of %s tapes (%s)", served, servedList.screenshot())
          .contains(ids(SERVED))
          .doesNotContain(ids(UNSERVED));
      String now =
          w.temporal()
              .client()
              .newUntypedWorkflowStub(tape)
              .describe()
              .getTypedSearchAttributes()
              .get(TapeSearchAttributes.STATE);
      TemporalUi.Page details = pages.get(2);
      assertThat(details.text())
          .as("the page of %s (%s)", tape, details.screenshot())
          .contains(tape, "Tape " + SERVED.get(0) + " on gw1", now, "Waiting for:", "Gateway gw1")
          .contains("pool GLACIER", "Bacula dir1/Full");
      for (TemporalUi.Page p : pages) {
        assertThat(p.screenshot()).isNotEmptyFile();
      }
      System.out.printf(
          "BENCH Temporal UI test %d ms (served tapes %s, unserved %s); screenshots in %s%n",
          (System.nanoTime() - t0) / 1_000_000,
          served,
          unserved,
          TemporalUi.SCREENSHOTS.toAbsolutePath());
    }
  }

  static String id(String barcode) {
    return TapeWorkflows.workflowId(barcode);
  }

  static String[] ids(List<String> barcodes) {
    return barcodes.stream().map(TemporalUiIT::id).toArray(String[]::new);
  }

  /** Starts a tape's workflow as tapeflow does, its robot moves on {@code changer/<library>}. */
  static void startTape(WorkflowClient client, String barcode, String library) {
    // No layout: Bacula's slot and drive numbers as they are, enough to get as far as the label.
    TapeIdentity tape =
        new TapeTemplate(
                "gw1",
                gw.gatewayArn(),
                library,
                "dir1",
                "VTL",
                "Full",
                "GLACIER",
                100L << 30,
                0,
                null)
            .identity(barcode);
    TapeInput input =
        TapeInput.of(tape, TapePolicy.defaults(), TapeRecord.requested(Instant.now()));
    TapeWorkflow wf = client.newWorkflowStub(TapeWorkflow.class, TapeWorkflows.startOptions(input));
    WorkflowClient.start(wf::run, input);
  }

  /**
   * Waits until each group's tapes share one state, the two groups' states differ, and nothing
   * moved for two seconds; returns every tape's state.
   */
  static Map<String, String> awaitTwoStates(WorkflowClient client) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    Map<String, String> before = Map.of();
    while (true) {
      Map<String, String> now = new LinkedHashMap<>();
      for (String b : SERVED) {
        now.put(b, state(client, b));
      }
      for (String b : UNSERVED) {
        now.put(b, state(client, b));
      }
      boolean settled =
          now.equals(before)
              && SERVED.stream().map(now::get).distinct().count() == 1
              && UNSERVED.stream().map(now::get).distinct().count() == 1
              && !now.get(SERVED.get(0)).equals(now.get(UNSERVED.get(0)));
      if (settled) {
        return now;
      }
      assertThat(System.nanoTime()).as("tapes settled in two states; now %s", now).isLessThan(end);
      before = now;
      Thread.sleep(2000);
    }
  }

  static String state(WorkflowClient client, String barcode) {
    return client
        .newUntypedWorkflowStub(id(barcode))
        .describe()
        .getTypedSearchAttributes()
        .get(TapeSearchAttributes.STATE);
  }

  /**
   * A config for the emulated gateway and a dev server on free ports, with state in {@code dir}.
   */
  static Path writeConfig() throws Exception {
    String yaml =
        """
        temporal:
          mode: dev-server
          devServer: {binary: BIN, port: PORT, uiPort: UI}
        state: state
        locks: LOCKS
        gateways:
          - name: gw1
            arn: ARN
            region: us-east-1
            endpoint: SGW
            changer: CHANGER
            drives: [/dev/nst0, /dev/nst1]
        bacula:
          director: dir1
          bconsole: {config: bconsole.conf}
          storage: VTL
        pools:
          - {name: Full, gateway: gw1, shelf: GLACIER, barcodePrefix: TFU, tapeSize: 100GiB}
        manifests:
          bucket: tapeflow-manifests
          endpoint: S3
        """
            .replace("BIN", TemporalUi.temporalBinary().toString())
            .replace("PORT", Integer.toString(freePort()))
            .replace("UI", Integer.toString(freePort()))
            .replace("LOCKS", gw.locks().toString())
            .replace("ARN", gw.gatewayArn())
            .replace("SGW", gw.emulator().endpoint().toString())
            .replace("CHANGER", gw.changerUri())
            .replace("S3", gw.emulator().s3Endpoint().toString());
    Path f = dir.resolve("tapeflow.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
