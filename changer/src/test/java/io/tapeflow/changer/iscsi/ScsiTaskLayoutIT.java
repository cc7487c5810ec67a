package io.tapeflow.changer.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.testing.NativeHelpers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The struct scsi_task offsets IscsiTransport reads, against libiscsi's installed header. */
class ScsiTaskLayoutIT {

  @Test
  void scsiTaskOffsets_matchTheInstalledLibiscsiHeader() throws Exception {
    Process p =
        new ProcessBuilder(NativeHelpers.helper("iscsi-layout").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Map<String, Long> offset = new LinkedHashMap<>();
    Map<String, Long> size = new LinkedHashMap<>();
    for (String line : out.split("\n", -1)) {
      String[] f = line.trim().split(" ", -1);
      if (f.length == 3) {
        offset.put(f[0], Long.parseLong(f[1]));
        size.put(f[0], Long.parseLong(f[2]));
      }
    }
    assertThat(offset.get("status")).isEqualTo(ScsiTaskLayout.STATUS);
    assertThat(offset.get("cdb_size")).isEqualTo(ScsiTaskLayout.CDB_SIZE);
    assertThat(offset.get("xfer_dir")).isEqualTo(ScsiTaskLayout.XFER_DIR);
    assertThat(offset.get("expxferlen")).isEqualTo(ScsiTaskLayout.EXPXFERLEN);
    assertThat(offset.get("cdb")).isEqualTo(ScsiTaskLayout.CDB);
    assertThat(offset.get("residual_status")).isEqualTo(ScsiTaskLayout.RESIDUAL_STATUS);
    assertThat(offset.get("residual")).isEqualTo(ScsiTaskLayout.RESIDUAL);
    assertThat(size.get("residual")).isEqualTo(8);
    assertThat(offset.get("sense")).isEqualTo(ScsiTaskLayout.SENSE);
    assertThat(size.get("scsi_sense")).isEqualTo(ScsiTaskLayout.SENSE_SIZE);
    assertThat(offset.get("datain.size")).isEqualTo(ScsiTaskLayout.DATAIN_SIZE);
    assertThat(offset.get("datain.data")).isEqualTo(ScsiTaskLayout.DATAIN_DATA);
    assertThat(size.get("iscsi_data")).isEqualTo(16); // what IscsiTransport builds for data-out
  }
}
