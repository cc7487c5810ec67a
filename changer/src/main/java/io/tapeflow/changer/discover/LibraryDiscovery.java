package io.tapeflow.changer.discover;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.MalformedResponseException;
import io.tapeflow.changer.iscsi.IscsiEndpoint;
import io.tapeflow.changer.iscsi.IscsiTransport;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.smc.ElementDescriptor;
import io.tapeflow.changer.smc.ElementStatusDecoder;
import io.tapeflow.changer.smc.ElementStatusRequest;
import io.tapeflow.changer.smc.InquiryData;
import io.tapeflow.changer.smc.SmcCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the tape library behind an iSCSI portal: SendTargets, then for each target a login, REPORT
 * LUNS, and per logical unit INQUIRY with VPD pages 80h and 83h; then, on the medium changer, READ
 * ELEMENT STATUS of the drives with device identifiers, to put the drives in element order and tie
 * each to its target ({@link DriveMatcher}). Reads only: nothing is moved or changed.
 */
public final class LibraryDiscovery {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final int VPD_LENGTH = 255;
  private static final int ELEMENT_STATUS_LENGTH = 0xFFFF;

  /**
   * How to reach the portal.
   *
   * @param initiatorName this host's initiator name
   * @param timeout login and discovery timeout
   * @param chapUser CHAP user, or null
   * @param chapSecret CHAP secret, or null (never printed)
   */
  public record Options(
      String initiatorName, Duration timeout, String chapUser, String chapSecret) {
    public Options {
      Objects.requireNonNull(initiatorName, "initiatorName");
      Objects.requireNonNull(timeout, "timeout");
      if ((chapUser == null) != (chapSecret == null)) {
        throw new IllegalArgumentException("CHAP needs both a user and a secret");
      }
    }

    public static Options defaults() {
      return new Options(
          IscsiTransport.Options.DEFAULT_INITIATOR, Duration.ofSeconds(15), null, null);
    }

    @Override
    public String toString() {
      return "Options[" + initiatorName + ", " + timeout + ", chap=" + (chapUser != null) + "]";
    }
  }

  private LibraryDiscovery() {}

  /**
   * Discovers the library behind {@code portal}.
   *
   * @throws DiscoveryException when the portal cannot be reached or refuses us, or no medium
   *     changer is behind it
   */
  public static DiscoveredLibrary discover(Portal portal, Options options) {
    List<DiscoveredTarget> targets =
        SendTargets.query(
            portal,
            options.initiatorName(),
            options.chapUser(),
            options.chapSecret(),
            options.timeout());
    if (targets.isEmpty()) {
      throw new DiscoveryException(
          "the iSCSI portal " + portal + " offers no targets to this initiator", false);
    }
    List<String> warnings = new ArrayList<>();
    List<ProbedDevice> devices = new ArrayList<>();
    for (DiscoveredTarget t : targets) {
      devices.addAll(probeTarget(portal, t, options, warnings));
    }
    List<ProbedDevice> changers =
        devices.stream().filter(d -> d.role() == DeviceRole.MEDIUM_CHANGER).toList();
    if (changers.isEmpty()) {
      throw new DiscoveryException(
          "no medium changer behind the iSCSI portal "
              + portal
              + " ("
              + targets.size()
              + " targets, "
              + devices.size()
              + " logical units)"
              + (warnings.isEmpty() ? "; is it a tape gateway?" : ": " + warnings.get(0)),
          false);
    }
    ProbedDevice changer = changers.get(0);
    if (changers.size() > 1) {
      warnings.add(
          changers.size() + " medium changers found; this report describes " + changer.iqn());
    }
    List<ProbedDevice> drives =
        devices.stream().filter(d -> d.role() == DeviceRole.TAPE_DRIVE).toList();
    List<LibraryDrive> matched =
        DriveMatcher.match(driveElements(portal, changer, options, warnings), drives);
    for (LibraryDrive d : matched) {
      if (d.matchedBy() == MatchedBy.NONE) {
        warnings.add(
            "drive element " + d.elementAddress() + " could not be tied to a target of the portal");
      }
    }
    warnSharedIdSerial(devices, warnings);
    String uri = changerUri(portal, changer, options);
    return new DiscoveredLibrary(portal, devices, changer, uri, matched, warnings);
  }

  private static List<ProbedDevice> probeTarget(
      Portal portal, DiscoveredTarget target, Options options, List<String> warnings) {
    Portal address = target.portals().isEmpty() ? portal : parseOr(target.portals().get(0), portal);
    List<Integer> luns;
    try (IscsiTransport t = open(portal, target.iqn(), 0, options)) {
      luns = reportLuns(t);
    } catch (ScsiTransportException e) {
      warnings.add("target " + target.iqn() + " skipped: " + e.getMessage());
      return List.of();
    }
    List<ProbedDevice> out = new ArrayList<>();
    for (int lun : luns) {
      try (IscsiTransport t = open(portal, target.iqn(), lun, options)) {
        out.add(probe(t, target.iqn(), address, lun));
      } catch (ScsiTransportException | MalformedResponseException e) {
        warnings.add("LUN " + lun + " of " + target.iqn() + " skipped: " + e.getMessage());
      }
    }
    return out;
  }

