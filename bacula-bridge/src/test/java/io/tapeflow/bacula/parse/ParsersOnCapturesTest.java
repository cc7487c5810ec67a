package io.tapeflow.bacula.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.BconsoleCommandException;
import io.tapeflow.bacula.command.Commands;
import io.tapeflow.bacula.command.VolumeUpdate;
import io.tapeflow.bacula.console.BconsoleCommand;
import io.tapeflow.bacula.console.BconsoleReply;
import io.tapeflow.bacula.console.TestCommands;
import io.tapeflow.bacula.model.DeviceStatus;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobMedia;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.JobStatus;
import io.tapeflow.bacula.model.LabelResult;
import io.tapeflow.bacula.model.LibrarySlots;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.RestoreRequirement;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.UpdateSlotsResult;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.Volume;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.model.VolumeRecord;
import io.tapeflow.bacula.testing.Captures;
import io.tapeflow.bacula.testing.Lab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every parser against what Bacula 9.6.7 really printed. */
class ParsersOnCapturesTest {

  @Test
  void listVolumes_allPools_takesThePoolFromEachSection() {
    List<Volume> v =
        VolumeListParser.parse(
            Captures.reply("list-volumes.txt", Commands.listVolumes(null), null), null);
    assertThat(v).hasSize(5);
    assertThat(v).allSatisfy(x -> assertThat(x.pool()).isEqualTo("Lab"));
    Volume first = v.get(0);
    assertThat(first.name().value()).isEqualTo("LAB001");
    assertThat(first.status()).isEqualTo(VolStatus.APPEND);
    assertThat(first.slot()).isEqualTo(1);
    assertThat(first.inChanger()).isTrue();
    assertThat(first.bytes()).isEqualTo(208);
    assertThat(first.mediaType()).isEqualTo("LabFile");
  }

  @Test
  void listVolumes_afterExport_showsSlotZeroAndNotInChanger() {
    BconsoleCommand c = Commands.listVolumes(Lab.POOL);
    List<Volume> v =
        VolumeListParser.parse(Captures.reply("ie-export-update-slots.txt", c, ".api 2"), "Lab");
    Volume lab002 =
        v.stream().filter(x -> x.name().value().equals("LAB002")).findFirst().orElseThrow();
    assertThat(lab002.slot()).isZero();
    assertThat(lab002.inChanger()).isFalse();
    assertThat(v)
        .filteredOn(x -> x.status() == VolStatus.READ_ONLY)
        .extracting(x -> x.name().value())
        .containsExactly("LAB004");
    assertThat(v.get(0).lastWritten()).isEqualTo("2026-11-26 23:25:03");
    assertThat(v.get(0).expiresIn()).isEqualTo(2591809);
  }

  @Test
  void listOneVolume_hasNoLastWrittenColumn_andStillParses() {
    BconsoleCommand c = Commands.listVolumes(null);
    BconsoleReply r =
        Captures.reply(
            "list-volume.txt",
            io.tapeflow.bacula.console.BconsoleCommand.builder("list")
                .keyword("volume", "LAB001")
                .build(),
            null);
    List<Volume> v = VolumeListParser.parse(r, null);
    assertThat(c).isNotNull();
    assertThat(v).singleElement().satisfies(x -> assertThat(x.lastWritten()).isNull());
  }

  @Test
  void llistVolume_readsEveryField() {
    VolumeRecord r =
        RecordParsers.volume(
                Captures.reply(
                    "llist-volume.txt", Commands.llistVolume(VolumeName.of("LAB001")), null))
            .orElseThrow();
    assertThat(r.name().value()).isEqualTo("LAB001");
    assertThat(r.status()).isEqualTo(VolStatus.APPEND);
    assertThat(r.slot()).isEqualTo(1);
    assertThat(r.inChanger()).isTrue();
    assertThat(r.field("StorageId")).contains("1");
    assertThat(r.field("Comment")).contains("NULL");
  }

  @Test
  void llistJob_readsTheCatalogStatus() {
    JobRecord j =
        RecordParsers.job(Captures.reply("llist-jobid.txt", Commands.llistJob(JobId.of(1)), null))
            .orElseThrow();
    assertThat(j.id().value()).isEqualTo(1);
    assertThat(j.status()).isEqualTo(JobStatus.OK);
    assertThat(j.type()).isEqualTo("B");
    assertThat(j.files()).isEqualTo(6);
    assertThat(j.bytes()).isEqualTo(174460);
  }

  @Test
  void listJobMedia_ignoresTheJobsTableAppendedForAJobId() {
    List<JobMedia> m =
        RecordParsers.jobMedia(
            Captures.reply("list-jobmedia-jobid.txt", Commands.listJobMedia(JobId.of(1)), null));
    assertThat(m).containsExactly(new JobMedia(JobId.of(1), VolumeName.of("LAB005"), 1, 6));
  }

