package io.tapeflow.changer;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.smc.ElementAddressAssignment;
import io.tapeflow.changer.smc.ElementStatusDecoder;
import io.tapeflow.changer.smc.ElementStatusRequest;
import io.tapeflow.changer.smc.ElementStatusSummary;
import io.tapeflow.changer.smc.InquiryData;
import io.tapeflow.changer.smc.ModeSenseDecoder;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SenseData;
import io.tapeflow.changer.smc.SmcCommands;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediumChanger} speaking SMC-3 over a {@link ScsiTransport} (libiscsi or SG_IO).
 *
 * <p><b>Inventory.</b> Mode page 1Dh gives each type's first address and count; then one READ
 * ELEMENT STATUS per type (never type 0, which tgt breaks), with volume tags, sized from that
 * count, so a full inventory of the AWS library (1 + 10 + 1600 + 1600 elements) is four READ
 * ELEMENT STATUS round trips. A report cut by the allocation is continued from the last complete
 * element; a trailing descriptor the device cut short (tgt) is kept when its address, flags, source
 * and tag arrived, and re-read otherwise.
 *
 * <p><b>Page 1Dh is cached</b> per instance, because it only sizes and starts the requests: the
 * element status stays authoritative. The cache is dropped on any unit attention (a compliant
 * library raises 2A/01 or 29/xx when its configuration changes) and whenever a report disagrees
 * with it (another count, another first address); the pass is then redone with a fresh page. Only
 * the very first inventory of an instance pays for MODE SENSE. Element positions are never cached.
 *
 * <p><b>Faults.</b> Status and sense become typed failures in {@link ScsiFailures}. NOT READY
 * (retryable cases) and BUSY / TASK SET FULL / ABORTED COMMAND are retried with exponential
 * backoff, a bounded number of times; 04/02 (initializing command required) sends INITIALIZE
 * ELEMENT STATUS once. A unit attention restarts the inventory pass, and makes a move read the
 * inventory again and re-validate, at most {@link Options#maxUnitAttentions()} times in a row.
 */
public final class SmcMediumChanger extends AbstractMediumChanger {
  private static final Logger log = LoggerFactory.getLogger(SmcMediumChanger.class);

  /** Descriptor length assumed before a device has shown its own: SMC-3 with VOLTAG. */
  static final int ASSUMED_DESCRIPTOR_LENGTH = 52;

  /** Room beyond the expected descriptors: page headers and a little more. */
  static final int ALLOCATION_SLACK = 64;

  private static final List<ElementType> ORDER =
      List.of(
          ElementType.TRANSPORT, ElementType.DRIVE, ElementType.STORAGE, ElementType.IMPORT_EXPORT);

  private final ScsiTransport transport;
  private final Options options;
  private final String description;
  private final Map<ElementType, Integer> descriptorLengths = new EnumMap<>(ElementType.class);
  private volatile ElementAddressAssignment page;

  /**
   * Tunables. Defaults: {@link #defaults()}.
   *
   * @param maxUnitAttentions unit attentions absorbed in a row before one escapes (5)
   * @param maxRetries retries of a NOT READY (retryable) or BUSY answer (6)
   * @param initialBackoff the first pause before such a retry, doubled each time (1 s)
   * @param maxBackoff the longest pause (30 s)
   * @param maxAllocation the largest READ ELEMENT STATUS allocation (128 KiB: inside common SG_IO
   *     limits, and 1600 tagged elements fit); bigger reports are paged
   * @param commandTimeout timeout of inquiry, mode sense and element status commands (5 min)
   * @param moveTimeout timeout of MOVE MEDIUM (5 min)
   * @param initializeTimeout timeout of INITIALIZE ELEMENT STATUS (30 min)
   * @param lockTimeout how long a move waits for the changer lock (10 min)
   * @param sleeper how to pause between retries (tests pass one that records)
   */
  public record Options(
      int maxUnitAttentions,
      int maxRetries,
      Duration initialBackoff,
      Duration maxBackoff,
      int maxAllocation,
      Duration commandTimeout,
      Duration moveTimeout,
      Duration initializeTimeout,
      Duration lockTimeout,
      Sleeper sleeper) {

    public Options {
      if (maxAllocation < 1024 || maxAllocation > 0xFFFFFF) {
        throw new IllegalArgumentException(
            "maxAllocation must be 1024..16777215: " + maxAllocation);
      }
      Objects.requireNonNull(sleeper, "sleeper");
    }

    public static Options defaults() {
      return new Options(
          5,
          6,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          128 * 1024,
          Duration.ofMinutes(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          ChangerLock.DEFAULT_TIMEOUT,
          Sleeper.REAL);
    }

    public Options withSleeper(Sleeper s) {
      return new Options(
          maxUnitAttentions,
          maxRetries,
          initialBackoff,
          maxBackoff,
          maxAllocation,
          commandTimeout,
          moveTimeout,
          initializeTimeout,
          lockTimeout,
          s);
    }

    public Options withLockTimeout(Duration timeout) {
      return new Options(
          maxUnitAttentions,
          maxRetries,
          initialBackoff,
          maxBackoff,
          maxAllocation,
          commandTimeout,
          moveTimeout,
          initializeTimeout,
          timeout,
          sleeper);
    }

    public Options withMaxAllocation(int bytes) {
      return new Options(
          maxUnitAttentions,
          maxRetries,
          initialBackoff,
          maxBackoff,
          bytes,
          commandTimeout,
          moveTimeout,
          initializeTimeout,
          lockTimeout,
          sleeper);
    }
  }

  /** Pauses between retries. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * A changer over an open transport.
   *
   * @param transport the session to the changer's LUN; closed by {@link #close()}
   * @param lock the changer's host-wide lock
   * @param description how messages name the changer (the URI, never with a password)
   */
  public SmcMediumChanger(
      ScsiTransport transport, ChangerLock lock, String description, Options options) {
    super(lock, options.lockTimeout(), options.maxUnitAttentions());
    this.transport = Objects.requireNonNull(transport, "transport");
    this.options = options;
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * Identifies the device behind {@code transport} (INQUIRY, VPD 80h serial), checks that it is a
   * medium changer, and returns a changer whose lock is keyed by that identity.
   *
   * @param uri how it was reached: names it in messages and keys the lock when it has no serial
   * @param lockDirectory where lock files live (see {@link ChangerLock#DEFAULT_DIRECTORY})
   * @throws WrongDeviceException when the LUN is not a medium changer
   */
  public static SmcMediumChanger open(
      ScsiTransport transport, ChangerUri uri, Path lockDirectory, Options options) {
    String identity = identify(transport, uri, options);
    return new SmcMediumChanger(
        transport, ChangerLock.forIdentity(lockDirectory, identity), uri.toString(), options);
  }

  /**
   * The identity a changer's lock is keyed by, read from the device: INQUIRY vendor and product and
   * the VPD 80h serial (see {@link ChangerLock#identity(String, String, String, ChangerUri)}).
   * Every way of reaching one changer (iSCSI, its sg node, mtx on that node) gets the same
   * identity, so the same lock.
   *
   * @throws WrongDeviceException when the device is not a medium changer
   */
  static String identify(ScsiTransport transport, ChangerUri uri, Options options) {
    String where = uri.toString();
    InquiryData inquiry =
        InquiryData.decode(
            run(
                    transport,
                    options,
                    ScsiCommand.dataIn(
                        SmcCommands.inquiry(InquiryData.ALLOCATION_LENGTH),
                        InquiryData.ALLOCATION_LENGTH,
                        options.commandTimeout()),
                    ScsiFailures.Context.of(where, "INQUIRY"))
                .data());
    if (!inquiry.isMediumChanger()) {
      throw new WrongDeviceException(
          String.format(
              "%s is not a medium changer: INQUIRY reports peripheral type %02Xh%s (%s); %s",
              where,
              inquiry.deviceType(),
              inquiry.deviceType() == 0x01
                  ? " (a tape drive)"
                  : inquiry.deviceType() == 0x0C ? " (tgt's LUN 0 controller)" : "",
              inquiry.describe(),
              uri.kind() == ChangerUri.Kind.ISCSI
                  ? "check the target and LUN of the changer URI"
                  : "check the device path (`lsscsi -g` lists the changer's sg node)"));
    }
    String serial = serial(transport, options, where).orElse(null);
    return ChangerLock.identity(inquiry.vendor(), inquiry.product(), serial, uri);
  }

  private static Optional<String> serial(ScsiTransport t, Options o, String where) {
    try {
      return InquiryData.decodeSerial(
          run(
                  t,
                  o,
                  ScsiCommand.dataIn(SmcCommands.unitSerialNumber(252), 252, o.commandTimeout()),
                  ScsiFailures.Context.of(where, "INQUIRY VPD 80h"))
              .data());
    } catch (IllegalRequestException | MalformedResponseException e) {
      log.info(
          "{} reports no unit serial number ({}); its lock is keyed by its URI or device path",
          where,
          e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    transport.close();
  }

  // --- inventory

  @Override
  protected Inventory readInventory() {
    for (int attempt = 0; ; attempt++) {
      try {
        return inventoryPass();
      } catch (UnitAttentionException e) {
        page = null;
        if (attempt >= options.maxUnitAttentions()) {
          throw e;
        }
        log.debug("unit attention during the inventory of {}; reading again", description, e);
      }
    }
  }

  private Inventory inventoryPass() {
    ElementAddressAssignment hint = page;
    boolean fresh = hint == null;
    if (fresh) {
      hint = readElementAddressPage();
    }
    int total = 0;
    for (ElementType type : ORDER) {
      total += hint.count(type);
    }
    // Elements are decoded straight into this list, type after type in inventory order, so the
    // Inventory neither re-sorts nor copies element by element.
    List<Element> elements = new ArrayList<>(total);
    for (ElementType type : ORDER) {
      int first = hint.first(type);
      int count = hint.count(type);
      if (count == 0) {
        continue;
      }
      int from = elements.size();
      readType(type, first, count, elements);
      int got = elements.size() - from;
      boolean agrees = got == count && elements.get(from).address() == first;
      if (!agrees) {
        if (!fresh) {
          log.debug(
              "{}: cached page 1Dh disagrees with the {} report, re-reading it", description, type);
          page = null;
          return inventoryPass();
        }
        log.warn(
            "{}: mode page 1Dh says {} {} elements from {}, READ ELEMENT STATUS returned {}; using"
                + " the element status",
            description,
            count,
            type,
            first,
            got);
      }
    }
    page = hint;
    return new Inventory(elements);
  }

  private ElementAddressAssignment readElementAddressPage() {
    ScsiFailures.Context ctx = ScsiFailures.Context.of(description, "MODE SENSE page 1Dh");
    try {
      byte[] data =
          execute(
              ScsiCommand.dataIn(
                  SmcCommands.modeSense6(SmcCommands.ELEMENT_ADDRESS_ASSIGNMENT_PAGE, true, 255),
                  255,
                  options.commandTimeout()),
              ctx);
      return ModeSenseDecoder.elementAddressAssignment(data, false);
    } catch (IllegalRequestException e) {
      if (e.condition().filter(c -> c.asc() == 0x20).isEmpty()) {
        throw e;
      }
      byte[] data =
          execute(
              ScsiCommand.dataIn(
                  SmcCommands.modeSense10(SmcCommands.ELEMENT_ADDRESS_ASSIGNMENT_PAGE, true, 1024),
                  1024,
                  options.commandTimeout()),
              ctx);
      return ModeSenseDecoder.elementAddressAssignment(data, true);
    }
  }

  /**
   * Appends every element of one type from {@code first} to {@code into}, paging when a report is
   * cut by the allocation and re-reading a trailing descriptor the device cut before its tag.
   */
  private void readType(ElementType type, int first, int expected, List<Element> into) {
    int before = into.size();
    ScsiFailures.Context ctx =
        ScsiFailures.Context.of(description, "READ ELEMENT STATUS (" + type + ")");
    int start = first;
    int stuckAt = -1;
    int descLen = descriptorLength(type);
    while (true) {
      int remaining = Math.max(1, expected - (into.size() - before));
      int alloc =
          (int)
              Math.min(
                  options.maxAllocation(), 16L + (long) remaining * descLen + ALLOCATION_SLACK);
      ElementStatusRequest req = ElementStatusRequest.ofType(type, start, alloc);
      ByteBuffer data =
          executeForView(ScsiCommand.dataIn(req.toCdb(), alloc, options.commandTimeout()), ctx);
      ElementStatusSummary report = ElementStatusDecoder.decodeInto(data, req, into);
      if (report.descriptorLength() > 0) {
        descLen = report.descriptorLength();
        rememberDescriptorLength(type, descLen);
      }
      if (report.endsInsufficient()) {
        int at = report.insufficientAddress();
        if (at == stuckAt) {
          throw new MalformedResponseException(
              description
                  + " cuts the element status of "
                  + type.label()
                  + " "
                  + at
                  + " before its volume tag in every report; its inventory cannot be trusted");
        }
        stuckAt = at;
        start = at;
        continue;
      }
      boolean cutByAllocation = data.remaining() >= alloc && report.cutShort();
      if (!cutByAllocation) {
        return;
      }
      if (report.added() == 0) {
        throw new MalformedResponseException(
            description
                + " sent no complete "
                + type
                + " element in "
                + alloc
                + " bytes although its report needs "
                + report.neededLength()
                + "; raise the allocation limit or check the device");
      }
      int next = report.lastAddress() + 1;
      if (next > 0xFFFF) {
        return;
      }
      start = next;
    }
  }

  private synchronized int descriptorLength(ElementType type) {
    return descriptorLengths.getOrDefault(type, ASSUMED_DESCRIPTOR_LENGTH);
  }

  private synchronized void rememberDescriptorLength(ElementType type, int length) {
    descriptorLengths.put(type, length);
  }

  // --- moves

  @Override
  protected void moveMedium(Inventory inventory, Element from, Element to) {
    int transportAddress =
        inventory.ofType(ElementType.TRANSPORT).stream()
            .findFirst()
            .map(Element::address)
            .orElse(0);
    execute(
        ScsiCommand.noData(
            SmcCommands.moveMedium(transportAddress, from.address(), to.address()),
            options.moveTimeout()),
        new ScsiFailures.Context(
            description, "MOVE MEDIUM " + from.location() + " -> " + to.location(), from, to));
    log.debug("{}: moved {} to {}", description, from.describe(), to.location());
  }

  @Override
  public void initializeElementStatus() {
    page = null;
    execute(
        ScsiCommand.noData(SmcCommands.initializeElementStatus(), options.initializeTimeout()),
        ScsiFailures.Context.of(description, "INITIALIZE ELEMENT STATUS"));
  }

  // --- one command with retries

  private byte[] execute(ScsiCommand command, ScsiFailures.Context ctx) {
    return run(transport, options, command, ctx).data();
  }

  /** As {@link #execute}, the data as a read-only view: no copy of a large answer. */
  private ByteBuffer executeForView(ScsiCommand command, ScsiFailures.Context ctx) {
    return run(transport, options, command, ctx).dataView();
  }

  /**
   * Runs one command: returns its response on GOOD (or RECOVERED ERROR), retries NOT READY and BUSY
   * with backoff, initializes element status once on 04/02, and throws the typed failure otherwise.
   * Unit attentions are thrown to the caller, which knows what to re-read.
   */
  private static ScsiResponse run(
      ScsiTransport transport, Options options, ScsiCommand command, ScsiFailures.Context ctx) {
    int retries = 0;
    boolean initialized = command.opcode() == SmcCommands.INITIALIZE_ELEMENT_STATUS;
    while (true) {
      ScsiResponse r = transport.execute(command);
      if (r.ok()) {
        return r;
      }
      SenseData sense =
          r.status() == ScsiResponse.CHECK_CONDITION ? SenseData.decode(r.sense()) : null;
      if (sense != null && sense.senseKey() == SenseData.RECOVERED_ERROR) {
        log.warn("{}: {} succeeded with {}", ctx.changer(), ctx.command(), sense.describe());
        return r;
      }
      ChangerCommandException e = ScsiFailures.of(r, ctx);
      if (sense != null && sense.is(SenseData.NOT_READY, 0x04, 0x02) && !initialized) {
        initialized = true;
        log.info("{} needs INITIALIZE ELEMENT STATUS before {}", ctx.changer(), ctx.command());
        run(
            transport,
            options,
            ScsiCommand.noData(SmcCommands.initializeElementStatus(), options.initializeTimeout()),
            ScsiFailures.Context.of(ctx.changer(), "INITIALIZE ELEMENT STATUS"));
        continue;
      }
      boolean transientAnswer =
          e instanceof ChangerNotReadyException
              || (e.getClass() == ChangerCommandException.class && e.retryable());
      if (!transientAnswer || !e.retryable() || retries >= options.maxRetries()) {
        throw e;
      }
      Duration pause = backoff(options, retries++);
      log.info("{}; retry {} in {}", e.getMessage(), retries, pause);
      try {
        options.sleeper().sleep(pause);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw e;
      }
    }
  }

  private static Duration backoff(Options o, int retry) {
    Duration d = o.initialBackoff().multipliedBy(1L << Math.min(retry, 20));
    return d.compareTo(o.maxBackoff()) > 0 ? o.maxBackoff() : d;
  }
}
