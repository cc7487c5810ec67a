package io.tapeflow.changer.sg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.testing.NativeHelpers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The explicit sg_io_hdr layout against {@code <scsi/sg.h>}, compiled on this machine. */
class SgIoLayoutIT {

  /** name -> {offset, size} as the C compiler lays out struct sg_io_hdr. */
  static Map<String, long[]> probe(String helper) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(NativeHelpers.helper(helper).toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Map<String, long[]> m = new LinkedHashMap<>();
    for (String line : out.split("\n", -1)) {
      String[] f = line.trim().split(" ", -1);
      if (f.length == 3) {
        m.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return m;
  }

  @Test
  void sgIoHeader_matchesTheKernelHeader_fieldByField() throws Exception {
    Map<String, long[]> c = probe("sg-layout");
    assertThat(c.get("sizeof")[0]).isEqualTo(SgIoHeader.SIZE).isEqualTo(88);
    Map<String, long[]> java = new LinkedHashMap<>();
    java.put("interface_id", new long[] {SgIoHeader.INTERFACE_ID, 4});
    java.put("dxfer_direction", new long[] {SgIoHeader.DXFER_DIRECTION, 4});
    java.put("cmd_len", new long[] {SgIoHeader.CMD_LEN, 1});
    java.put("mx_sb_len", new long[] {SgIoHeader.MX_SB_LEN, 1});
    java.put("iovec_count", new long[] {SgIoHeader.IOVEC_COUNT, 2});
    java.put("dxfer_len", new long[] {SgIoHeader.DXFER_LEN, 4});
    java.put("dxferp", new long[] {SgIoHeader.DXFERP, 8});
    java.put("cmdp", new long[] {SgIoHeader.CMDP, 8});
    java.put("sbp", new long[] {SgIoHeader.SBP, 8});
    java.put("timeout", new long[] {SgIoHeader.TIMEOUT, 4});
    java.put("flags", new long[] {SgIoHeader.FLAGS, 4});
    java.put("pack_id", new long[] {SgIoHeader.PACK_ID, 4});
    java.put("usr_ptr", new long[] {SgIoHeader.USR_PTR, 8});
    java.put("status", new long[] {SgIoHeader.STATUS, 1});
    java.put("masked_status", new long[] {SgIoHeader.MASKED_STATUS, 1});
    java.put("msg_status", new long[] {SgIoHeader.MSG_STATUS, 1});
    java.put("sb_len_wr", new long[] {SgIoHeader.SB_LEN_WR, 1});
    java.put("host_status", new long[] {SgIoHeader.HOST_STATUS, 2});
    java.put("driver_status", new long[] {SgIoHeader.DRIVER_STATUS, 2});
    java.put("resid", new long[] {SgIoHeader.RESID, 4});
    java.put("duration", new long[] {SgIoHeader.DURATION, 4});
    java.put("info", new long[] {SgIoHeader.INFO, 4});
    for (Map.Entry<String, long[]> e : java.entrySet()) {
      assertThat(c.get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
    }
    assertThat(c.keySet()).containsAll(java.keySet());
    for (String constant : List.of("SG_IO", "SG_GET_VERSION_NUM")) {
      assertThat(c).containsKey(constant);
    }
    assertThat(c.get("SG_IO")[0]).isEqualTo(SgIoHeader.SG_IO);
    assertThat(c.get("SG_GET_VERSION_NUM")[0]).isEqualTo(SgIoHeader.SG_GET_VERSION_NUM);
    assertThat(c.get("SG_DXFER_NONE")[0]).isEqualTo(SgIoHeader.SG_DXFER_NONE);
    assertThat(c.get("SG_DXFER_TO_DEV")[0]).isEqualTo(SgIoHeader.SG_DXFER_TO_DEV);
    assertThat(c.get("SG_DXFER_FROM_DEV")[0]).isEqualTo(SgIoHeader.SG_DXFER_FROM_DEV);
  }
}
