package io.tapeflow.bacula.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bacula 9.6 itself accepts what the generator writes. */
class BaculaResourcesIT {
  @TempDir Path dir;

  private static LibraryDescription tgtShaped(Path pw) {
    return BaculaResourcesTest.library()
        .archiveDevices(
            List.of(
                "/dev/tape/by-id/scsi-SGW1230001-nst",
                "/dev/tape/by-id/scsi-SGW1230002-nst",
                "/dev/tape/by-id/scsi-SGW1230003-nst"))
        .password(new Password.FromFile(pw))
        .pools(List.of("Tapes", "Archive"))
        .build();
  }

  @Test
  void generated_fragments_passBaculaSdAndDirChecks() throws Exception {
    Path pw = Files.writeString(dir.resolve("sd.pw"), "Zm9v+/bar.baz_1\n");
    LibraryDescription lib = tgtShaped(pw);
    Path sd = BaculaConfigCheck.sdConfig(dir.resolve("sd"), BaculaResources.storageDaemon(lib));
    Path dirConf =
        BaculaConfigCheck.dirConfig(
            dir.resolve("dir"), BaculaResources.director(lib), lib.jobDefsName());

    BaculaConfigCheck.Result sdCheck =
        BaculaConfigCheck.run(List.of("bacula-sd", "-t", "-c", sd.toString()));
    BaculaConfigCheck.Result dirCheck =
        BaculaConfigCheck.run(List.of("bacula-dir", "-t", "-c", dirConf.toString()));

    assertThat(sdCheck.exitCode()).as(sdCheck.output()).isZero();
    assertThat(dirCheck.exitCode()).as(dirCheck.output()).isZero();
  }

  @Test
  void fileDevicesOfTheTestLibrary_passBaculaSdAndDirChecks() throws Exception {
    LibraryDescription lib =
        BaculaResourcesTest.library()
            .deviceKind(DeviceKind.FILE)
            .archiveDevices(List.of(dir.resolve("media/drive-0").toString()))
            .mediaType("VtlFile")
            .volumeRetention("6 months")
            .eventSpool(dir.resolve("events").toString())
            .build();
    Path sd = BaculaConfigCheck.sdConfig(dir.resolve("sd"), BaculaResources.storageDaemon(lib));
    Path dirConf =
        BaculaConfigCheck.dirConfig(
            dir.resolve("dir"), BaculaResources.director(lib), lib.jobDefsName());

    BaculaConfigCheck.Result sdCheck =
        BaculaConfigCheck.run(List.of("bacula-sd", "-t", "-c", sd.toString()));
    BaculaConfigCheck.Result dirCheck =
        BaculaConfigCheck.run(List.of("bacula-dir", "-t", "-c", dirConf.toString()));

    assertThat(sdCheck.exitCode()).as(sdCheck.output()).isZero();
    assertThat(dirCheck.exitCode()).as(dirCheck.output()).isZero();
  }

  @Test
  void passwordFile_reachesTheDirectorIntact() throws Exception {
    Path pw = Files.writeString(dir.resolve("sd.pw"), "Zm9v+/bar.baz_1\n");
    LibraryDescription lib = tgtShaped(pw);
    Path dirConf =
        BaculaConfigCheck.dirConfig(
            dir.resolve("dir"), BaculaResources.director(lib), lib.jobDefsName());

    BaculaConfigCheck.Result json =
        BaculaConfigCheck.run(List.of("bdirjson", "-c", dirConf.toString(), "-r", "Storage"));

    assertThat(json.output()).contains("\"Password\": \"Zm9v+/bar.baz_1\"");
    assertThat(BaculaResources.director(lib)).doesNotContain("Zm9v");
  }
}