  @Test
  void statusSlotsApi2_readsDrivesStorageAndImportExportSlots() {
    LibrarySlots s =
        SlotStatusParser.parse(
            Captures.reply("api2-status-slots.txt", Commands.statusSlots(Lab.STORAGE, 0), null));
    assertThat(s.drives()).hasSize(2);
    assertThat(s.drives().get(1).slot()).isEqualTo(5);
    assertThat(s.drives().get(1).volume()).isEqualTo("LAB005");
    assertThat(s.drives().get(0).loaded()).isFalse();
    assertThat(s.slots()).hasSize(10);
    assertThat(s.slot(3).orElseThrow().status()).isEqualTo(VolStatus.ARCHIVE);
    assertThat(s.slot(6).orElseThrow().full()).isFalse();
    var ie = s.slot(9).orElseThrow();
    assertThat(ie.importExport()).isTrue();
    assertThat(ie.volume()).isEqualTo("LAB009");
    assertThat(ie.inCatalog()).isFalse();
    assertThat(s.driveOf("LAB005")).isPresent();
  }

  @Test
  void statusSlotsApi2_showsAnExportedVolumeInItsImportExportSlot() {
    LibrarySlots s =
        SlotStatusParser.parse(
            Captures.reply(
                "ie-export-update-slots.txt", Commands.statusSlots(Lab.STORAGE, 0), null));
    var lab002 = s.slotOf("LAB002").orElseThrow();
    assertThat(lab002.slot()).isEqualTo(10);
    assertThat(lab002.importExport()).isTrue();
    assertThat(lab002.catalogSlot()).isZero();
    assertThat(lab002.status()).isEqualTo(VolStatus.APPEND);
  }

  @Test
  void statusStorage_readsWhatTheStorageDaemonBelievesIsLoaded() {
    List<DeviceStatus> d =
        StorageStatusParser.devices(
            Captures.reply("status-storage.txt", Commands.statusStorage(Lab.STORAGE), null));
    assertThat(d).hasSize(2);
    assertThat(d.get(0).name()).isEqualTo("Drive-0");
    assertThat(d.get(0).archiveDevice()).isEqualTo("/srv/bacula-lab/drives/drive0");
    assertThat(d.get(0).loadedSlot()).hasValue(5);
    assertThat(d.get(1).loaded()).isFalse();
    assertThat(d.get(1).loadedSlot()).isEmpty();
  }

  @Test
  void statusStorage_ofAJobWaitingForAMount() {
    List<DeviceStatus> d =
        StorageStatusParser.devices(
            Captures.reply(
                "offline-volume-restore-waiting.txt", Commands.statusStorage(Lab.STORAGE), null));
    assertThat(d).anySatisfy(x -> assertThat(x.blocked()).isTrue());
  }

  @Test
  void updateSlots_emptyCatalog_reportsUnknownCartridgesBySlot() {
    UpdateSlotsResult r =
        UpdateSlotsParser.parse(
            Captures.reply(
                "update-slots-empty-catalog.txt",
                Commands.updateSlots(Lab.STORAGE, 0, null, false),
                null));
    assertThat(r.changerSlots()).isEqualTo(10);
    assertThat(r.notInCatalog()).containsEntry(1, "LAB001").containsEntry(5, "LAB005").hasSize(5);
    assertThat(r.upToDate()).isEmpty();
  }

  @Test
  void updateSlots_afterLabelling_isUpToDate() {
    UpdateSlotsResult r =
        UpdateSlotsParser.parse(
            Captures.reply(
                "update-slots.txt", Commands.updateSlots(Lab.STORAGE, 0, null, false), null));
    assertThat(r.upToDate()).containsExactly("LAB001", "LAB002", "LAB003", "LAB004", "LAB005");
  }

  @Test
  void updateSlots_withARange_seesOnlyThatRange() {
    UpdateSlotsResult r =
        UpdateSlotsParser.parse(
            Captures.reply(
                "update-slots-slot-range.txt",
                Commands.updateSlots(Lab.STORAGE, 0, SlotRange.of(1, 2), false),
                null));
    assertThat(r.seen()).containsExactly("LAB001", "LAB002");
  }

  @Test
  void updateSlots_whenTheChangerCommandFails_isAnErrorNotAnEmptyLibrary() {
    assertThatThrownBy(
            () ->
                UpdateSlotsParser.parse(
                    Captures.reply(
                        "error-changer-not-executable.txt",
                        Commands.updateSlots(Lab.STORAGE, 0, null, false),
                        "mount storage=LabChanger")))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("No slots in changer to scan");
  }

