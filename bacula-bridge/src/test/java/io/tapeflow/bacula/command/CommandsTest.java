package io.tapeflow.bacula.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.console.BconsoleCommand;
import io.tapeflow.bacula.console.SqlQuery;
import io.tapeflow.bacula.model.ClientName;
import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.testing.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandsTest {
  private static final VolumeName V = VolumeName.of("LAB001");

  @Test
  void builders_writeTheLinesBaculaExpects() {
    assertThat(Commands.updateSlots(Lab.STORAGE, 0, null, false).line())
        .isEqualTo("update slots storage=LabChanger drive=0");
    assertThat(Commands.updateSlots(Lab.STORAGE, 0, SlotRange.of(1, 2), false).line())
        .isEqualTo("update slots storage=LabChanger drive=0 slot=1-2");
    assertThat(Commands.updateSlots(Lab.STORAGE, 1, null, true).line())
        .isEqualTo("update slots scan storage=LabChanger drive=1");
    assertThat(Commands.labelVolume(Lab.STORAGE, Lab.POOL, V, 3, 1).line())
        .isEqualTo("label storage=LabChanger pool=Lab volume=LAB001 slot=3 drive=1");
    assertThat(Commands.listVolumes(null).line()).isEqualTo("list volumes");
    assertThat(Commands.listVolumes(Lab.POOL).line()).isEqualTo("list volumes pool=Lab");
    assertThat(Commands.llistVolume(V).line()).isEqualTo("llist volume=LAB001");
    assertThat(Commands.llistJob(JobId.of(3)).line()).isEqualTo("llist jobid=3");
    assertThat(Commands.statusStorage(Lab.STORAGE).line()).isEqualTo("status storage=LabChanger");
    assertThat(Commands.mount(Lab.STORAGE, 0, 3).line())
        .isEqualTo("mount storage=LabChanger drive=0 slot=3");
    assertThat(Commands.unmount(Lab.STORAGE, 0).line())
        .isEqualTo("unmount storage=LabChanger drive=0");
    assertThat(Commands.release(Lab.STORAGE, 0, 3).line())
        .isEqualTo("release storage=LabChanger drive=0 slot=3");
    assertThat(Commands.listJobMedia(JobId.of(1)).line()).isEqualTo("list jobmedia jobid=1");
    assertThat(Commands.listJobMedia(null).line()).isEqualTo("list jobmedia");
    assertThat(Commands.run(JobName.of("BackupLab")).line()).isEqualTo("run job=BackupLab yes");
    assertThat(Commands.messages().line()).isEqualTo("messages");
  }

  @Test
  void labelBarcodes_answersTheQuestionOnTheNextLine_becauseTheYesKeywordIsIgnored() {
    BconsoleCommand c = Commands.labelBarcodes(Lab.STORAGE, Lab.POOL, 0, SlotRange.of(1, 5));
    assertThat(c.line()).isEqualTo("label barcodes storage=LabChanger pool=Lab slots=1-5 drive=0");
    assertThat(c.line()).doesNotEndWith("yes");
    assertThat(c.answers()).containsExactly("yes");
  }

  @Test
  void updateSlots_usesSlotNotSlots_becauseTheSubcommandWordShadowsSlotsEquals() {
    assertThat(Commands.updateSlots(Lab.STORAGE, 0, SlotRange.parse("1-3"), true).line())
        .contains(" slot=1-3")
        .doesNotContain("slots=");
  }

  @Test
  void statusSlots_switchesToApi2First() {
    BconsoleCommand c = Commands.statusSlots(Lab.STORAGE, 0);
    assertThat(c.modes()).containsExactly(".api 2");
    assertThat(c.line()).isEqualTo("status slots storage=LabChanger drive=0");
  }

  @Test
  void mountAndRelease_alwaysCarryASlot_soTheDirectorNeverAsksForOne() {
    assertThat(Commands.mount(Lab.STORAGE, 0, 1).line()).contains("slot=1");
    assertThat(Commands.release(Lab.STORAGE, 0, 1).line()).contains("slot=1");
    assertThatThrownBy(() -> Commands.mount(Lab.STORAGE, 0, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("slot 0");
  }

  @Test
  void updateVolume_writesEachRequestedField() {
    assertThat(Commands.updateVolume(V, VolumeUpdate.status(VolStatus.READ_ONLY)).line())
        .isEqualTo("update volume=LAB001 volstatus=Read-Only");
    assertThat(Commands.updateVolume(V, VolumeUpdate.location(true, 1)).line())
        .isEqualTo("update volume=LAB001 slot=1 inchanger=yes");
    assertThat(Commands.updateVolume(V, new VolumeUpdate(VolStatus.ARCHIVE, false, 0)).line())
        .isEqualTo("update volume=LAB001 volstatus=Archive slot=0 inchanger=no");
  }

  @Test
  void updateVolume_refusesStatusesTheDirectorRejects() {
    assertThatThrownBy(() -> VolumeUpdate.status(VolStatus.PURGED))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("Purged");
    assertThatThrownBy(() -> new VolumeUpdate(null, null, null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void restore_givesEveryKeywordSoNoQuestionIsAsked() {
    assertThat(Commands.restore(JobId.of(1), RestorePath.of("/srv/restore"), null, null).line())
        .isEqualTo("restore jobid=1 all done yes where=/srv/restore");
    assertThat(
            Commands.restore(
                    JobId.of(3),
                    RestorePath.of("/r"),
                    ClientName.of("lab-fd"),
                    JobName.of("RestoreLab"))
                .line())
        .isEqualTo("restore jobid=3 client=lab-fd restorejob=RestoreLab all done yes where=/r");
  }

  @Test
  void sql_quotesOnlyTapeflowsOwnQueries() {
    BconsoleCommand c = Commands.sql(SqlQuery.volumeLocation(V));
    assertThat(c.line())
        .isEqualTo(
            ".sql query=\"SELECT VolumeName, VolStatus, Slot, InChanger, StorageId FROM Media WHERE"
                + " VolumeName='LAB001'\"");
    assertThat(c.rawOutput()).isTrue();
  }

  @Test
  void purgeAndDelete_areRefusedWithoutAStatementForThatVolume() {
    assertThatThrownBy(() -> Commands.purgeVolume(V, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("no eligibility statement");
    VolumeEligibility other = VolumeEligibility.stated(VolumeName.of("LAB002"), "retention over");
    assertThatThrownBy(() -> Commands.deleteVolume(V, other))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("about LAB002");
    assertThatThrownBy(() -> VolumeEligibility.stated(V, " "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("needs a reason");
    VolumeEligibility ok = VolumeEligibility.stated(V, "retention over");
    assertThat(Commands.purgeVolume(V, ok).line()).isEqualTo("purge volume=LAB001");
    assertThat(Commands.deleteVolume(V, ok).line()).isEqualTo("delete volume=LAB001 yes");
  }

  @Test
  void theLowLevelBuilder_refusesARepeatedKeyword() {
    assertThatThrownBy(
            () ->
                BconsoleCommand.builder("update")
                    .keyword("volume", "LAB002")
                    .keyword("volstatus", "Used")
                    .keyword("volstatus", "Full"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("given twice");
  }

  @Test
  void theLowLevelBuilder_refusesUnsafeValuesAndAnswers() {
    assertThatThrownBy(() -> BconsoleCommand.builder("list").keyword("volume", "@exec"))
        .hasMessageContaining("starts with '@'");
    assertThatThrownBy(() -> BconsoleCommand.builder("list").keyword("volume", "a\nb"))
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> BconsoleCommand.builder("@exec"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> BconsoleCommand.builder("list").answer("yes\nno"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> BconsoleCommand.builder("list").mode("@exec \"sh\""))
        .isInstanceOf(InvalidValueException.class);
  }

  /** Every builder that takes a name, with a hostile value in that name's place. */
  static Stream<Arguments> everyBuilderWithEveryHostileValue() {
    Map<String, Function<String, BconsoleCommand>> builders =
        Map.ofEntries(
            Map.entry("updateSlots", s -> Commands.updateSlots(StorageName.of(s), 0, null, false)),
            Map.entry(
                "labelBarcodes",
                s -> Commands.labelBarcodes(Lab.STORAGE, PoolName.of(s), 0, SlotRange.single(1))),
            Map.entry(
                "labelVolume",
                s -> Commands.labelVolume(Lab.STORAGE, Lab.POOL, VolumeName.of(s), 1, 0)),
            Map.entry("listVolumes", s -> Commands.listVolumes(PoolName.of(s))),
            Map.entry("llistVolume", s -> Commands.llistVolume(VolumeName.of(s))),
            Map.entry("statusSlots", s -> Commands.statusSlots(StorageName.of(s), 0)),
            Map.entry("statusStorage", s -> Commands.statusStorage(StorageName.of(s))),
            Map.entry("mount", s -> Commands.mount(StorageName.of(s), 0, 1)),
            Map.entry("unmount", s -> Commands.unmount(StorageName.of(s), 0)),
            Map.entry("release", s -> Commands.release(StorageName.of(s), 0, 1)),
            Map.entry(
                "updateVolume",
                s -> Commands.updateVolume(VolumeName.of(s), VolumeUpdate.status(VolStatus.USED))),
            Map.entry("listJobMedia", s -> Commands.listJobMedia(JobId.parse(s))),
            Map.entry("sql", s -> Commands.sql(SqlQuery.volumeLocation(VolumeName.of(s)))),
            Map.entry("run", s -> Commands.run(JobName.of(s))),
            Map.entry(
                "restore",
                s -> Commands.restore(JobId.of(1), RestorePath.of("/r/" + s), null, null)),
            Map.entry(
                "purgeVolume",
                s -> Commands.purgeVolume(VolumeName.of(s), VolumeEligibility.stated(V, "x"))),
            Map.entry(
                "deleteVolume",
                s -> Commands.deleteVolume(VolumeName.of(s), VolumeEligibility.stated(V, "x"))));
    List<String> hostile =
        List.of(
            "LAB001\nupdate volume=LAB002 volstatus=Purged",
            "@exec \"/bin/sh -c id\"",
            "LAB\"001",
            "LAB001 volstatus=Purged",
            "A".repeat(128));
    List<Arguments> out = new ArrayList<>();
    builders.forEach((name, b) -> hostile.forEach(h -> out.add(Arguments.of(name, b, h))));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} refuses {2}")
  @MethodSource("everyBuilderWithEveryHostileValue")
  void everyBuilder_refusesHostileInput_withAOneLineReason(
      String builder, Function<String, BconsoleCommand> build, String hostile) {
    assertThatThrownBy(() -> build.apply(hostile))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageNotContaining("\n");
  }

  @Test
  void theFacade_refusesHostileInput_andNothingReachesBconsole() {
    List<BconsoleCommand> sent = new ArrayList<>();
    BaculaConsole console =
        new BaculaConsole(
            c -> {
              sent.add(c);
              throw new AssertionError("nothing may reach bconsole");
            });
    for (String h : List.of("LAB001\nquit", "@exec x", "L\"1", "LAB001 slot=9", "A".repeat(128))) {
      assertThatThrownBy(() -> console.volume(VolumeName.of(h)))
          .isInstanceOf(InvalidValueException.class);
      assertThatThrownBy(
              () -> console.labelBarcodes(StorageName.of(h), Lab.POOL, 0, SlotRange.single(1)))
          .isInstanceOf(InvalidValueException.class);
      assertThatThrownBy(() -> console.unmount(Lab.STORAGE, -1))
          .isInstanceOf(InvalidValueException.class);
      assertThatThrownBy(
              () -> console.deleteVolume(V, VolumeEligibility.stated(VolumeName.of("X1"), "x")))
          .isInstanceOf(InvalidValueException.class);
    }
    assertThat(sent).isEmpty();
  }
}
