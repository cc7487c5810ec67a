package io.tapeflow.changer;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.smc.ElementAddressAssignment;
import io.tapeflow.changer.smc.ElementStatusDecoder;
import io.tapeflow.changer.smc.ElementStatusRequest;
import io.tapeflow.changer.smc.ElementStatusSummary;
import io.tapeflow.changer.smc.ModeSenseDecoder;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SmcCommands;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a changer's inventory over SMC: mode page 1Dh gives each type's first address and count;
 * then one READ ELEMENT STATUS per type (never type 0, which tgt breaks), with volume tags, sized
 * from that count, so a full inventory of the AWS library (1 + 10 + 1600 + 1600 elements) is four
 * READ ELEMENT STATUS round trips. A report cut by the allocation is continued from the last
 * complete element; a trailing descriptor the device cut short (tgt) is kept when its address,
 * flags, source and tag arrived, and re-read otherwise.
 *
 * <p><b>Page 1Dh is cached</b>, because it only sizes and starts the requests: the element status
 * stays authoritative. The cache is dropped on any unit attention (a compliant library raises 2A/01
 * or 29/xx when its configuration changes), on {@link #forgetPage()}, and whenever a report
 * disagrees with it (another count, another first address); the pass is then redone with a fresh
 * page. Element positions are never cached.
 */
final class SmcInventoryReader {
  private static final Logger log = LoggerFactory.getLogger(SmcInventoryReader.class);

  /** Descriptor length assumed before a device has shown its own: SMC-3 with VOLTAG. */
  static final int ASSUMED_DESCRIPTOR_LENGTH = 52;

  /** Room beyond the expected descriptors: page headers and a little more. */
  static final int ALLOCATION_SLACK = 64;

  private static final List<ElementType> ORDER =
      List.of(
          ElementType.TRANSPORT, ElementType.DRIVE, ElementType.STORAGE, ElementType.IMPORT_EXPORT);

  private final SmcCommandRunner runner;
  private final String description;
  private final Map<ElementType, Integer> descriptorLengths = new EnumMap<>(ElementType.class);
  private volatile ElementAddressAssignment page;

  SmcInventoryReader(SmcCommandRunner runner, String description) {
    this.runner = runner;
    this.description = description;
  }

  /** Reads every element now; a unit attention restarts the pass, a bounded number of times. */
  Inventory read() {
    for (int attempt = 0; ; attempt++) {
      try {
        return pass();
      } catch (UnitAttentionException e) {
        page = null;
        if (attempt >= runner.options().maxUnitAttentions()) {
          throw e;
        }
        log.debug("unit attention during the inventory of {}; reading again", description, e);
      }
    }
  }

  /** Drops the cached page 1Dh: the next inventory reads it again. */
  void forgetPage() {
    page = null;
  }

  private Inventory pass() {
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
          return pass();
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
    int page = SmcCommands.ELEMENT_ADDRESS_ASSIGNMENT_PAGE;
    try {
      return modeSense(SmcCommands.modeSense6(page, true, 255), 255, false);
    } catch (IllegalRequestException e) {
      if (e.condition().filter(c -> c.asc() == 0x20).isEmpty()) {
        throw e;
      }
      return modeSense(SmcCommands.modeSense10(page, true, 1024), 1024, true);
    }
  }

  /** Page 1Dh from MODE SENSE(6) or, where that is not supported, MODE SENSE(10). */
  private ElementAddressAssignment modeSense(byte[] cdb, int allocation, boolean ten) {
    byte[] data =
        runner.data(
            ScsiCommand.dataIn(cdb, allocation, runner.options().commandTimeout()),
            ScsiFailures.Context.of(description, "MODE SENSE page 1Dh"));
    return ModeSenseDecoder.elementAddressAssignment(data, ten);
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
                  runner.options().maxAllocation(),
                  16L + (long) remaining * descLen + ALLOCATION_SLACK);
      ElementStatusRequest req = ElementStatusRequest.ofType(type, start, alloc);
      ByteBuffer data =
          runner.dataView(
              ScsiCommand.dataIn(req.toCdb(), alloc, runner.options().commandTimeout()), ctx);
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
}
