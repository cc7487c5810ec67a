package io.tapeflow.infra.emulator.library;

import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake library in memory, for unit tests of the gateway's logic only: it keeps element contents
 * and the source of each move, as tgt does, with the same address map. Integration tests use the
 * real tgt library.
 */
public final class InMemoryFakeLibrary implements LibrarySide {
  private final LibraryLayout layout;
  private final TreeMap<Integer, Slot> elements = new TreeMap<>();
  private boolean closed;

  private record Slot(ElementType type, String barcode, Integer source) {}

  private InMemoryFakeLibrary(LibrarySpec spec) {
    List<Integer> drives = new ArrayList<>();
    List<String> iqns = new ArrayList<>();
    elements.put(LibrarySpec.TRANSPORT, new Slot(ElementType.TRANSPORT, null, null));
    for (int i = 0; i < spec.drives(); i++) {
      drives.add(LibrarySpec.DRIVES_FIRST + i);
      iqns.add(String.format("iqn.2026-01.io.tapeflow.fake:tapedrive-%02d", i + 1));
      elements.put(LibrarySpec.DRIVES_FIRST + i, new Slot(ElementType.DRIVE, null, null));
    }
    for (int i = 0; i < spec.slots(); i++) {
      elements.put(LibrarySpec.STORAGE_FIRST + i, new Slot(ElementType.STORAGE, null, null));
    }
    for (int i = 0; i < spec.ieSlots(); i++) {
      elements.put(LibrarySpec.IE_FIRST + i, new Slot(ElementType.IMPORT_EXPORT, null, null));
    }
    spec.cartridges().forEach((address, barcode) -> place(barcode, address));
    this.layout =
        new LibraryLayout(
            LibrarySpec.TRANSPORT,
            drives,
            LibrarySpec.STORAGE_FIRST,
            spec.slots(),
            LibrarySpec.IE_FIRST,
            spec.ieSlots(),
            "127.0.0.1",
            3260,
            "iqn.2026-01.io.tapeflow.fake:mediachanger",
            1,
            iqns,
            "fake://in-memory");
  }

  /** Starts a fake library from a spec (a {@link LibrarySpec.Starter}). */
  public static InMemoryFakeLibrary start(LibrarySpec spec) {
    return new InMemoryFakeLibrary(spec);
  }

  @Override
  public LibraryLayout layout() {
    return layout;
  }

  @Override
  public synchronized Inventory inventory() {
    List<Element> list = new ArrayList<>();
    elements.forEach(
        (a, s) -> list.add(new Element(s.type(), a, s.barcode() != null, s.barcode(), s.source())));
    return new Inventory(list);
  }

  @Override
  public synchronized void place(String barcode, int address) {
    Slot s = require(address);
    if (s.type() != ElementType.STORAGE && s.type() != ElementType.IMPORT_EXPORT) {
      throw new IllegalArgumentException("element " + address + " is not a slot");
    }
    if (s.barcode() != null) {
      throw new IllegalStateException("element " + address + " is full");
    }
    elements.put(address, new Slot(s.type(), barcode, null));
  }

  @Override
  public synchronized void clear(int address) {
    Slot s = require(address);
    elements.put(address, new Slot(s.type(), null, null));
  }

  @Override
  public synchronized void move(int from, int to) {
    Slot a = require(from);
    Slot b = require(to);
    if (a.barcode() == null) {
      throw new IllegalStateException("element " + from + " is empty");
    }
    if (b.barcode() != null) {
      throw new IllegalStateException("element " + to + " is full");
    }
    elements.put(from, new Slot(a.type(), null, null));
    elements.put(to, new Slot(b.type(), a.barcode(), from));
  }

  @Override
  public Optional<Path> imageOf(String barcode) {
    return Optional.empty();
  }

  /** Whether {@link #close()} ran. */
  public synchronized boolean closed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private Slot require(int address) {
    Slot s = elements.get(address);
    if (s == null) {
      throw new IllegalArgumentException("no element " + address);
    }
    return s;
  }
}
