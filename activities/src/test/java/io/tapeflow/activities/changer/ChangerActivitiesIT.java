package io.tapeflow.activities.changer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.activities.testing.Checks;
import io.tapeflow.activities.testing.EmulatedGateway;
import io.tapeflow.changer.AbstractMediumChanger;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementAddress;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.iscsi.IscsiEndpoint;
import io.tapeflow.changer.iscsi.IscsiTransport;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.smc.SmcCommands;
import io.tapeflow.infra.emulator.library.LibraryLayout;
import io.tapeflow.workflows.changer.ChangerActivities;
import io.tapeflow.workflows.changer.LocateRequest;
import io.tapeflow.workflows.changer.MoveRequest;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.lifecycle.Location;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestActivityExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ChangerActivitiesImpl} moving tapes in the emulator's library, a real tgt changer. */
class ChangerActivitiesIT {
  @TempDir static Path dir;
  static EmulatedGateway gw;
  static MediumChanger changer;
  static MediumChanger other;

  @RegisterExtension
  final TestActivityExtension env =
      TestActivityExtension.newBuilder()
          .setActivityImplementations(
              new ChangerActivitiesImpl(new Libraries(Map.of("lib1", changer))))
          .build();

  @BeforeAll
  static void start() {
    gw = EmulatedGateway.start(dir, c -> c);
    changer = gw.openChanger();
    other = gw.openChanger();
  }

  @AfterAll
  static void stop() {
    other.close();
    changer.close();
    gw.close();
  }

  private static void newTape(String barcode) {
    gw.sgw()
        .createTapeWithBarcode(
            b -> b.gatewayARN(gw.gatewayArn()).tapeBarcode(barcode).tapeSizeInBytes(100L << 30));
    Checks.await(() -> changer.locate(barcode).isPresent());
  }

  private static MoveRequest move(String barcode, Location expected) {
    return new MoveRequest("lib1", Barcode.of(barcode), expected, "req-" + barcode);
  }

  @Test
  void importToSlot_movesFromTheIeSlot_andARetryLeavesItThere(ChangerActivities a) {
    newTape("TFCH0001");
    Location slot = a.importToSlot(move("TFCH0001", Location.ieSlot(-1)));
    assertThat(slot.kind()).isEqualTo(Location.Kind.SLOT);
    assertThat(a.importToSlot(move("TFCH0001", Location.ieSlot(-1)))).isEqualTo(slot);
    assertThat(a.locate(new LocateRequest("lib1", Barcode.of("TFCH0001")))).isEqualTo(slot);
  }

  @Test
  void exportToIe_sendsTheTapeToTheShelf_andAfterwardsARetryTrustsItsHeartbeat(
      ChangerActivities a, TestActivityEnvironment testEnv) {
    newTape("TFCH0002");
    a.importToSlot(move("TFCH0002", Location.ieSlot(-1)));
    Location ie = a.exportToIe(move("TFCH0002", Location.slot(-1)));
    assertThat(ie.kind()).isEqualTo(Location.Kind.IE_SLOT);
    Checks.await(() -> changer.locate("TFCH0002").isEmpty());

    ApplicationFailure lost = Checks.failure(() -> a.exportToIe(move("TFCH0002", ie)));
    assertThat(lost.getType()).isEqualTo(Failures.TAPE_NOT_FOUND);
    testEnv.setHeartbeatDetails(ChangerHeartbeat.placed(ie.address()));
    assertThat(a.exportToIe(move("TFCH0002", ie))).as("the earlier attempt's move").isEqualTo(ie);
  }

  @Test
  void exportToIe_ofATapeADriveHolds_failsWithTapeInDrive_namingTheDrive(ChangerActivities a) {
    newTape("TFCH0003");
    a.importToSlot(move("TFCH0003", Location.ieSlot(-1)));
    LibraryLayout l = gw.emulator().layout();
    int drive0 = l.driveAddresses().get(0);
    other.ensureAt("TFCH0003", ElementAddress.drive(drive0));
    try (IscsiTransport drive =
        IscsiTransport.open(
            new IscsiEndpoint(
                l.portalHost(), l.portalPort(), l.driveIqns().get(0), 1, null, null))) {
      drive.execute(
          ScsiCommand.noData(SmcCommands.preventAllowMediumRemoval(true), Duration.ofSeconds(30)));
      ApplicationFailure held =
          Checks.failure(() -> a.exportToIe(move("TFCH0003", Location.drive(drive0))));
      assertThat(held.getType()).isEqualTo(Failures.TAPE_IN_DRIVE);
      assertThat(held.getDetails().get(0, Integer.class)).isEqualTo(0);
      assertThat(held.getOriginalMessage()).contains("drive 0").contains("Bacula must release");
      drive.execute(
          ScsiCommand.noData(SmcCommands.preventAllowMediumRemoval(false), Duration.ofSeconds(30)));
    }
    assertThat(a.exportToIe(move("TFCH0003", Location.drive(drive0))).kind())
        .isEqualTo(Location.Kind.IE_SLOT);
  }

