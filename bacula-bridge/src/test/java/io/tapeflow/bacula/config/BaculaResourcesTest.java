package io.tapeflow.bacula.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaculaResourcesTest {
  static LibraryDescription.Builder library() {
    return LibraryDescription.newBuilder()
        .name("gw1")
        .changerDevice("iscsi://10.0.0.5:3260/iqn.1997-05.com.amazon:sgw-1234abcd-mediachanger/0")
        .archiveDevices(List.of("/dev/tape/by-id/scsi-0001-nst", "/dev/tape/by-id/scsi-0002-nst"))
        .mediaType(MediaTypes.fromProduct("ULT3580-TD5"))
        .sdAddress("backup.example.com");
  }

  @Test
  void storageDaemon_writesTheAutochangerWithTapeflowsCommandAndOneDevicePerDrive() {
    String sd = BaculaResources.storageDaemon(library().build());

    assertThat(sd)
        .contains("Device = \"gw1-drive-0\", \"gw1-drive-1\"")
        .contains("Changer Command = \"/usr/lib/tapeflow/tapeflow-changer %c %o %S %a %d\"")
        .contains("Changer Device = \"iscsi://10.0.0.5:3260/")
        .contains("Archive Device = \"/dev/tape/by-id/scsi-0002-nst\"")
        .contains("Drive Index = 1")
        .contains("Media Type = \"LTO-5\"")
        .contains("Always Open = no");
  }

  @Test
  void director_writesStoragePoolsAndAJobEndRunScriptOnFailureToo() {
    String dir = BaculaResources.director(library().pools(List.of("Daily", "Monthly")).build());

    assertThat(dir)
        .contains("Address = \"backup.example.com\"")
        .contains("Device = \"gw1\"")
        .contains("Name = \"Daily\"")
        .contains("Name = \"Monthly\"")
        .contains("RunsOnFailure = yes")
        .contains(
            "Command = \"/usr/bin/tapeflow event job-end --job %i --status '%e' --volumes '%v'");
  }

  @Test
  void director_passwordFromAFile_includesTheFileAndNeverTheSecret() {
    String dir =
        BaculaResources.director(
            library().password(new Password.FromFile(Path.of("/etc/tapeflow/sd.pw"))).build());

    assertThat(dir).contains("Password = @/etc/tapeflow/sd.pw");
  }

  @Test
  void director_noPassword_writesAVisiblePlaceholder() {
    assertThat(BaculaResources.director(library().build()))
        .contains("Password = \"" + Password.Placeholder.TEXT + "\"");
  }

  @Test
  void build_archiveDeviceWithAQuote_isRefusedNamingIt() {
    assertThatThrownBy(() -> library().archiveDevices(List.of("/dev/nst0\" x")).build())
        .hasMessageContaining("archive device '/dev/nst0\" x'");
  }

  @Test
  void build_changerCommandWithASpace_isRefused() {
    assertThatThrownBy(() -> library().changerCommand("/opt/my dir/changer").build())
        .hasMessageContaining("changer command");
  }

  @Test
  void director_volumeRetention_isWrittenInEveryPool() {
    String dir =
        BaculaResources.director(
            library().pools(List.of("A", "B")).volumeRetention("6 months").build());

    assertThat(dir.split("Volume Retention = 6 months", -1)).hasSize(3);
  }

  @Test
  void build_volumeRetentionThatIsNotADuration_isRefused() {
    assertThatThrownBy(() -> library().volumeRetention("forever").build())
        .hasMessageContaining("volume retention 'forever'");
  }

  @Test
  void build_archiveDeviceLongerThanBaculaTakes_isRefusedWithTheLimit() {
    String longPath = "/dev/tape/by-path/" + "x".repeat(110);
    assertThatThrownBy(() -> library().archiveDevices(List.of(longPath)).build())
        .hasMessageContaining("128 characters; Bacula 9.6 takes at most 127");
  }

  @Test
  void build_noDrives_isRefused() {
    assertThatThrownBy(() -> library().archiveDevices(List.of()).build())
        .hasMessageContaining("at least one drive");
  }

  @Test
  void mediaType_ltoProducts_areLtoGenerations() {
    assertThat(MediaTypes.fromProduct("ULT3580-TD5")).isEqualTo("LTO-5");
    assertThat(MediaTypes.fromProduct("ULT3580-HH8")).isEqualTo("LTO-8");
    assertThat(MediaTypes.fromProduct("Ultrium 6-SCSI")).isEqualTo("LTO-6");
    assertThat(MediaTypes.fromProduct("T10000 D")).isEqualTo("T10000-D");
  }
}