  @Test
  void labelBarcodes_listsOfferedAndLabelledVolumes() {
    LabelResult r =
        LabelParser.parse(
            Captures.reply(
                "label-barcodes.txt",
                Commands.labelBarcodes(Lab.STORAGE, Lab.POOL, 0, SlotRange.of(1, 5)),
                null));
    assertThat(r.offered()).hasSize(5).containsEntry(3, "LAB003");
    assertThat(r.labelled()).containsEntry("LAB001", 1).containsEntry("LAB005", 5).hasSize(5);
    assertThat(r.failed()).isEmpty();
  }

  @Test
  void labelBarcodes_onLabelledVolumes_reportsThemAsExisting() {
    LabelResult r =
        LabelParser.parse(
            Captures.reply(
                "label-barcodes-already-labeled.txt",
                Commands.labelBarcodes(Lab.STORAGE, Lab.POOL, 0, SlotRange.of(1, 2)),
                null));
    assertThat(r.alreadyLabelled()).containsExactly("LAB001", "LAB002");
    assertThat(r.labelled()).isEmpty();
  }

  @Test
  void labelBarcodes_ofAnImportedCartridge() {
    LabelResult r =
        LabelParser.parse(
            Captures.reply(
                "ie-import-label-barcodes.txt",
                Commands.labelBarcodes(Lab.STORAGE, Lab.POOL, 0, SlotRange.single(6)),
                null));
    assertThat(r.labelled()).containsExactly(Map.entry("LAB009", 6));
  }

  @Test
  void sql_cutsRowsByColumnCount_thoughBconsolePrintsNoRowSeparator() {
    BconsoleCommand c =
        TestCommands.sql(
            "SELECT MediaId, VolumeName, VolStatus, Slot, InChanger, Enabled FROM Media ORDER BY Slot");
    List<List<String>> rows = SqlRows.parse(Captures.reply("dot-sql.txt", c, ".api 2"), 6);
    assertThat(rows).hasSize(6);
    assertThat(rows.get(3)).containsExactly("4", "LAB004", "Read-Only", "4", "1", "1");
  }

  @Test
  void sql_ignoresYouHaveMessagesRunningIntoTheLastRow() {
    BconsoleCommand c = TestCommands.sql("SELECT VolumeName, Slot FROM Media");
    BconsoleReply r =
        new BconsoleReply(
            c,
            List.of("Using Catalog \"Catalog\"", "TFL001\t1\tTFL002\t2\tYou have messages."),
            java.time.Duration.ZERO);
    assertThat(SqlRows.parse(r, 2)).containsExactly(List.of("TFL001", "1"), List.of("TFL002", "2"));
  }

  @Test
  void sql_withAColumnCountThatDoesNotFit_isAnOutputError() {
    BconsoleCommand c =
        TestCommands.sql(
            "SELECT MediaId, VolumeName, VolStatus, Slot, InChanger, Enabled FROM Media ORDER BY Slot");
    assertThatThrownBy(() -> SqlRows.parse(Captures.reply("dot-sql.txt", c, ".api 2"), 5))
        .hasMessageContaining("not a multiple of 5");
  }

  @Test
  void run_readsTheQueuedJobId() {
    assertThat(
            JobQueuedParser.parse(
                Captures.reply(
                    "run-backup.txt", Commands.run(JobName.of("BackupLab")), "wait jobid=1")))
        .isEqualTo(JobId.of(1));
  }

  @Test
  void restore_readsTheJobAndWhichVolumesAreInTheChanger() {
    RestoreRequirement r =
        RestoreParser.parse(
            Captures.reply(
                "restore.txt",
                Commands.restore(
                    JobId.of(1), RestorePath.of("/srv/bacula-lab/restore"), null, null),
                "wait"));
    assertThat(r.job()).isEqualTo(JobId.of(2));
    assertThat(r.volumes()).containsExactly(Map.entry("LAB005", true));
  }

  @Test
  void restore_ofAVolumeOutsideTheChanger_saysSo() {
    RestoreRequirement r =
        RestoreParser.parse(
            Captures.reply(
                "offline-volume-restore-start.txt",
                Commands.restore(
                    JobId.of(3), RestorePath.of("/srv/bacula-lab/restore3"), null, null),
                null));
    assertThat(r.volumes()).containsExactly(Map.entry("LAB001", false));
  }

  @Test
  void mount_succeeds_whenTheChangerLoaded() {
    assertThat(
            DeviceCommandParser.parse(
                Captures.reply("mount.txt", Commands.mount(Lab.STORAGE, 0, 3), null)))
        .anyMatch(l -> l.startsWith("3002"));
  }

