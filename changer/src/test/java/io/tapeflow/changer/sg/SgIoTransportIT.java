package io.tapeflow.changer.sg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.testing.ChangerProbeMain;
import io.tapeflow.changer.testing.NativeHelpers;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SgIoTransport end to end without a kernel initiator: a forked JVM preloads infra/native's shim,
 * which turns SG_IO on one fake device path into libiscsi commands to tgt. JNA's open and ioctl go
 * through the preload like any libc call, so the Java code under test is exactly production's.
 */
class SgIoTransportIT {
  private static VtlFixture vtl;

  @TempDir static Path dir;

  @BeforeAll
  static void up() {
    vtl =
        VtlFixture.builder()
            .drives(2)
            .slots(6)
            .ie(2)
            .tape("SGT001", 20000)
            .tape("SGT002", 30001)
            .start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  /** Runs ChangerProbeMain in a JVM that sees {@code fake} as an sg node of the changer. */
  private static List<String> probe(Path fake, String uri, String... steps)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ChangerProbeMain.class.getName());
    cmd.add(dir.resolve("locks").toString());
    cmd.add(uri);
    cmd.addAll(List.of(steps));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = NativeHelpers.shimEnvironment(fake, vtl.changerUri());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().filter(l -> !l.isBlank() && !l.startsWith("SLF4J")).toList();
  }

  private static Path fakeNode(String name) throws IOException {
    Path fake = dir.resolve(name);
    Files.createFile(fake);
    return fake;
  }

  private static String fullElements() {
    try (var t = io.tapeflow.changer.iscsi.IscsiTransport.open(vtl.changerEndpoint());
        var c =
            io.tapeflow.changer.SmcMediumChanger.open(
                t,
                io.tapeflow.changer.ChangerUri.parse(vtl.changerUri()),
                dir.resolve("locks"),
                io.tapeflow.changer.SmcMediumChanger.Options.defaults())) {
      return c.inventory().elements().stream()
          .filter(Element::full)
          .map(e -> e.barcode() + "@" + e.address())
          .collect(Collectors.joining(","));
    }
  }

  @Test
  void inventoryAndMove_throughSgIo_reachTheLibrary() throws Exception {
    Path fake = fakeNode("sg-fake0");
    int drive = vtl.driveAddresses().get(0);
    List<String> out =
        probe(
            fake,
            fake.toString(),
            "inventory",
            "move",
            "20000",
            Integer.toString(drive),
            "inventory");
    assertThat(out)
        .containsExactly(
            "inventory 11 SGT001@20000,SGT002@30001",
            "moved 20000 " + drive,
            "inventory 11 SGT001@" + drive + ",SGT002@30001");
    // An independent reader (libiscsi, in this JVM) sees the move too.
    assertThat(fullElements()).isEqualTo("SGT001@" + drive + ",SGT002@30001");
    assertThat(probe(fake, fake.toString(), "move", Integer.toString(drive), "20000"))
        .containsExactly("moved " + drive + " 20000");
  }

  @Test
  void aPersistentLink_isResolvedWhenTheNodeIsOpened() throws Exception {
    Path fake = fakeNode("sg-fake1");
    Path byId = dir.resolve("by-id");
    Files.createDirectories(byId);
    Path link = byId.resolve("scsi-SAWS_Gateway-VTL_SGW0-changer");
    Files.createSymbolicLink(link, fake);
    // The shim only knows the real node: the open can only succeed if the link was resolved.
    assertThat(probe(fake, link.toString(), "inventory"))
        .containsExactly("inventory 11 SGT001@20000,SGT002@30001");
  }

  @Test
  void checkCondition_throughSgIo_bringsTheDevicesSense() throws Exception {
    Path fake = fakeNode("sg-fake2");
    assertThat(probe(fake, fake.toString(), "raw-move", "20003", "20004"))
        .containsExactly("raw-move status 2 sense 700005000000000a000000003b0e00000000");
  }

  @Test
  void aFileThatIsNoSgNode_isRefusedClearly() throws Exception {
    Path plain = fakeNode("not-a-node");
    assertThatThrownBy(() -> SgIoTransport.open(plain))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("not a SCSI generic node")
        .hasMessageContaining("ENOTTY");
  }

  @Test
  void aMissingDevice_isRefusedClearly() {
    assertThatThrownBy(() -> SgIoTransport.open(dir.resolve("sg404")))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("no device")
        .hasMessageContaining("sg404");
  }
}
