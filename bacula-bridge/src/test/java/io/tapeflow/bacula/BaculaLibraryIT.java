package io.tapeflow.bacula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.bacula.changer.ChangerService;
import io.tapeflow.bacula.changer.FileDriveReadiness;
import io.tapeflow.bacula.changer.SlotMap;
import io.tapeflow.bacula.changer.StandardChangerOpener;
import io.tapeflow.bacula.command.VolumeEligibility;
import io.tapeflow.bacula.command.VolumeUpdate;
import io.tapeflow.bacula.console.BconsoleCommand;
import io.tapeflow.bacula.event.JobEndEvent;
import io.tapeflow.bacula.event.SpoolJobEventSink;
import io.tapeflow.bacula.model.DeviceStatus;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.JobMedia;
import io.tapeflow.bacula.model.JobRecord;
import io.tapeflow.bacula.model.LabelResult;
import io.tapeflow.bacula.model.LibrarySlots;
import io.tapeflow.bacula.model.RestorePath;
import io.tapeflow.bacula.model.RestoreRequirement;
import io.tapeflow.bacula.model.SlotRange;
import io.tapeflow.bacula.model.SlotSync;
import io.tapeflow.bacula.model.UpdateSlotsResult;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.Volume;
import io.tapeflow.bacula.model.VolumeLocation;
import io.tapeflow.bacula.model.VolumeName;
import io.tapeflow.bacula.parse.KeyValueRecords;
import io.tapeflow.bacula.testing.BaculaFixture;
import io.tapeflow.bacula.testing.BaculaTestConsole;
import io.tapeflow.bacula.testing.EmulatorFixture;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tape's life as Bacula sees it, end to end on real parts: the tape gateway emulator (its library
 * on tgt, its drive files), a real Bacula 9.6 from infra/bin/bacula whose storage daemon moves
 * tapes through tapeflow's Changer Command, and tapeflow's own moves through the changer module,
 * all under one host-wide lock. The steps build on each other, in order; each asserts one
 * behaviour, including the pitfalls of the Bacula reference (§9, §6.3).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BaculaLibraryIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(500);

  @TempDir static Path dir;
  static EmulatorFixture emulator;
  static ChangerService service;
  static BaculaFixture bacula;
  static BaculaConsole console;
  static BaculaTestConsole testConsole;
  static MediumChanger changer;
  static SortedMap<String, String> tapes;
  static List<String> barcodes;
  static JobId backup;
  static String written;

  @BeforeAll
  static void start() {
    Path locks = dir.resolve("locks");
    emulator = EmulatorFixture.start(dir.resolve("emulator"), locks, 2, 12, 6);
    service = startService(dir.resolve("changer.sock"), locks);
    bacula =
        BaculaFixture.in(dir.resolve("bacula"))
            .option("--changer-device", emulator.changerUri())
            .option("--media", emulator.media().toString())
            .option("--drives", "2")
            .option("--lock-dir", locks.toString())
            .option("--changer-socket", dir.resolve("changer.sock").toString())
            .start();
    console = bacula.console();
    testConsole = bacula.testConsole();
    changer = Changers.open(ChangerUri.parse(emulator.changerUri()), locks);
    tapes = emulator.createTapes("TFL", 5);
    barcodes = new ArrayList<>(tapes.keySet());
    await(
        "the new tapes in import/export slots",
        () -> barcodes.stream().allMatch(b -> in(b, ElementType.IMPORT_EXPORT)));
  }

  private static ChangerService startService(Path socket, Path locks) {
    try {
      return new ChangerService(
              socket,
              StandardChangerOpener.INSTANCE,
              locks,
              new FileDriveReadiness(Duration.ofSeconds(60), Duration.ofMillis(10)))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {bacula, service, changer, emulator}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep stopping the others
      }
    }
  }

  private static boolean in(String barcode, ElementType type) {
    return changer.locate(barcode).map(e -> e.type() == type).orElse(false);
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Bacula's slot for a tape now: its storage slot, or its home slot while it is in a drive. */
  private static int slotOf(String barcode) {
    Inventory inv = changer.inventory();
    SlotMap map = SlotMap.of(inv);
    Element e =
        inv.locate(barcode).orElseThrow(() -> new AssertionError(barcode + " not in the library"));
    OptionalInt s = e.type() == ElementType.DRIVE ? map.homeSlot(e) : map.slotOf(e.address());
    return s.orElseThrow();
  }

  private static int emptyStorageSlot() {
    SlotMap map = SlotMap.of(changer.inventory());
    for (int i = 0; i < map.storage().size(); i++) {
      int slot = i + 1;
      boolean homeOfADriveTape =
          map.drives().stream().anyMatch(d -> map.homeSlot(d).orElse(-1) == slot);
      if (!map.storage().get(i).full() && !homeOfADriveTape) {
        return slot;
      }
    }
    throw new AssertionError("no empty storage slot");
  }

  private static VolumeLocation location(String volume) {
    return testConsole.volumeLocation(VolumeName.of(volume)).orElseThrow();
  }

  private static List<JobEndEvent> events() {
    return SpoolJobEventSink.read(Path.of(bacula.env("EVENT_SPOOL")));
  }

  private static void assertSameTree(Path expected, Path actual) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(expected)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Path restored = actual.resolve(expected.relativize(f).toString());
      assertThat(restored).exists();
      assertThat(Files.readAllBytes(restored)).as(f.toString()).isEqualTo(Files.readAllBytes(f));
    }
  }

  private static Path restoredCopy(RestorePath where) {
    Path data = Path.of(bacula.env("FILESET_DIR"));
    return Path.of(where.value() + data);
  }

  @Test
  @Order(1)
  void updateSlots_doesNotSeeTapesStillInImportExportSlots() {
    UpdateSlotsResult r = testConsole.updateSlots(bacula.storage(), 0, null);
    assertThat(r.changerSlots()).isEqualTo(18);
    assertThat(r.seen()).doesNotContainAnyElementsOf(barcodes);
  }

  @Test
  @Order(2)
  void tapesImportedFromImportExportSlots_areSeenByUpdateSlots() {
    for (String b : barcodes) {
      changer.ensureIn(b, ElementType.STORAGE);
    }
    UpdateSlotsResult r = testConsole.updateSlots(bacula.storage(), 0, null);
    for (String b : barcodes) {
      assertThat(r.notInCatalog()).containsEntry(slotOf(b), b);
    }
  }

  @Test
  @Order(3)
  void labelVolume_labelsOneTapeWithTheNameGiven() {
    String one = barcodes.get(barcodes.size() - 1);
    LabelResult r =
        console.labelVolume(bacula.storage(), bacula.pool(), VolumeName.of(one), slotOf(one), 1);
    assertThat(r.labelled()).containsExactly(Map.entry(one, slotOf(one)));
    assertThat(console.volume(VolumeName.of(one)).orElseThrow().inChanger()).isTrue();
  }

  @Test
  @Order(4)
  void labelBarcodes_labelsEachImportedTapeByItsBarcode_andLeavesLabelledOnesAlone() {
    String one = barcodes.get(barcodes.size() - 1);
    LabelResult r = console.labelBarcodes(bacula.storage(), bacula.pool(), 0, null);
    List<String> others = barcodes.stream().filter(b -> !b.equals(one)).toList();
    assertThat(r.labelled().keySet()).containsExactlyInAnyOrderElementsOf(others);
    assertThat(r.alreadyLabelled()).containsExactly(one);
    for (String b : barcodes) {
      if (!b.equals(one)) {
        assertThat(r.labelled()).containsEntry(b, slotOf(b));
      }
      assertThat(emulator.media().resolve(b)).as("the label is on the tape").isNotEmptyFile();
    }
  }

  @Test
  @Order(5)
  void listVolumes_showsEachTapeInTheChangerAtItsSlot() {
    List<Volume> v = testConsole.listVolumes(bacula.pool());
    assertThat(v).extracting(x -> x.name().value()).containsExactlyInAnyOrderElementsOf(barcodes);
    for (Volume x : v) {
      assertThat(x.inChanger()).as(x.name() + " InChanger").isTrue();
      assertThat(x.slot()).as(x.name() + " Slot").isEqualTo(slotOf(x.name().value()));
      assertThat(x.status()).isEqualTo(VolStatus.APPEND);
      assertThat(x.pool()).isEqualTo(bacula.pool().value());
    }
  }

  @Test
  @Order(6)
  void backup_writesToATapeOfTheLibrary_andHandsTheJobEndToTapeflow() {
    backup = testConsole.run(bacula.backupJob());
    JobRecord r = testConsole.finishJob(backup, bacula.storage(), 0, JOB_TIMEOUT, POLL);
    assertThat(r.status().successful()).as("backup " + r).isTrue();
    List<JobMedia> media = testConsole.jobMedia(backup);
    assertThat(media).isNotEmpty();
    written = media.get(0).volume().value();
    assertThat(barcodes).contains(written);
    assertThat(console.volume(VolumeName.of(written)).orElseThrow().bytes()).isGreaterThan(100_000);
    await("the job-end event", () -> events().stream().anyMatch(e -> e.job().equals(backup)));
    JobEndEvent e = events().stream().filter(x -> x.job().equals(backup)).findFirst().orElseThrow();
    assertThat(e.succeeded()).isTrue();
    assertThat(e.volumes()).extracting(VolumeName::value).contains(written);
  }

  @Test
  @Order(7)
  void restore_bringsBackTheSameBytes() throws IOException {
    RestorePath where = RestorePath.of(dir.resolve("restore-1").toString());
    RestoreRequirement rr =
        console.restoreSynced(backup, where, null, bacula.restoreJob(), bacula.storage(), 0);
    assertThat(rr.volumes()).containsEntry(written, true);
    JobRecord r = testConsole.finishJob(rr.job(), bacula.storage(), 0, JOB_TIMEOUT, POLL);
    assertThat(r.status().successful()).as("restore " + r).isTrue();
    assertSameTree(Path.of(bacula.env("FILESET_DIR")), restoredCopy(where));
  }

  @Test
  @Order(8)
  void volStatus_movesToArchive_thenReadOnly() {
    VolumeName v = VolumeName.of(written);
    console.updateVolume(v, VolumeUpdate.status(VolStatus.ARCHIVE));
    assertThat(console.volume(v).orElseThrow().status()).isEqualTo(VolStatus.ARCHIVE);
    console.updateVolume(v, VolumeUpdate.status(VolStatus.READ_ONLY));
    assertThat(console.volume(v).orElseThrow().status()).isEqualTo(VolStatus.READ_ONLY);
    assertThat(testConsole.listVolumes(bacula.pool()))
        .filteredOn(x -> x.name().equals(v))
        .singleElement()
        .satisfies(x -> assertThat(x.status()).isEqualTo(VolStatus.READ_ONLY));
  }

  @Test
  @Order(9)
  void statusSlotsAndStatusStorage_matchTheLibrary() {
    LibrarySlots s = console.statusSlots(bacula.storage(), 0);
    assertThat(s.drives()).hasSize(2);
    assertThat(s.slots()).hasSize(18);
    assertThat(s.slots().stream().filter(x -> x.importExport()).count()).isEqualTo(6);
    SlotMap map = SlotMap.of(changer.inventory());
    for (String b : barcodes) {
      // a tape in a drive is shown at its home slot too, as the Changer Command's list has it
      assertThat(s.slot(slotOf(b)).orElseThrow().volume()).as(b).isEqualTo(b);
      assertThat(s.slot(slotOf(b)).orElseThrow().status()).as(b).isNotNull();
    }
    for (Element d : map.drives()) {
      if (d.full()) {
        assertThat(s.driveOf(d.barcode())).as(d.barcode()).isPresent();
      }
    }
    List<DeviceStatus> d = console.storageStatus(bacula.storage());
    assertThat(d)
        .extracting(DeviceStatus::archiveDevice)
        .containsExactly(
            emulator.media().resolve("drive-0").toString(),
            emulator.media().resolve("drive-1").toString());
  }

  @Test
  @Order(10)
  void updateSlotsWithASlotRange_looksAtThatRangeOnly() {
    String b = barcodes.stream().filter(x -> in(x, ElementType.STORAGE)).findFirst().orElseThrow();
    UpdateSlotsResult r = testConsole.updateSlots(bacula.storage(), 0, SlotRange.single(slotOf(b)));
    assertThat(r.seen()).containsExactly(b);
  }

  @Test
  @Order(11)
  void mountOfAnEmptySlot_fails_thoughTheStorageDaemonSaysMounted() {
    int empty = emptyStorageSlot();
    assertThatThrownBy(() -> testConsole.mount(bacula.storage(), 1, empty))
        .isInstanceOf(BconsoleCommandException.class)
        .hasMessageContaining("3992")
        .hasMessageContaining("Empty");
    console.unmount(bacula.storage(), 1);
    String b = barcodes.stream().filter(x -> in(x, ElementType.STORAGE)).findFirst().orElseThrow();
    int slot = slotOf(b);
    assertThat(testConsole.mount(bacula.storage(), 1, slot)).anyMatch(l -> l.startsWith("3002"));
    assertThat(changer.locate(b).orElseThrow().address())
        .isEqualTo(SlotMap.of(changer.inventory()).drive(1).address());
    testConsole.release(bacula.storage(), 1, slot);
    assertThat(slotOf(b)).isEqualTo(slot);
    assertThat(in(b, ElementType.STORAGE)).isTrue();
  }

  @Test
  @Order(12)
  void aStaleCatalogSlot_makesAPlainRestoreFailFatally_andTheFailureStillReachesTapeflow()
      throws IOException {
    // the written tape moves behind Bacula's back
    Element now = changer.locate(written).orElseThrow();
    int target = emptyStorageSlot();
    int targetAddress = SlotMap.of(changer.inventory()).slot(target).address();
    changer.ensureAt(written, now.address(), targetAddress);
    assertThat(location(written).slot()).isNotEqualTo(target);
    RestoreRequirement rr =
        testConsole.restore(
            backup,
            RestorePath.of(dir.resolve("restore-stale").toString()),
            null,
            bacula.restoreJob());
    JobRecord r = testConsole.awaitJob(rr.job(), JOB_TIMEOUT, POLL);
    assertThat(r.status().successful()).as("a restore from a stale slot " + r).isFalse();
    await(
        "the failed job's event", () -> events().stream().anyMatch(e -> e.job().equals(rr.job())));
    assertThat(
            events().stream()
                .filter(e -> e.job().equals(rr.job()))
                .findFirst()
                .orElseThrow()
                .succeeded())
        .isFalse();
  }

  @Test
  @Order(13)
  void restoreSynced_updatesSlotsFirst_soTheSameRestoreSucceeds() throws IOException {
    RestorePath where = RestorePath.of(dir.resolve("restore-synced").toString());
    RestoreRequirement rr =
        console.restoreSynced(backup, where, null, bacula.restoreJob(), bacula.storage(), 0);
    assertThat(location(written).slot()).isEqualTo(slotOf(written));
    JobRecord r = testConsole.finishJob(rr.job(), bacula.storage(), 0, JOB_TIMEOUT, POLL);
    assertThat(r.status().successful()).as("restore " + r).isTrue();
    assertSameTree(Path.of(bacula.env("FILESET_DIR")), restoredCopy(where));
  }

  @Test
  @Order(14)
  void anExportedTape_isReportedAsTakenOutOfTheChanger_thoughUpdateSlotsSaysNothing() {
    String spare =
        barcodes.stream()
            .filter(b -> !b.equals(written))
            .filter(b -> in(b, ElementType.STORAGE))
            .findFirst()
            .orElseThrow();
    changer.ensureIn(spare, ElementType.IMPORT_EXPORT);
    SlotSync s = console.syncSlots(bacula.storage(), 0);
    assertThat(s.removedFromChanger()).containsKey(spare);
    assertThat(s.report().seen()).doesNotContain(spare);
    VolumeLocation l = location(spare);
    assertThat(l.inChanger()).isFalse();
    assertThat(l.slot()).isZero();
  }

  @Test
  @Order(15)
  void aRestoreThatWaitedForAMount_leavesTheCatalogRight_onceFinishJobHasRun() throws IOException {
    String arn = tapes.get(written);
    // export: the gateway archives the tape to the shelf
    Element now = changer.locate(written).orElseThrow();
    if (now.type() == ElementType.DRIVE) {
      changer.ensureIn(written, ElementType.STORAGE);
    }
    changer.ensureIn(written, ElementType.IMPORT_EXPORT);
    await("the tape archived", () -> "ARCHIVED".equals(emulator.status(arn)));
    console.syncSlots(bacula.storage(), 0);
    assertThat(location(written).inChanger()).isFalse();
    // a restore that needs it now waits for a mount
    RestorePath where = RestorePath.of(dir.resolve("restore-offline").toString());
    RestoreRequirement rr = testConsole.restore(backup, where, null, bacula.restoreJob());
    assertThat(rr.volumes()).containsEntry(written, false);
    await(
        "the job waiting for a mount",
        () -> console.storageStatus(bacula.storage()).stream().anyMatch(DeviceStatus::blocked));
    DeviceStatus waiting =
        console.storageStatus(bacula.storage()).stream()
            .filter(DeviceStatus::blocked)
            .findFirst()
            .orElseThrow();
    int drive = Integer.parseInt(waiting.name().substring("Drive-".length()));
    // retrieval brings it back into an import/export slot; tapeflow imports it
    emulator.sgw().retrieveTapeArchive(r -> r.gatewayARN(emulator.gatewayArn()).tapeARN(arn));
    await("the tape retrieved", () -> in(written, ElementType.IMPORT_EXPORT));
    changer.ensureIn(written, ElementType.STORAGE);
    testConsole.updateSlots(bacula.storage(), 0, null);
    List<String> answer = testConsole.mount(bacula.storage(), drive, slotOf(written));
    assertThat(answer).isNotEmpty();
    JobRecord r = testConsole.awaitJob(rr.job(), JOB_TIMEOUT, POLL);
    assertThat(r.status().successful()).as("restore " + r).isTrue();
    VolumeLocation stale = location(written);
    console.syncSlots(bacula.storage(), 0);
    VolumeLocation fixed = location(written);
    assertThat(fixed.inChanger()).as("after the sync (was " + stale + ")").isTrue();
    assertThat(fixed.slot()).isEqualTo(slotOf(written));
    assertSameTree(Path.of(bacula.env("FILESET_DIR")), restoredCopy(where));
  }

  @Test
  @Order(16)
  void purgeAndDelete_areRefusedUnlessTheCatalogShowsTheVolumeEligible() {
    VolumeName w = VolumeName.of(written);
    assertThatThrownBy(() -> testConsole.purgeVolume(w, VolumeEligibility.stated(w, "test")))
        .isInstanceOf(VolumeNotEligibleException.class)
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> console.deleteVolume(w, VolumeEligibility.stated(w, "test")))
        .isInstanceOf(VolumeNotEligibleException.class)
        .hasMessageContaining("not Purged");
    String unwritten =
        barcodes.stream()
            .filter(b -> !b.equals(written))
            .filter(b -> in(b, ElementType.STORAGE))
            .findFirst()
            .orElseThrow();
    VolumeName u = VolumeName.of(unwritten);
    assertThatThrownBy(() -> testConsole.purgeVolume(u, VolumeEligibility.stated(u, "test")))
        .isInstanceOf(VolumeNotEligibleException.class)
        .hasMessageContaining("Append");
    console.updateVolume(u, VolumeUpdate.status(VolStatus.USED));
    testConsole.purgeVolume(u, VolumeEligibility.stated(u, "never written; policy test"));
    assertThat(console.volume(u).orElseThrow().status()).isEqualTo(VolStatus.PURGED);
    console.deleteVolume(u, VolumeEligibility.stated(u, "never written; policy test"));
    assertThat(console.volume(u)).isEmpty();
    assertThat(console.volume(w)).isPresent();
  }

  @Test
  @Order(17)
  void theStorageDaemonsStatusRecords_parseDespiteItsStrayNonAsciiBytes() {
    BconsoleCommand c =
        BconsoleCommand.builder(".status")
            .keyword("storage", bacula.storage())
            .word("terminated")
            .mode(".api 2 api_opts=o")
            .build();
    List<Map<String, String>> records =
        KeyValueRecords.parseEquals(bacula.client(Duration.ofSeconds(60)).execute(c).lines());
    assertThat(records).anySatisfy(r -> assertThat(r).containsEntry("jobid", backup.toString()));
  }
}
