package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway does by itself, on a timer: reads the library's element status (tgt raises no
 * unit attention, so moves are found by polling), starts an archive when a tape is moved into an
 * I/E element from inside the library, and advances every timed phase whose time has come (CREATING
 * → AVAILABLE in a free I/E element, IN TRANSIT TO VTS → ARCHIVING → ARCHIVED, RETRIEVING →
 * RETRIEVED in a free I/E element). Copies to and from the shelf run on their own thread so the API
 * never waits for them. It keeps {@code drive-<k>} links current on every tick.
 */
public final class LifecycleEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngine.class);

  private final Gateway g;
  private final ScheduledExecutorService timer;
  private final ShelfCopies copies;
  private final Set<String> warned = new HashSet<>();
  private ScheduledFuture<?> ticking;

  /** An engine for {@code gateway}; {@link #start()} begins the polling. */
  public LifecycleEngine(Gateway gateway) {
    this.g = gateway;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "gateway-emulator-lifecycle"));
    this.copies = new ShelfCopies(gateway);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Runs one tick now, then one every poll interval. */
  public synchronized void start() {
    tick();
    long every = g.settings.pollInterval().toMillis();
    ticking = timer.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.MILLISECONDS);
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      warnOnce("tick:" + e.getMessage(), "lifecycle tick failed: {}", e.toString());
    }
  }

  /** One round: observe the library, advance what is due, save, refresh the drive links. */
  public void tick() {
    g.<Void>locked(
        () -> {
          Inventory inventory = g.library.inventory();
          Instant now = g.clock.instant();
          boolean changed = observe(inventory, now);
          changed |= advance(inventory, now);
          if (changed) {
            // Read back what the gateway itself just changed, so the source each element shows
            // now is known: a later move out and back into the same element then shows.
            inventory = g.library.inventory();
            adoptSources(inventory);
            g.save();
          }
          linkDrives(inventory);
          return null;
        });
  }

  private void adoptSources(Inventory inventory) {
    for (TapeRecord t : g.state.tapes.values()) {
      if (t.inLibrary() && !t.sourceSeen) {
        inventory
            .locate(t.barcode)
            .filter(e -> e.type() == t.elementType && e.address() == t.elementAddress)
            .ifPresent(
                e -> {
                  t.elementSource = e.source();
                  t.sourceSeen = true;
                });
      }
    }
  }

  private boolean observe(Inventory inventory, Instant now) {
    Map<String, Element> where = new HashMap<>();
    for (Element e : inventory.elements()) {
      if (e.full() && e.barcode() != null) {
        where.putIfAbsent(e.barcode(), e);
      }
    }
    boolean changed = false;
    for (TapeRecord t : new ArrayList<>(g.state.tapes.values())) {
      if (!t.inLibrary()) {
        continue;
      }
      Element e = where.get(t.barcode);
      if (e == null) {
        warnOnce(
            "missing:" + t.barcode,
            "tape {} is not in the library any more (last seen at element {}); someone changed"
                + " the library behind the gateway's back",
            t.barcode,
            t.elementAddress);
        continue;
      }
      boolean sameElement = t.elementType == e.type() && t.elementAddress == e.address();
      if (sameElement && !t.sourceSeen) {
        t.elementSource = e.source();
        t.sourceSeen = true;
        changed = true;
        continue;
      }
      if (sameElement && Objects.equals(t.elementSource, e.source())) {
        continue;
      }
      // The tape moved (a different element, or the same one refilled from elsewhere).
      ElementType before = t.elementType;
      t.at(e.type(), e.address(), e.source());
      t.sourceSeen = true;
      changed = true;
      LOG.debug("tape {} moved from {} to {} {}", t.barcode, before, e.type(), e.address());
      if (e.type() == ElementType.IMPORT_EXPORT) {
        exported(t, now);
      }
    }
    return changed;
  }

  /** A tape was moved into an I/E element from inside the library. */
  private void exported(TapeRecord t, Instant now) {
    if (t.phase == Phase.AVAILABLE) {
      t.usedBytes = g.media.size(t.barcode);
      t.uploaded = false;
      t.enter(Phase.IN_TRANSIT, now, g.settings.inTransit());
      LOG.info("tape {} exported: IN TRANSIT TO VTS", t.barcode);
    } else if (t.phase == Phase.RETRIEVED) {
      // Its data is still on the shelf: back to ARCHIVED without another upload.
      leaveLibrary(t);
      t.retrievedTo = null;
      t.enter(Phase.ARCHIVED, now, null);
      LOG.info("retrieved tape {} exported: ARCHIVED again", t.barcode);
    }
  }

  private boolean advance(Inventory inventory, Instant now) {
    boolean changed = false;
    Set<Integer> filled = new HashSet<>();
    for (TapeRecord t : new ArrayList<>(g.state.tapes.values())) {
      changed |=
          switch (t.phase) {
            case CREATING -> t.due(now) && place(t, inventory, filled, now);
            case IN_TRANSIT -> inTransit(t, now);
            case ARCHIVING -> t.due(now) && archived(t, now);
            case RETRIEVING -> t.due(now) && retrieved(t, inventory, filled, now);
            case AVAILABLE, ARCHIVED, RETRIEVED -> false;
          };
    }
    return changed;
  }

  /** CREATING is over: the new tape goes into a free I/E element. */
  private boolean place(TapeRecord t, Inventory inventory, Set<Integer> filled, Instant now) {
    Optional<Integer> ie = freeIe(inventory, filled);
    if (ie.isEmpty()) {
      warnOnce("full:" + t.barcode, "no free I/E element for new tape {}", t.barcode);
      return false;
    }
    g.dropLocalImage(t.barcode);
    g.media.create(t.barcode);
    g.library.place(t.barcode, ie.get());
    filled.add(ie.get());
    t.at(ElementType.IMPORT_EXPORT, ie.get(), null);
    t.enter(Phase.AVAILABLE, now, null);
    LOG.info("tape {} AVAILABLE in I/E element {}", t.barcode, ie.get());
    return true;
  }

  /** IN TRANSIT TO VTS lasts until both its time is over and the upload is done. */
  private boolean inTransit(TapeRecord t, Instant now) {
    if (!t.uploaded) {
      copies.upload(t.barcode, now);
      return false;
    }
    if (!t.due(now)) {
      return false;
    }
    t.enter(Phase.ARCHIVING, now, g.settings.archiving());
    LOG.info("tape {} ARCHIVING", t.barcode);
    return true;
  }

  /** ARCHIVING is over: the tape leaves the library (once it is out of any drive). */
  private boolean archived(TapeRecord t, Instant now) {
    if (t.elementType == ElementType.DRIVE) {
      return false;
    }
    leaveLibrary(t);
    t.shelved = true;
    t.completionTime = now;
    if (Pools.locked(g.state, t.poolId)) {
      t.retentionStartDate = now;
    }
    t.enter(Phase.ARCHIVED, now, null);
    LOG.info("tape {} ARCHIVED", t.barcode);
    return true;
  }

  /** RETRIEVING is over: once its data is fetched, the tape goes into a free I/E element. */
  private boolean retrieved(TapeRecord t, Inventory inventory, Set<Integer> filled, Instant now) {
    if (!copies.staged(t.barcode, now)) {
      return false;
    }
    Optional<Integer> ie = freeIe(inventory, filled);
    if (ie.isEmpty()) {
      warnOnce("full:" + t.barcode, "no free I/E element for retrieved tape {}", t.barcode);
      return false;
    }
    copies.placeRetrieved(t, ie.get());
    filled.add(ie.get());
    t.enter(Phase.RETRIEVED, now, null);
    LOG.info("tape {} RETRIEVED into I/E element {}", t.barcode, ie.get());
    return true;
  }

  private Optional<Integer> freeIe(Inventory inventory, Set<Integer> filled) {
    return inventory.ofType(ElementType.IMPORT_EXPORT).stream()
        .filter(e -> !e.full() && !filled.contains(e.address()))
        .map(Element::address)
        .findFirst();
  }

  /** Empties the tape's element (storage or I/E) and drops its local data. */
  void leaveLibrary(TapeRecord t) {
    if (t.inLibrary()
        && (t.elementType == ElementType.STORAGE || t.elementType == ElementType.IMPORT_EXPORT)) {
      g.library.clear(t.elementAddress);
    }
    t.leaveLibrary();
    g.dropLocalData(t.barcode);
  }

  /** Forgets a staged download (the retrieval was cancelled). */
  void unstage(String barcode) {
    copies.unstage(barcode);
  }

  private void linkDrives(Inventory inventory) {
    List<Integer> drives = g.library.layout().driveAddresses();
    List<Optional<String>> byDrive = new ArrayList<>();
    for (int address : drives) {
      byDrive.add(inventory.at(address).filter(Element::full).flatMap(Element::barcodeIfAny));
    }
    g.media.linkDrives(byDrive);
  }

  private void warnOnce(String key, String format, Object... args) {
    synchronized (warned) {
      if (!warned.add(key)) {
        return;
      }
    }
    LOG.warn(format, args);
  }

  @Override
  public synchronized void close() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    copies.close();
  }
}
