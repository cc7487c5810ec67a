package io.tapeflow.changer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.testing.VtlFixture;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery against the tgt library shaped like the AWS gateway's (infra/bin/vtl). */
class LibraryDiscoveryIT {
  private static final int DRIVES = 3;
  private static VtlFixture vtl;

  @BeforeAll
  static void up() {
    vtl = VtlFixture.builder().drives(DRIVES).slots(4).ie(2).start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  /** What vtl gives drive k (1-based): the changer serial's first 6 characters and k. */
  private static String driveSerial(int k) {
    return vtl.get("CHANGER_SERIAL").substring(0, 6) + String.format("%04d", k);
  }

  @Test
  void discover_tgtLibrary_findsTheChangerAndEveryDriveWithSerials() {
    DiscoveredLibrary lib =
        LibraryDiscovery.discover(Portal.parse(vtl.portal()), LibraryDiscovery.Options.defaults());

    assertThat(lib.changer().iqn()).isEqualTo(vtl.changerIqn());
    assertThat(lib.changer().lun()).isEqualTo(vtl.changerLun());
    assertThat(lib.changer().serial()).isEqualTo(vtl.get("CHANGER_SERIAL"));
    assertThat(lib.changer().describe()).isEqualTo("AWS Gateway-VTL 0100");
    assertThat(ChangerUri.parse(lib.changerUri()).canonical())
        .isEqualTo(ChangerUri.parse(vtl.changerUri()).canonical());
    assertThat(lib.drives()).hasSize(DRIVES);
    for (int k = 0; k < DRIVES; k++) {
      LibraryDrive d = lib.drives().get(k);
      assertThat(d.elementAddress()).isEqualTo(vtl.driveAddresses().get(k));
      assertThat(d.device().iqn()).isEqualTo(vtl.driveIqns().get(k));
      assertThat(d.device().serial()).isEqualTo(driveSerial(k + 1));
      assertThat(d.device().product()).isEqualTo("ULT3580-TD5");
    }
    // tgt reports every drive's identifier but cuts the last one short (8 bytes missing).
    assertThat(lib.drives().subList(0, DRIVES - 1))
        .allSatisfy(d -> assertThat(d.matchedBy()).isEqualTo(MatchedBy.SERIAL));
    assertThat(lib.drives().get(DRIVES - 1).matchedBy()).isEqualTo(MatchedBy.TARGET_NAME);
  }

  @Test
  void discover_tgtLibrary_namesTheKernelDevicesAndLoginLines() {
    DiscoveredLibrary lib =
        LibraryDiscovery.discover(Portal.parse(vtl.portal()), LibraryDiscovery.Options.defaults());

    ProbedDevice first = lib.drives().get(0).device();
    assertThat(KernelNames.driveByPath(first))
        .isEqualTo(
            "/dev/tape/by-path/ip-"
                + vtl.portal()
                + "-iscsi-"
                + vtl.driveIqns().get(0)
                + "-lun-1-nst");
    assertThat(KernelNames.driveById(first))
        .contains("/dev/tape/by-id/scsi-" + driveSerial(1) + "-nst");
    List<String> lines = lib.iscsiadmLines();
    assertThat(lines.get(0)).isEqualTo("iscsiadm -m discovery -t sendtargets -p " + vtl.portal());
    assertThat(lines)
        .contains("iscsiadm -m node -T " + vtl.changerIqn() + " -p " + vtl.portal() + " --login");
  }

  @Test
  void discover_chapLibrary_logsInWithTheSecretAndNeverShowsIt() {
    try (VtlFixture chap =
        VtlFixture.builder().drives(1).slots(2).ie(1).chap("tf", "s3cr3tChapKey1").start()) {
      LibraryDiscovery.Options with =
          new LibraryDiscovery.Options(
              LibraryDiscovery.Options.defaults().initiatorName(),
              Duration.ofSeconds(5),
              "tf",
              "s3cr3tChapKey1");

      DiscoveredLibrary lib = LibraryDiscovery.discover(Portal.parse(chap.portal()), with);

      assertThat(lib.drives()).singleElement().satisfies(d -> assertThat(d.target()).isPresent());
      assertThat(lib.changerUri()).startsWith("iscsi://tf%***@").doesNotContain("s3cr3tChapKey1");
      assertThat(lib.toString()).doesNotContain("s3cr3tChapKey1");
    }
  }

  @Test
  void discover_chapLibraryWithoutCredentials_failsSayingWhy() {
    try (VtlFixture chap =
        VtlFixture.builder().drives(1).slots(2).ie(1).chap("tf", "s3cr3tChapKey1").start()) {
      assertThatThrownBy(
              () ->
                  LibraryDiscovery.discover(
                      Portal.parse(chap.portal()), LibraryDiscovery.Options.defaults()))
          .isInstanceOf(DiscoveryException.class)
          .hasMessageContaining("no medium changer")
          .hasMessageContaining("CHAP");
    }
  }

  @Test
  void discover_portalThatDoesNotListen_failsNamingThePortal() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Portal dead = new Portal("127.0.0.1", port);
    LibraryDiscovery.Options quick =
        new LibraryDiscovery.Options(
            LibraryDiscovery.Options.defaults().initiatorName(), Duration.ofSeconds(3), null, null);

    assertThatThrownBy(() -> LibraryDiscovery.discover(dead, quick))
        .isInstanceOf(DiscoveryException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("cannot connect");
  }
}
