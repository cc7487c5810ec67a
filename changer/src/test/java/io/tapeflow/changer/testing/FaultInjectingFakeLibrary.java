package io.tapeflow.changer.testing;

import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.testing.ElementStatusBytes.Desc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A fake SMC changer behind {@link ScsiTransport}, for unit tests of what tgt cannot do on demand:
 * unit attentions, NOT READY, BUSY, garbage, reports cut at chosen places, libraries whose layout
 * changes under a session. It answers INQUIRY, VPD 80h, MODE SENSE page 1Dh, READ ELEMENT STATUS
 * (per type, with tgt's quirks by default: the count is ignored and the report is 8 bytes short),
 * MOVE MEDIUM (tgt's sense for empty source, full destination, unknown address) and INITIALIZE
 * ELEMENT STATUS. Faults are injected per command and consumed in order. Integration tests use the
 * real tgt instead.
 */
public final class FaultInjectingFakeLibrary implements ScsiTransport {

  /** One element's state. */
  private static final class Slot {
    final ElementType type;
    String barcode;
    boolean full;
    Integer source;

    Slot(ElementType type) {
      this.type = type;
    }
  }

  private final Map<Integer, Slot> elements = new TreeMap<>();
  private final Deque<Injection> injections = new ArrayDeque<>();
  private final List<ScsiCommand> commands = new ArrayList<>();
  private int deviceType = 0x08;
  private String serial = "SGW00000";
  private int shortBy = 8;
  private boolean ignoresCount = true;
  private boolean closed;

  private record Injection(Predicate<ScsiCommand> matches, ScsiResponse response) {}

  /**
   * A library laid out like the AWS gateway on tgt: transport 1, drives from 10000, storage from
   * 20000, I/E from 30000.
   */
  public static FaultInjectingFakeLibrary awsShaped(int drives, int storage, int importExport) {
    FaultInjectingFakeLibrary f = new FaultInjectingFakeLibrary();
    f.addElements(ElementType.TRANSPORT, 1, 1);
    f.addElements(ElementType.DRIVE, 10000, drives);
    f.addElements(ElementType.STORAGE, 20000, storage);
    f.addElements(ElementType.IMPORT_EXPORT, 30000, importExport);
    return f;
  }

  /** Adds {@code count} empty elements of a type from {@code first}. */
  public synchronized FaultInjectingFakeLibrary addElements(
      ElementType type, int first, int count) {
    for (int i = 0; i < count; i++) {
      elements.put(first + i, new Slot(type));
    }
    return this;
  }

  /** Puts a cartridge into an element (null barcode: unlabelled). */
  public synchronized FaultInjectingFakeLibrary put(int address, String barcode) {
    Slot s = require(address);
    s.full = true;
    s.barcode = barcode;
    s.source = null;
    return this;
  }

  /** Empties an element. */
  public synchronized FaultInjectingFakeLibrary clear(int address) {
    Slot s = require(address);
    s.full = false;
    s.barcode = null;
    s.source = null;
    return this;
  }

  /** Moves a cartridge behind the changer's back (an operator, another host). */
  public synchronized void moveBehindTheBack(int from, int to) {
    Slot a = require(from);
    Slot b = require(to);
    b.full = true;
    b.barcode = a.barcode;
    b.source = from;
    a.full = false;
    a.barcode = null;
  }

  /** The barcode in an element, or null. */
  public synchronized String barcodeAt(int address) {
    Slot s = require(address);
    return s.full ? s.barcode : null;
  }

  public synchronized boolean isFull(int address) {
    return require(address).full;
  }

  /** The peripheral device type INQUIRY reports (08h changer by default). */
  public synchronized FaultInjectingFakeLibrary deviceType(int type) {
    this.deviceType = type;
    return this;
  }

  /** The VPD 80h serial; null makes VPD 80h fail with 05/24/00. */
  public synchronized FaultInjectingFakeLibrary serial(String s) {
    this.serial = s;
    return this;
  }

  /**
   * How many bytes short of its header's byte count each READ ELEMENT STATUS report is (tgt: 8; a
   * compliant device: 0).
   */
  public synchronized FaultInjectingFakeLibrary shortBy(int bytes) {
    this.shortBy = bytes;
    return this;
  }

  /** Whether NUMBER OF ELEMENTS is ignored, as tgt does. */
  public synchronized FaultInjectingFakeLibrary ignoresCount(boolean ignores) {
    this.ignoresCount = ignores;
    return this;
  }

  /** The next command with this opcode gets {@code response} instead of its normal answer. */
  public synchronized FaultInjectingFakeLibrary inject(int opcode, ScsiResponse response) {
    injections.add(new Injection(c -> c.opcode() == opcode, response));
    return this;
  }

  /** The next command matching {@code which} gets {@code response}. */
  public synchronized FaultInjectingFakeLibrary inject(
      Predicate<ScsiCommand> which, ScsiResponse response) {
    injections.add(new Injection(which, response));
    return this;
  }

  /** Every command received, in order. */
  public synchronized List<ScsiCommand> commands() {
    return List.copyOf(commands);
  }

  /** How many commands with this opcode were received. */
  public synchronized long count(int opcode) {
    return commands.stream().filter(c -> c.opcode() == opcode).count();
  }

  public synchronized void forgetCommands() {
    commands.clear();
  }

  public synchronized boolean closed() {
    return closed;
  }

  /** A CHECK CONDITION with fixed-format sense, as tgt sends it. */
  public static ScsiResponse checkCondition(int key, int asc, int ascq) {
    byte[] s = new byte[18];
    s[0] = 0x70;
    s[2] = (byte) key;
    s[7] = 0x0A;
    s[12] = (byte) asc;
    s[13] = (byte) ascq;
    return ScsiResponse.of(ScsiResponse.CHECK_CONDITION, new byte[0], s);
  }

  @Override
  public synchronized ScsiResponse execute(ScsiCommand command) {
    if (closed) {
      throw new IllegalStateException("the fake library was closed");
    }
    commands.add(command);
    for (Injection i : injections) {
      if (i.matches().test(command)) {
        injections.remove(i);
        return i.response();
      }
    }
    byte[] cdb = command.cdb();
    return switch (command.opcode()) {
      case 0x00, 0x07 -> good(new byte[0], 0);
      case 0x12 -> inquiry(cdb, command.dataInLength());
      case 0x1A, 0x5A -> modeSense(cdb, command.dataInLength());
      case 0xB8 -> readElementStatus(cdb, command.dataInLength());
      case 0xA5 -> move(cdb);
      default -> checkCondition(5, 0x20, 0x00);
    };
  }

  private ScsiResponse inquiry(byte[] cdb, int alloc) {
    if ((cdb[1] & 1) != 0) {
      if ((cdb[2] & 0xFF) != 0x80 || serial == null) {
        return checkCondition(5, 0x24, 0x00);
      }
      byte[] text = serial.getBytes(StandardCharsets.US_ASCII);
      byte[] page = new byte[4 + text.length];
      page[1] = (byte) 0x80;
      page[3] = (byte) text.length;
      System.arraycopy(text, 0, page, 4, text.length);
      return good(page, alloc);
    }
    byte[] d =
        Hex.concat(
            new byte[] {(byte) deviceType, (byte) 0x80, 5, 0x12, 61, 0, 0, 2},
            Hex.ascii("AWS", 8, (byte) ' '),
            Hex.ascii("Gateway-VTL", 16, (byte) ' '),
            Hex.ascii("0100", 4, (byte) ' '),
            new byte[30]);
    return good(d, alloc);
  }

  private int first(ElementType t) {
    return elements.entrySet().stream()
        .filter(e -> e.getValue().type == t)
        .mapToInt(Map.Entry::getKey)
        .min()
        .orElse(0);
  }

  private int countOf(ElementType t) {
    return (int) elements.values().stream().filter(s -> s.type == t).count();
  }

  private ScsiResponse modeSense(byte[] cdb, int alloc) {
    if ((cdb[2] & 0x3F) != 0x1D) {
      return checkCondition(5, 0x24, 0x00);
    }
    byte[] page = new byte[20];
    page[0] = 0x1D;
    page[1] = 0x12;
    int[] fields = {
      first(ElementType.TRANSPORT), countOf(ElementType.TRANSPORT),
      first(ElementType.STORAGE), countOf(ElementType.STORAGE),
      first(ElementType.IMPORT_EXPORT), countOf(ElementType.IMPORT_EXPORT),
      first(ElementType.DRIVE), countOf(ElementType.DRIVE)
    };
    for (int i = 0; i < fields.length; i++) {
      page[2 + 2 * i] = (byte) (fields[i] >> 8);
      page[3 + 2 * i] = (byte) fields[i];
    }
    byte[] header =
        cdb[0] == 0x1A ? new byte[] {23, 0, 0, 0} : new byte[] {0, 26, 0, 0, 0, 0, 0, 0};
    return good(Hex.concat(header, page), alloc);
  }

  private ScsiResponse readElementStatus(byte[] cdb, int hostAlloc) {
    int typeCode = cdb[1] & 0x0F;
    boolean voltag = (cdb[1] & 0x10) != 0;
    int start = ((cdb[2] & 0xFF) << 8) | (cdb[3] & 0xFF);
    int count = ((cdb[4] & 0xFF) << 8) | (cdb[5] & 0xFF);
    int alloc = ((cdb[7] & 0xFF) << 16) | ((cdb[8] & 0xFF) << 8) | (cdb[9] & 0xFF);
    if (typeCode < 1 || typeCode > 4 || (cdb[11] & 0xFF) != 0 || alloc > hostAlloc) {
      return checkCondition(5, 0x24, 0x00);
    }
    ElementType type = ElementType.ofCode(typeCode);
    List<Desc> descs = new ArrayList<>();
    for (Map.Entry<Integer, Slot> e : elements.entrySet()) {
      Slot s = e.getValue();
      if (s.type != type || e.getKey() < start) {
        continue;
      }
      if (!ignoresCount && descs.size() >= count) {
        break;
      }
      descs.add(
          new Desc(
              e.getKey(),
              s.full ? 1 : 0,
              0,
              0,
              s.full ? s.source : null,
              s.full ? s.barcode : null,
              null,
              null));
    }
    if (descs.isEmpty()) {
      return good(new byte[] {0, 0, 0, 0, 0, 0, 0, 8}, alloc);
    }
    ElementStatusBytes b = new ElementStatusBytes();
    b.page(type, voltag ? 52 : 16, voltag, false, true, false).addAll(descs);
    byte[] full = b.build();
    return good(Arrays.copyOf(full, Math.max(8, full.length - shortBy)), alloc);
  }

  private ScsiResponse move(byte[] cdb) {
    int from = ((cdb[4] & 0xFF) << 8) | (cdb[5] & 0xFF);
    int to = ((cdb[6] & 0xFF) << 8) | (cdb[7] & 0xFF);
    Slot a = elements.get(from);
    Slot b = elements.get(to);
    if (a == null || b == null) {
      return checkCondition(5, 0x24, 0x00);
    }
    if (!a.full) {
      return checkCondition(5, 0x3B, 0x0E);
    }
    if (b.full) {
      return checkCondition(5, 0x3B, 0x0D);
    }
    b.full = true;
    b.barcode = a.barcode;
    b.source = from;
    a.full = false;
    a.barcode = null;
    a.source = null;
    return good(new byte[0], 0);
  }

  private static ScsiResponse good(byte[] data, int alloc) {
    return ScsiResponse.of(
        ScsiResponse.GOOD, Arrays.copyOf(data, Math.min(data.length, alloc)), new byte[0]);
  }

  private Slot require(int address) {
    Slot s = elements.get(address);
    if (s == null) {
      throw new IllegalArgumentException("the fake library has no element " + address);
    }
    return s;
  }

  @Override
  public String describe() {
    return "fault-injecting fake library";
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
