package io.tapeflow.infra.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDirectoryTest {
  @TempDir Path dir;

  @Test
  void linkDrives_pointsEachDriveAtItsTapeAndRemovesLinksOfEmptyDrives() throws Exception {
    MediaDirectory m = new MediaDirectory(dir);
    m.create("TAPE01");
    m.create("TAPE02");
    m.linkDrives(List.of(Optional.of("TAPE01"), Optional.empty(), Optional.of("TAPE02")));
    assertThat(Files.readSymbolicLink(m.driveLink(0))).isEqualTo(Path.of("TAPE01"));
    assertThat(m.driveLink(1)).doesNotExist();
    Files.writeString(m.driveLink(2), "through the link");
    assertThat(Files.readString(m.dataFile("TAPE02"))).isEqualTo("through the link");

    m.linkDrives(List.of(Optional.empty(), Optional.of("TAPE01"), Optional.empty()));
    assertThat(Files.exists(m.driveLink(0), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.readSymbolicLink(m.driveLink(1))).isEqualTo(Path.of("TAPE01"));
    assertThat(Files.exists(m.driveLink(2), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void setWritable_false_removesEveryWriteBit() throws Exception {
    MediaDirectory m = new MediaDirectory(dir);
    m.create("RO0001");
    m.setWritable("RO0001", false);
    assertThat(Files.getPosixFilePermissions(m.dataFile("RO0001")).toString())
        .doesNotContain("WRITE");
    m.setWritable("RO0001", true);
    assertThat(Files.getPosixFilePermissions(m.dataFile("RO0001")).toString())
        .contains("OWNER_WRITE");
  }
}