  @Test
  void mount_fails_whenTheLoadFailed_despiteTheMisleading3002Mounted() {
    assertThatThrownBy(
            () ->
                DeviceCommandParser.parse(
                    Captures.reply(
                        "error-load-empty-slot.txt", Commands.mount(Lab.STORAGE, 0, 7), null)))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("3992 Bad autochanger")
        .hasMessageContaining("source Element Address 7 is Empty");
  }

  @Test
  void mount_slotIgnoredWhileAJobWaits_isNormal() {
    assertThat(
            DeviceCommandParser.parse(
                Captures.reply(
                    "offline-volume-restore-resume.txt",
                    Commands.mount(Lab.STORAGE, 1, 1),
                    "wait jobid=5")))
        .anyMatch(l -> l.startsWith("3001 OK mount requested"));
  }

  @Test
  void release_alreadyReleased_isInformational() {
    assertThat(
            DeviceCommandParser.parse(
                Captures.reply("release.txt", Commands.release(Lab.STORAGE, 0, 3), null)))
        .anyMatch(l -> l.startsWith("3921"));
    assertThat(
            DeviceCommandParser.parse(
                Captures.reply("unmount.txt", Commands.unmount(Lab.STORAGE, 0), null)))
        .anyMatch(l -> l.contains("unmounted"));
  }

  @Test
  void updateVolume_confirmsOrFailsOnTheDirectorsText_sinceTheExitCodeIsAlwaysZero() {
    VolumeName lab002 = VolumeName.of("LAB002");
    assertThat(
            UpdateVolumeParser.parse(
                Captures.reply(
                    "update-volume-used.txt",
                    Commands.updateVolume(lab002, VolumeUpdate.status(VolStatus.USED)),
                    null),
                1))
        .containsExactly("New Volume status is: Used");
    assertThat(
            UpdateVolumeParser.parse(
                Captures.reply(
                    "update-volume-inchanger-slot.txt",
                    Commands.updateVolume(VolumeName.of("LAB001"), VolumeUpdate.location(true, 1)),
                    null),
                2))
        .hasSize(2);
    BconsoleCommand unknown =
        Commands.updateVolume(VolumeName.of("NOPE999"), VolumeUpdate.status(VolStatus.USED));
    assertThatThrownBy(
            () ->
                UpdateVolumeParser.parse(
                    Captures.reply("update-volume-unknown-volume.txt", unknown, null), 1))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void invalidVolStatus_isAnError() {
    BconsoleCommand c =
        io.tapeflow.bacula.console.BconsoleCommand.builder("update")
            .keyword("volume", "LAB002")
            .keyword("volstatus", "Bogus")
            .build();
    assertThatThrownBy(
            () -> ReplyErrors.check(Captures.reply("update-volume-invalid-status.txt", c, null)))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("Invalid VolStatus specified: Bogus");
  }

  @Test
  void labelVolume_ofATapeThatAlreadyHasALabel_fails() {
    BconsoleCommand c = Commands.labelVolume(Lab.STORAGE, Lab.POOL, VolumeName.of("TFL001"), 1, 1);
    BconsoleReply r =
        new BconsoleReply(
            c,
            List.of(
                "Sending label command for Volume \"TFL001\" Slot 1 ...",
                "3305 Autochanger \"load Volume TFL001, Slot 1, Drive 1\", status is OK.",
                "3920 Cannot label Volume because it is already labeled: \"TFL001\"",
                "Label command failed for Volume TFL001.",
                "Do not forget to mount the drive!!!"),
            java.time.Duration.ZERO);
    assertThat(LabelParser.parse(r).failed()).containsKey("TFL001");
    assertThat(LabelParser.parse(r).labelled()).isEmpty();
    assertThatThrownBy(() -> ReplyErrors.check(r))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("already labeled");
  }

  @Test
  void anUnknownCommand_isAnError() {
    BconsoleCommand c =
        io.tapeflow.bacula.console.BconsoleCommand.builder("frobnicate")
            .keyword("volume", "LAB001")
            .build();
    assertThatThrownBy(
            () -> ReplyErrors.check(Captures.reply("error-invalid-command.txt", c, null)))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("frobnicate: is an invalid command.");
  }

  @Test
  void anUnexpectedAnswerEcho_isNotBlamedOnTheCommand() {
    BconsoleCommand c = Commands.labelBarcodes(Lab.STORAGE, Lab.POOL, 0, SlotRange.single(1));
    BconsoleReply r =
        new BconsoleReply(
            c,
            List.of("Storage resource \"Nope\": not found", "yes", "yes: is an invalid command."),
            java.time.Duration.ZERO);
    assertThat(ReplyErrors.errorLines(r)).containsExactly("Storage resource \"Nope\": not found");
  }
}
