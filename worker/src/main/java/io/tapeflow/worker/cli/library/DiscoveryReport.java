package io.tapeflow.worker.cli.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.changer.discover.DiscoveredLibrary;
import io.tapeflow.changer.discover.KernelNames;
import io.tapeflow.changer.discover.LibraryDrive;
import io.tapeflow.changer.discover.ProbedDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tapeflow discover}'s output: text for people, JSON for programs. */
final class DiscoveryReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscoveryReport() {}

  static String text(DiscoveredLibrary lib) {
    StringBuilder s = new StringBuilder();
    ProbedDevice c = lib.changer();
    s.append("Library behind iSCSI portal ").append(lib.portal()).append('\n');
    s.append("\nChanger: ").append(c.describe()).append(serial(c)).append('\n');
    s.append("  target   ").append(c.iqn()).append(" LUN ").append(c.lun()).append('\n');
    s.append("  config   changer: ").append(lib.changerUri()).append('\n');
    KernelNames.changerById(c).ifPresent(n -> s.append("  kernel   ").append(n).append('\n'));
    s.append("  kernel   ").append(KernelNames.changerByPath(c)).append('\n');
    s.append("\nDrives, in element order (Bacula's Drive Index):\n");
    for (LibraryDrive d : lib.drives()) {
      s.append(String.format("  %-3d element %-6d ", d.index(), d.elementAddress()));
      if (d.device() == null) {
        s.append("no target found").append('\n');
        continue;
      }
      ProbedDevice p = d.device();
      s.append(p.describe()).append(serial(p));
      s.append(" (matched by ")
          .append(d.matchedBy().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      s.append(")\n      target   ").append(p.iqn()).append(" LUN ").append(p.lun()).append('\n');
      KernelNames.driveById(p).ifPresent(n -> s.append("      kernel   ").append(n).append('\n'));
      s.append("      kernel   ").append(KernelNames.driveByPath(p)).append('\n');
    }
    s.append("\nOn a host that uses the kernel's iSCSI initiator (open-iscsi), log in with:\n");
    lib.iscsiadmLines().forEach(l -> s.append("  ").append(l).append('\n'));
    s.append("The /dev/tape names above then come from udev's own rules.\n");
    if (!lib.warnings().isEmpty()) {
      s.append("\nWarnings:\n");
      lib.warnings().forEach(w -> s.append("  ").append(w).append('\n'));
    }
    return s.toString();
  }

  private static String serial(ProbedDevice d) {
    return d.serial() == null ? ", no serial number" : ", serial " + d.serial();
  }

  /**
   * {@code {"portal","changer":{…,"uri"},"drives":[{"index","elementAddress","deviceId",
   * "matchedBy",…device fields}],"devices":[…],"iscsiadm":[…],"warnings":[…]}}.
   */
  static String json(DiscoveredLibrary lib) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("portal", lib.portal().toString());
    Map<String, Object> changer = device(lib.changer());
    changer.put("uri", lib.changerUri());
    changer.put("byId", KernelNames.changerById(lib.changer()).orElse(null));
    changer.put("byPath", KernelNames.changerByPath(lib.changer()));
    root.put("changer", changer);
    List<Map<String, Object>> drives = new ArrayList<>();
    for (LibraryDrive d : lib.drives()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", d.index());
      m.put("elementAddress", d.elementAddress());
      m.put("deviceId", d.deviceId());
      m.put("matchedBy", d.matchedBy().name());
      if (d.device() != null) {
        m.putAll(device(d.device()));
        m.put("byId", KernelNames.driveById(d.device()).orElse(null));
        m.put("byPath", KernelNames.driveByPath(d.device()));
      }
      drives.add(m);
    }
    root.put("drives", drives);
    root.put("devices", lib.devices().stream().map(DiscoveryReport::device).toList());
    root.put("iscsiadm", lib.iscsiadmLines());
    root.put("warnings", lib.warnings());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the discovery as JSON", e);
    }
  }

  private static Map<String, Object> device(ProbedDevice d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iqn", d.iqn());
    m.put("portal", d.address().toString());
    m.put("lun", d.lun());
    m.put("role", d.role().name());
    m.put("vendor", d.vendor());
    m.put("product", d.product());
    m.put("revision", d.revision());
    m.put("serial", d.serial());
    m.put("idSerial", d.idSerial());
    m.put("idScsiSerial", d.idScsiSerial());
    return m;
  }
}
