package io.tapeflow.bacula.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.VolumeJob;
import io.tapeflow.bacula.model.VolumeLocation;
import io.tapeflow.bacula.model.VolumeName;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogRowsTest {

  @Test
  void count_readsThousandsSeparatorsAndNullAsZero() {
    assertThat(CatalogRows.count("1,048,576")).isEqualTo(1_048_576L);
    assertThat(CatalogRows.count(" 208 ")).isEqualTo(208L);
    assertThat(CatalogRows.count("NULL")).isZero();
    assertThat(CatalogRows.count("")).isZero();
    assertThat(CatalogRows.count(null)).isZero();
  }

  @Test
  void count_ofText_isAnOutputErrorNamingTheValue() {
    assertThatThrownBy(() -> CatalogRows.count("12 GB"))
        .isInstanceOf(BconsoleOutputException.class)
        .hasMessageContaining("'12 GB'");
  }

  @Test
  void seconds_readsVolRetentionAsPrinted() {
    assertThat(CatalogRows.seconds("2592000")).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void timestamp_readsTheCatalogFormat_andTheWaysOfSayingNever() {
    assertThat(CatalogRows.timestamp("2026-11-26 23:22:45"))
        .contains(LocalDateTime.of(2026, 11, 26, 23, 22, 45));
    // "llist volume" prints LastWritten: 0 for a volume never written
    assertThat(CatalogRows.timestamp("0")).isEmpty();
    assertThat(CatalogRows.timestamp("0000-00-00 00:00:00")).isEmpty();
    assertThat(CatalogRows.timestamp("NULL")).isEmpty();
    assertThat(CatalogRows.timestamp("")).isEmpty();
    assertThat(CatalogRows.timestamp(null)).isEmpty();
  }

  @Test
  void volumeLocation_readsBothQueryShapes() {
    VolumeLocation one = CatalogRows.volumeLocation(List.of("LAB002", "Archive", "0", "0", "1"));
    assertThat(one)
        .isEqualTo(new VolumeLocation(VolumeName.of("LAB002"), VolStatus.ARCHIVE, 0, false, 1));
    VolumeLocation all = CatalogRows.volumeLocation(List.of("LAB001", "Append", "3", "1"));
    assertThat(all.slot()).isEqualTo(3);
    assertThat(all.inChanger()).isTrue();
    assertThat(all.storageId()).isZero();
  }

  @Test
  void volumeJob_readsARowOfJobsOnVolume() {
    VolumeJob j =
        CatalogRows.volumeJob(
            List.of("7", "BackupLab", "lab-fd", "F", "175944", "12", "2026-11-26 23:22:45"));
    assertThat(j.job()).isEqualTo(JobId.of(7));
    assertThat(j.client()).isEqualTo("lab-fd");
    assertThat(j.bytes()).isEqualTo(175944L);
    assertThat(j.files()).isEqualTo(12L);
    assertThat(j.endTime()).contains(LocalDateTime.of(2026, 11, 26, 23, 22, 45));
    VolumeJob running =
        CatalogRows.volumeJob(List.of("8", "BackupLab", "lab-fd", "F", "0", "0", "NULL"));
    assertThat(running.endTime()).isEmpty();
  }
}