  private static Portal parseOr(String reported, Portal fallback) {
    try {
      return Portal.parse(reported);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static IscsiTransport open(Portal portal, String iqn, int lun, Options options) {
    IscsiEndpoint endpoint =
        new IscsiEndpoint(
            portal.host(), portal.port(), iqn, lun, options.chapUser(), options.chapSecret());
    return IscsiTransport.open(
        endpoint, new IscsiTransport.Options(options.initiatorName(), options.timeout()));
  }

  /** The target's LUNs; LUN 0 alone when it does not answer REPORT LUNS. */
  private static List<Integer> reportLuns(IscsiTransport t) {
    ScsiResponse r =
        t.execute(
            ScsiCommand.dataIn(
                ReportLuns.cdb(ReportLuns.ALLOCATION_LENGTH),
                ReportLuns.ALLOCATION_LENGTH,
                COMMAND_TIMEOUT));
    if (!r.ok()) {
      return List.of(0);
    }
    List<Integer> luns = ReportLuns.decode(r.data());
    return luns.isEmpty() ? List.of(0) : luns;
  }

  private static ProbedDevice probe(IscsiTransport t, String iqn, Portal address, int lun) {
    ScsiResponse std =
        t.execute(
            ScsiCommand.dataIn(
                SmcCommands.inquiry(InquiryData.ALLOCATION_LENGTH),
                InquiryData.ALLOCATION_LENGTH,
                COMMAND_TIMEOUT));
    if (!std.ok()) {
      throw new MalformedResponseException("INQUIRY was refused: " + std);
    }
    byte[] inquiry = std.data();
    InquiryData data = InquiryData.decode(inquiry);
    byte[] page80 = vpd(t, SmcCommands.UNIT_SERIAL_NUMBER_PAGE);
    byte[] page83 = vpd(t, 0x83);
    String serial = page80 == null ? null : InquiryData.decodeSerial(page80).orElse(null);
    return new ProbedDevice(
        iqn,
        address,
        lun,
        DeviceRole.of(data),
        data.vendor(),
        data.product(),
        data.revision(),
        serial,
        UdevSerial.idSerial(inquiry, page83, page80).orElse(null),
        UdevSerial.idScsiSerial(page83, page80).orElse(null));
  }

  /** A VPD page, or null when the device does not have it. */
  private static byte[] vpd(IscsiTransport t, int page) {
    ScsiResponse r =
        t.execute(
            ScsiCommand.dataIn(
                SmcCommands.inquiryVpd(page, VPD_LENGTH), VPD_LENGTH, COMMAND_TIMEOUT));
    byte[] data = r.ok() ? r.data() : null;
    return data != null && data.length >= 4 && (data[1] & 0xFF) == page ? data : null;
  }

  private static List<DriveMatcher.Element> driveElements(
      Portal portal, ProbedDevice changer, Options options, List<String> warnings) {
    try (IscsiTransport t = open(portal, changer.iqn(), changer.lun(), options)) {
      for (boolean ids : new boolean[] {true, false}) {
        ElementStatusRequest req =
            new ElementStatusRequest(
                ElementType.DRIVE, 0, 0xFFFF, false, ids, true, ELEMENT_STATUS_LENGTH);
        ScsiResponse r =
            t.execute(ScsiCommand.dataIn(req.toCdb(), ELEMENT_STATUS_LENGTH, COMMAND_TIMEOUT));
        if (r.ok()) {
          List<DriveMatcher.Element> out = new ArrayList<>();
          for (ElementDescriptor d : ElementStatusDecoder.decode(r.data(), req).elements()) {
            out.add(new DriveMatcher.Element(d.address(), d.deviceId()));
          }
          return out;
        }
        if (ids) {
          warnings.add(
              "the changer refused device identifiers (DVCID); drives are tied by target name");
        }
      }
      throw new DiscoveryException(
          "the medium changer " + changer.iqn() + " refused READ ELEMENT STATUS", false);
    }
  }

  private static void warnSharedIdSerial(List<ProbedDevice> devices, List<String> warnings) {
    Map<String, Integer> count = new HashMap<>();
    for (ProbedDevice d : devices) {
      if (d.idSerial() != null && d.role() != DeviceRole.OTHER) {
        count.merge(d.idSerial(), 1, Integer::sum);
      }
    }
    count.forEach(
        (serial, n) -> {
          if (n > 1) {
            warnings.add(
                n
                    + " devices share udev's ID_SERIAL "
                    + serial
                    + ": do not use /dev/tape/by-id/scsi-"
                    + serial
                    + "*; use the names below");
          }
        });
  }

  private static String changerUri(Portal portal, ProbedDevice changer, Options options) {
    String auth =
        options.chapUser() == null ? "" : options.chapUser() + "%" + options.chapSecret() + "@";
    String text = "iscsi://" + auth + portal + "/" + changer.iqn() + "/" + changer.lun();
    return ChangerUri.parse(text).toString();
  }
}
