package io.tapeflow.worker.cli.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LibrarySourceTest {
  private static final String JSON =
      """
      {"changer":{"uri":"iscsi://10.0.0.5:3260/iqn.x:sgw-1-mediachanger/0"},
       "drives":[
        {"index":0,"elementAddress":10000,"product":"ULT3580-TD5",
         "byId":"/dev/tape/by-id/scsi-A-nst","byPath":"/dev/tape/by-path/p1-nst"},
        {"index":1,"elementAddress":10001,"product":"ULT3580-TD5",
         "byId":null,"byPath":"/dev/tape/by-path/p2-nst"}]}
      """;

  @Test
  void fromDiscoveryJson_byId_usesTheIdNameAndFallsBackToThePath() {
    LibrarySource s = LibrarySource.fromDiscoveryJson(JSON, LibrarySource.Names.BY_ID);

    assertThat(s.changerUri()).isEqualTo("iscsi://10.0.0.5:3260/iqn.x:sgw-1-mediachanger/0");
    assertThat(s.archiveDevices())
        .containsExactly("/dev/tape/by-id/scsi-A-nst", "/dev/tape/by-path/p2-nst");
    assertThat(s.mediaType()).isEqualTo("LTO-5");
  }

  @Test
  void fromDiscoveryJson_byPath_usesThePathNames() {
    assertThat(LibrarySource.fromDiscoveryJson(JSON, LibrarySource.Names.BY_PATH).archiveDevices())
        .containsExactly("/dev/tape/by-path/p1-nst", "/dev/tape/by-path/p2-nst");
  }

  @Test
  void fromDiscoveryJson_driveWithoutTarget_isRefusedNamingTheElement() {
    String json =
        "{\"changer\":{\"uri\":\"iscsi://h/iqn.x:c/0\"},"
            + "\"drives\":[{\"elementAddress\":10003,\"matchedBy\":\"NONE\"}]}";
    assertThatThrownBy(() -> LibrarySource.fromDiscoveryJson(json, LibrarySource.Names.BY_ID))
        .hasMessageContaining("drive element 10003 has no target");
  }

  @Test
  void fromDiscoveryJson_notJson_saysWhatItExpected() {
    assertThatThrownBy(() -> LibrarySource.fromDiscoveryJson("{", LibrarySource.Names.BY_ID))
        .hasMessageContaining("tapeflow discover --json");
  }
}
