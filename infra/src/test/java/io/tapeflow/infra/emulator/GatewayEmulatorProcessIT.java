package io.tapeflow.infra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.testing.RepoRoot;
import io.tapeflow.infra.emulator.testing.EmulatorHarness;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.storagegateway.StorageGatewayClient;

/**
 * The emulator as a user starts it: a process with {@code --listen 127.0.0.1:0}, which prints one
 * ready line naming its endpoint, gateway, portal and changer, serves the SDK, and on SIGTERM stops
 * its tgtd and exits 0.
 */
class GatewayEmulatorProcessIT {
  private static final Pattern FIELD = Pattern.compile("(\\w[\\w-]*)=(\\S+)");

  @TempDir Path dir;

  @Test
  void process_printsTheReadyLine_servesTheSdk_andStopsItsTgtdOnSigterm() throws Exception {
    Path state = dir.resolve("state");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(GatewayEmulatorMain.class.getName());
    command.addAll(
        List.of(
            "--listen", "127.0.0.1:0",
            "--state", state.toString(),
            "--drives", "2",
            "--slots", "8",
            "--archive-delay", "200ms",
            "--retrieve-delay", "200ms",
            "--lock-dir", dir.resolve("locks").toString(),
            "--vtl", RepoRoot.find().resolve("infra/bin/vtl").toString()));
    Process p =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line)
          .as("ready line (stderr: %s)", Files.readString(dir.resolve("stderr.txt")))
          .startsWith("gateway-emulator ready: ");
      Map<String, String> fields = new HashMap<>();
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        fields.put(m.group(1), m.group(2));
      }
      assertThat(fields)
          .containsKeys("endpoint", "gateway", "iscsi-portal", "changer", "s3", "bucket", "media");
      assertThat(fields.get("endpoint")).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
      assertThat(fields.get("changer"))
          .startsWith("iscsi://" + fields.get("iscsi-portal") + "/iqn.1997-05.com.amazon:sgw-")
          .endsWith("-mediachanger/1");

      try (StorageGatewayClient sgw =
          StorageGatewayClient.builder()
              .endpointOverride(URI.create(fields.get("endpoint")))
              .region(Region.US_EAST_1)
              .credentialsProvider(EmulatorHarness.CREDENTIALS)
              .build()) {
        assertThat(sgw.listGateways().gateways().get(0).gatewayARN())
            .isEqualTo(fields.get("gateway"));
        var devices = sgw.describeVTLDevices(r -> r.gatewayARN(fields.get("gateway"))).vtlDevices();
        assertThat(devices).hasSize(3);
        assertThat(
                devices.get(0).deviceiSCSIAttributes().networkInterfaceId()
                    + ":"
                    + devices.get(0).deviceiSCSIAttributes().networkInterfacePort())
            .isEqualTo(fields.get("iscsi-portal"));
      }
      long tgtd = tgtdPid(state);
      assertThat(running(tgtd)).as("tgtd %d runs", tgtd).isTrue();

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(running(tgtd)).as("tgtd %d stopped with the emulator", tgtd).isFalse();
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
      new ProcessBuilder(
              RepoRoot.find().resolve("infra/bin/vtl").toString(),
              "down",
              "--dir",
              state.resolve("vtl").toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Whether a process runs (a zombie nobody reaped yet has stopped). */
  private static boolean running(long pid) throws Exception {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .noneMatch(l -> l.startsWith("State:") && l.contains("Z"));
  }

  private static long tgtdPid(Path state) throws Exception {
    for (String l : Files.readAllLines(state.resolve("vtl/vtl.env"))) {
      if (l.startsWith("TGT_PID=")) {
        return Long.parseLong(l.substring("TGT_PID=".length()));
      }
    }
    throw new AssertionError("no TGT_PID in vtl.env");
  }
}
