package io.tapeflow.changer.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IscsiTransport against a real tgtd, CDBs built by hand (the SMC codec is tested elsewhere). */
class IscsiTransportIT {
  private static final Duration T = Duration.ofSeconds(10);
  private static VtlFixture vtl;

  @BeforeAll
  static void up() {
    vtl =
        VtlFixture.builder()
            .drives(2)
            .slots(8)
            .ie(4)
            .tape("TFA001", 20000)
            .tape("TFA002", 20001)
            .tape("TFA003", 30000)
            .start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  static byte[] inquiry() {
    return new byte[] {0x12, 0, 0, 0, 96, 0};
  }

  static byte[] readElementStatus(int type, int first, int count, int alloc) {
    return new byte[] {
      (byte) 0xB8,
      (byte) (0x10 | type),
      (byte) (first >> 8),
      (byte) first,
      (byte) (count >> 8),
      (byte) count,
      0,
      (byte) (alloc >> 16),
      (byte) (alloc >> 8),
      (byte) alloc,
      0,
      0
    };
  }

  static byte[] move(int from, int to) {
    return new byte[] {
      (byte) 0xA5, 0, 0, 1, (byte) (from >> 8), (byte) from, (byte) (to >> 8), (byte) to, 0, 0, 0, 0
    };
  }

  static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.US_ASCII).trim();
  }

  @Test
  void libiscsiLayout_matchesTheInstalledHeader() {
    LibIscsi.register();
    assertThat(ScsiTaskLayout.differences()).isEmpty();
  }

  @Test
  void inquiry_onTheChanger_returnsTheAwsIdentity() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint())) {
      ScsiResponse r = t.execute(ScsiCommand.dataIn(inquiry(), 96, T));
      assertThat(r.status()).isEqualTo(ScsiResponse.GOOD);
      byte[] d = r.data();
      assertThat(d.length).isGreaterThanOrEqualTo(36).isLessThan(96);
      assertThat(d[0] & 0x1F).isEqualTo(0x08);
      assertThat(ascii(d, 8, 16)).isEqualTo("AWS");
      assertThat(ascii(d, 16, 32)).isEqualTo("Gateway-VTL");
      assertThat(t.commandsSent()).isEqualTo(1);
    }
  }

  @Test
  void inquiry_onADrive_returnsTheIbmIdentity() {
    try (IscsiTransport t = IscsiTransport.open(vtl.driveEndpoint(0))) {
      byte[] d = t.execute(ScsiCommand.dataIn(inquiry(), 96, T)).data();
      assertThat(d[0] & 0x1F).isEqualTo(0x01);
      assertThat(ascii(d, 8, 16)).isEqualTo("IBM");
      assertThat(ascii(d, 16, 32)).isEqualTo("ULT3580-TD5");
    }
  }

  @Test
  void readElementStatus_deliversOnlyTheBytesSent() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint())) {
      int alloc = 8 + 8 + 8 * 52 + 100;
      ScsiResponse r =
          t.execute(ScsiCommand.dataIn(readElementStatus(2, 20000, 8, alloc), alloc, T));
      byte[] d = r.data();
      int byteCount = ((d[5] & 0xFF) << 16) | ((d[6] & 0xFF) << 8) | (d[7] & 0xFF);
      // tgt sends BYTE COUNT bytes (8 short of the spec), never the whole allocation.
      assertThat(d.length).isEqualTo(byteCount);
      assertThat(ascii(d, 16 + 12, 16 + 44)).isEqualTo("TFA001");
    }
  }

  @Test
  void responses_keepTheirBytes_whenLaterCommandsReuseTheSessionsReceiveBuffer() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint())) {
      int alloc = 8 + 8 + 8 * 52 + 100;
      ScsiResponse storage =
          t.execute(ScsiCommand.dataIn(readElementStatus(2, 20000, 8, alloc), alloc, T));
      byte[] before = storage.data();
      ScsiResponse ie =
          t.execute(ScsiCommand.dataIn(readElementStatus(3, 30000, 4, alloc), alloc, T));
      t.execute(ScsiCommand.dataIn(inquiry(), 96, T));

      assertThat(storage.data()).isEqualTo(before);
      assertThat(ascii(storage.data(), 16 + 12, 16 + 44)).isEqualTo("TFA001");
      assertThat(ie.dataView().get(8) & 0x0F).isEqualTo(3); // an I/E page
      assertThat(ascii(ie.data(), 16 + 12, 16 + 44)).isEqualTo("TFA003");
    }
  }

  @Test
  void checkCondition_isAResponseWithTheRawSense_notAnException() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint())) {
      ScsiResponse r = t.execute(ScsiCommand.noData(move(20005, 20006), T));
      assertThat(r.status()).isEqualTo(ScsiResponse.CHECK_CONDITION);
      byte[] s = r.sense();
      assertThat(s).hasSize(18);
      assertThat(s[0] & 0x7F).isEqualTo(0x70);
      assertThat(s[2] & 0x0F).isEqualTo(5);
      assertThat(s[12] & 0xFF).isEqualTo(0x3B);
      assertThat(s[13] & 0xFF).isEqualTo(0x0E);
      assertThat(r.data()).isEmpty();
      // The session is still good.
      assertThat(t.execute(ScsiCommand.dataIn(inquiry(), 96, T)).ok()).isTrue();
      assertThat(t.logins()).isEqualTo(1);
    }
  }

  @Test
  void descriptorSense_isPassedThroughUnchanged() throws Exception {
    try (VtlFixture lib = VtlFixture.builder().drives(1).slots(2).ie(1).start();
        IscsiTransport t = IscsiTransport.open(lib.changerEndpoint())) {
      tgtadm(
          lib,
          "--op",
          "update",
          "--mode",
          "logicalunit",
          "--tid",
          "1",
          "--lun",
          "1",
          "--params",
          "sense_format=1");
      ScsiResponse r = t.execute(ScsiCommand.noData(move(20000, 20001), T));
      assertThat(r.status()).isEqualTo(ScsiResponse.CHECK_CONDITION);
      assertThat(r.sense()).startsWith(0x72, 0x05, 0x3B, 0x0E);
    }
  }

  @Test
  void move_thenDataOutAndInOnTheLoadedDrive_roundTripsTheBytes() {
    int drive = vtl.driveAddresses().get(1);
    try (IscsiTransport changer = IscsiTransport.open(vtl.changerEndpoint())) {
      assertThat(changer.execute(ScsiCommand.noData(move(20001, drive), T)).ok()).isTrue();
      try (IscsiTransport tape = IscsiTransport.open(vtl.driveEndpoint(1))) {
        byte[] block = new byte[512];
        for (int i = 0; i < block.length; i++) {
          block[i] = (byte) (i * 7);
        }
        byte[] write6 = {0x0A, 0, 0, 0x02, 0x00, 0}; // variable block, 512 bytes
        assertThat(tape.execute(ScsiCommand.dataOut(write6, block, T)).ok()).isTrue();
        assertThat(tape.execute(ScsiCommand.noData(new byte[] {0x01, 0, 0, 0, 0, 0}, T)).ok())
            .isTrue(); // REWIND
        byte[] read6 = {0x08, 0, 0, 0x02, 0x00, 0};
        ScsiResponse r = tape.execute(ScsiCommand.dataIn(read6, 512, T));
        assertThat(r.ok()).isTrue();
        assertThat(r.data()).isEqualTo(block);
      } finally {
        changer.execute(ScsiCommand.noData(move(drive, 20001), T));
      }
    }
  }

  @Test
  void oneTransport_manyThreads_everyCommandSucceeds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint())) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int k = 0; k < 40; k++) {
                    int alloc = 8 + 8 + 8 * 52;
                    ScsiResponse r =
                        t.execute(
                            ScsiCommand.dataIn(readElementStatus(2, 20000, 8, alloc), alloc, T));
                    if (r.ok() && r.data().length > 16) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(40);
      }
      assertThat(t.commandsSent()).isEqualTo(320);
      assertThat(t.logins()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void timeout_dropsTheSession_andTheNextCallLogsInAgain() throws Exception {
    try (VtlFixture lib = VtlFixture.builder().drives(1).slots(2).ie(1).start();
        IscsiTransport t = IscsiTransport.open(lib.changerEndpoint())) {
      signal("STOP", lib.tgtPid());
      try {
        assertThatThrownBy(
                () -> t.execute(ScsiCommand.dataIn(inquiry(), 96, Duration.ofSeconds(1))))
            .isInstanceOf(ScsiTransportException.class)
            .hasMessageContaining("timed out")
            .satisfies(e -> assertThat(((ScsiTransportException) e).retryable()).isTrue());
      } finally {
        signal("CONT", lib.tgtPid());
      }
      assertThat(t.execute(ScsiCommand.dataIn(inquiry(), 96, T)).ok()).isTrue();
      assertThat(t.logins()).isEqualTo(2);
    }
  }

  @Test
  void chap_rightSecretLogsIn_wrongSecretIsRefusedForGood() {
    try (VtlFixture lib =
        VtlFixture.builder().drives(1).slots(2).ie(1).chap("tapeflow", "s3cretS3cret").start()) {
      try (IscsiTransport t = IscsiTransport.open(lib.changerEndpoint())) {
        assertThat(t.execute(ScsiCommand.dataIn(inquiry(), 96, T)).ok()).isTrue();
        assertThat(t.describe()).contains("tapeflow@").doesNotContain("s3cret");
      }
      IscsiEndpoint wrong =
          new IscsiEndpoint(
              lib.host(), lib.port(), lib.changerIqn(), 1, "tapeflow", "wrongwrongwrong");
      assertThatThrownBy(() -> IscsiTransport.open(wrong))
          .isInstanceOf(ScsiTransportException.class)
          .hasMessageContaining("CHAP")
          .hasMessageNotContaining("wrongwrong")
          .satisfies(e -> assertThat(((ScsiTransportException) e).retryable()).isFalse());
      IscsiEndpoint none = IscsiEndpoint.of(lib.host(), lib.port(), lib.changerIqn(), 1);
      assertThatThrownBy(() -> IscsiTransport.open(none))
          .isInstanceOf(ScsiTransportException.class);
    }
  }

  @Test
  void unknownTarget_isRefusedForGood_namingTheIqn() {
    IscsiEndpoint e = IscsiEndpoint.of(vtl.host(), vtl.port(), "iqn.2000-01.com.example:nope", 1);
    assertThatThrownBy(() -> IscsiTransport.open(e))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("iqn.2000-01.com.example:nope")
        .satisfies(x -> assertThat(((ScsiTransportException) x).retryable()).isFalse());
  }

  @Test
  void unreachablePortal_isRetryable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    IscsiEndpoint e = IscsiEndpoint.of("127.0.0.1", port, vtl.changerIqn(), 1);
    assertThatThrownBy(() -> IscsiTransport.open(e))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .satisfies(x -> assertThat(((ScsiTransportException) x).retryable()).isTrue());
  }

  @Test
  void closedTransport_refusesCommands() {
    IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint());
    t.close();
    t.close();
    assertThatThrownBy(() -> t.execute(ScsiCommand.dataIn(inquiry(), 96, T)))
        .isInstanceOf(ScsiTransportException.class)
        .hasMessageContaining("closed");
  }

  static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }

  static void tgtadm(VtlFixture lib, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of("tgtadm", "-C", lib.get("TGT_CONTROL"), "--lld", "iscsi"));
    cmd.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }
}