  @Test
  void importToSlot_ofATapeSomeoneLoaded_failsNamingWhereItIs(ChangerActivities a) {
    newTape("TFCH0004");
    other.ensureIn("TFCH0004", ElementType.STORAGE);
    int drive1 = gw.emulator().layout().driveAddresses().get(1);
    other.ensureAt("TFCH0004", ElementAddress.drive(drive1));
    assertThat(a.locate(new LocateRequest("lib1", Barcode.of("TFCH0004"))))
        .as("a drive, by its element address")
        .isEqualTo(Location.drive(drive1));
    ApplicationFailure f =
        Checks.failure(() -> a.importToSlot(move("TFCH0004", Location.ieSlot(-1))));
    assertThat(f.getType()).isEqualTo(Failures.TAPE_MISPLACED);
    assertThat(f.getOriginalMessage()).contains("TFCH0004 is in drive");
    assertThat(a.unload(move("TFCH0004", Location.drive(drive1))).kind())
        .isEqualTo(Location.Kind.SLOT);
  }

  @Test
  void layout_isTheChangersElementAddresses_inBaculasNumbering(ChangerActivities a) {
    LibraryLayout emulated = gw.emulator().layout();
    io.tapeflow.workflows.lifecycle.LibraryLayout layout = a.layout("lib1");

    assertThat(layout.slot(1)).isEqualTo(Location.slot(emulated.storageFirst()));
    assertThat(layout.slot(emulated.storageCount() + 1))
        .as("Bacula numbers I/E slots after the storage slots")
        .isEqualTo(Location.ieSlot(emulated.ieFirst()));
    assertThat(layout.driveCount()).isEqualTo(emulated.driveAddresses().size());
    assertThat(layout.drive(1)).isEqualTo(Location.drive(emulated.driveAddresses().get(1)));
    assertThat(Checks.failure(() -> a.layout("lib2")).getType()).isEqualTo(Failures.INVALID_INPUT);
  }

  @Test
  void unknownTape_andUnservedLibrary_areRefused(ChangerActivities a) {
    assertThat(
            Checks.failure(() -> a.importToSlot(move("TFCH9999", Location.ieSlot(-1)))).getType())
        .isEqualTo(Failures.TAPE_NOT_FOUND);
    ApplicationFailure f =
        Checks.failure(
            () -> a.importToSlot(new MoveRequest("lib2", Barcode.of("TFCH0001"), null, "r")));
    assertThat(f.getType()).isEqualTo(Failures.INVALID_INPUT);
    assertThat(f.getOriginalMessage()).contains("changer/lib2");
    assertThat(a.locate(new LocateRequest("lib1", Barcode.of("TFCH9999"))))
        .isEqualTo(Location.none());
  }

  @Test
  void importToSlot_onAChangerOfAnotherClass_decidesUnderThatChangersLock() {
    newTape("TFCH0005");
    LockWatchingChanger watching = new LockWatchingChanger(other);
    TestActivityEnvironment own = TestActivityEnvironment.newInstance();
    try {
      own.registerActivitiesImplementations(
          new ChangerActivitiesImpl(new Libraries(Map.of("lib1", watching))));
      ChangerActivities a =
          own.newActivityStub(
              ChangerActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      assertThat(a.importToSlot(move("TFCH0005", Location.ieSlot(-1))).kind())
          .isEqualTo(Location.Kind.SLOT);
    } finally {
      own.close();
    }
    assertThat(watching.reads).as("reads the activity decided on").isNotEmpty();
    assertThat(watching.unlockedReads).as("reads made without the changer lock").isEmpty();
  }

  /**
   * A {@link MediumChanger} of its own class (not an {@link AbstractMediumChanger}) that forwards
   * every call to a real changer and notes which reads ran without that changer's lock.
   */
  static final class LockWatchingChanger implements MediumChanger {
    private final MediumChanger real;
    final List<String> reads = new ArrayList<>();
    final List<String> unlockedReads = new ArrayList<>();

    LockWatchingChanger(MediumChanger real) {
      this.real = real;
    }

    private synchronized void read(String what) {
      reads.add(what);
      if (!((AbstractMediumChanger) real).lock().heldByCurrentThread()) {
        unlockedReads.add(what);
      }
    }

    @Override
    public Inventory inventory() {
      read("inventory");
      return real.inventory();
    }

    @Override
    public void move(int from, int to) {
      real.move(from, to);
    }

    @Override
    public void move(ElementAddress from, ElementAddress to) {
      real.move(from, to);
    }

    @Override
    public Optional<Element> locate(String barcode) {
      read("locate " + barcode);
      return real.locate(barcode);
    }

    @Override
    public MoveOutcome ensureAt(String barcode, int destination) {
      return real.ensureAt(barcode, destination);
    }

    @Override
    public MoveOutcome ensureAt(String barcode, ElementAddress destination) {
      return real.ensureAt(barcode, destination);
    }

    @Override
    public MoveOutcome ensureAt(String barcode, int expectedSource, int destination) {
      return real.ensureAt(barcode, expectedSource, destination);
    }

    @Override
    public Placement ensureIn(String barcode, ElementType type) {
      return real.ensureIn(barcode, type);
    }

    @Override
    public void initializeElementStatus() {
      real.initializeElementStatus();
    }

    @Override
    public <T> T withLock(String what, Duration timeout, Supplier<T> action) {
      return real.withLock(what, timeout, action);
    }

    @Override
    public String describe() {
      return "watching " + real.describe();
    }

    @Override
    public void close() {}
  }
}
