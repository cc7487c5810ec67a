package io.tapeflow.bacula.changer;

import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mtx-changer protocol over a {@link MediumChanger}: what tapeflow answers when Bacula's
 * storage daemon runs its Changer Command. Moves go through the changer's idempotent {@code
 * ensureAt}, which reads the position under the host-wide changer lock right before moving, so the
 * storage daemon and tapeflow's own moves never interleave. After a {@code load} it waits until the
 * drive is ready ({@link DriveReadiness}).
 *
 * <p>Exit codes: 0 success, 1 failure with a one-line reason on stdout. {@code loaded} of a drive
 * already holding the wanted cartridge, {@code load} of a cartridge already in that drive and
 * {@code unload} of an empty drive succeed without moving anything.
 */
public final class ChangerCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ChangerCommand.class);

  private final MediumChanger changer;
  private final DriveReadiness readiness;

  public ChangerCommand(MediumChanger changer, DriveReadiness readiness) {
    this.changer = changer;
    this.readiness = readiness;
  }

  /** Carries out one call; never throws. */
  public ChangerReply execute(ChangerRequest request) {
    try {
      return switch (request.operation()) {
        case SLOTS -> ChangerReply.ok(ChangerListings.slots(changer.inventory()));
        case LIST -> ChangerReply.ok(ChangerListings.list(changer.inventory()));
        case LISTALL -> ChangerReply.ok(ChangerListings.listAll(changer.inventory()));
        case LOADED ->
            ChangerReply.ok(ChangerListings.loaded(changer.inventory(), request.drive()));
        case LOAD -> load(request);
        case UNLOAD -> unload(request);
        case TRANSFER -> transfer(request);
      };
    } catch (ChangerProtocolException | ChangerException e) {
      LOG.info("changer {} failed: {}", request.toArgs(), e.getMessage());
      return ChangerReply.failed(e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("changer {} failed", request.toArgs(), e);
      return ChangerReply.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private ChangerReply load(ChangerRequest r) {
    Inventory inv = changer.inventory();
    SlotMap map = SlotMap.of(inv);
    Element slot = map.slot(r.slot());
    Element drive = map.drive(r.drive());
    if (drive.full()) {
      OptionalInt home = map.homeSlot(drive);
      boolean same =
          drive.sourceIfAny().map(s -> s == slot.address()).orElse(false)
              || (!slot.full() && home.isPresent() && home.getAsInt() == r.slot());
      if (!same) {
        throw new ChangerProtocolException(
            "Drive "
                + r.drive()
                + " Full (Storage Element "
                + (home.isPresent() ? home.getAsInt() : 0)
                + " loaded, "
                + drive.barcodeIfAny().orElse("no barcode")
                + "); unload it first");
      }
      readiness.awaitLoaded(r.archiveDevice(), drive.barcode());
      return ChangerReply.ok("");
    }
    if (!slot.full()) {
      throw new ChangerProtocolException(
          "source Element Address "
              + r.slot()
              + " is Empty; run update slots to refresh the catalog");
    }
    move(slot, drive);
    readiness.awaitLoaded(r.archiveDevice(), slot.barcode());
    return ChangerReply.ok("");
  }

  private ChangerReply unload(ChangerRequest r) {
    Inventory inv = changer.inventory();
    SlotMap map = SlotMap.of(inv);
    Element drive = map.drive(r.drive());
    if (!drive.full()) {
      return ChangerReply.ok("");
    }
    int target = r.slot() >= 1 && r.slot() <= map.slotCount() ? r.slot() : 0;
    if (target == 0) {
      OptionalInt home = map.homeSlot(drive);
      if (home.isEmpty()) {
        throw new ChangerProtocolException(
            "cannot unload drive " + r.drive() + ": no slot given and no empty storage slot");
      }
      target = home.getAsInt();
    }
    Element slot = map.slot(target);
    if (slot.full()) {
      throw new ChangerProtocolException(
          "cannot unload drive "
              + r.drive()
              + " ("
              + drive.barcodeIfAny().orElse("no barcode")
              + ") to slot "
              + target
              + ": it holds "
              + slot.barcodeIfAny().orElse("a cartridge")
              + "; run update slots, then retry");
    }
    move(drive, slot);
    return ChangerReply.ok("");
  }

  private ChangerReply transfer(ChangerRequest r) {
    SlotMap map = SlotMap.of(changer.inventory());
    Element from = map.slot(r.slot());
    Element to = map.slot(r.destinationSlot());
    if (!from.full()) {
      throw new ChangerProtocolException("source Element Address " + r.slot() + " is Empty");
    }
    if (to.full()) {
      throw new ChangerProtocolException(
          "destination Element Address " + r.destinationSlot() + " is Full");
    }
    move(from, to);
    return ChangerReply.ok("");
  }

  /**
   * Moves through ensureAt when the cartridge has a barcode: re-read and checked under the lock.
   */
  private void move(Element from, Element to) {
    if (from.barcode() != null) {
      changer.ensureAt(from.barcode(), from.address(), to.address());
    } else {
      changer.move(from.address(), to.address());
    }
  }
}
