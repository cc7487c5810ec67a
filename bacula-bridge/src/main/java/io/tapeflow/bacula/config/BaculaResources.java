package io.tapeflow.bacula.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a library's Bacula resources, as pure functions of a {@link LibraryDescription}: for the
 * storage daemon its Autochanger (tapeflow's Changer Command) and one Device per drive; for the
 * Director its Storage, the Pools, and a JobDefs whose RunScript hands every job's end to tapeflow.
 * Fragments to paste into (or {@code @include} from) existing configuration files.
 */
public final class BaculaResources {
  /** What the storage daemon passes tapeflow's Changer Command. */
  static final String CHANGER_ARGUMENTS = " %c %o %S %a %d";

  private BaculaResources() {}

  /** The storage daemon's fragment: Autochanger and Devices. */
  public static String storageDaemon(LibraryDescription d) {
    StringBuilder s = new StringBuilder();
    s.append("# Storage daemon resources of library ")
        .append(d.name())
        .append(", written by tapeflow bacula-config.\n");
    List<String> drives = new ArrayList<>();
    for (int k = 0; k < d.archiveDevices().size(); k++) {
      drives.add(quote(d.driveName(k)));
    }
    s.append("Autochanger {\n");
    line(s, "Name", quote(d.name()));
    line(s, "Device", String.join(", ", drives));
    line(s, "Changer Command", quote(d.changerCommand() + CHANGER_ARGUMENTS));
    line(s, "Changer Device", quote(d.changerDevice()));
    s.append("}\n");
    for (int k = 0; k < d.archiveDevices().size(); k++) {
      s.append("Device {\n");
      line(s, "Name", quote(d.driveName(k)));
      line(s, "Drive Index", Integer.toString(k));
      line(s, "Media Type", quote(d.mediaType()));
      line(s, "Archive Device", quote(d.archiveDevices().get(k)));
      line(s, "Autochanger", "yes");
      if (d.deviceKind() == DeviceKind.TAPE) {
        line(s, "Device Type", "Tape");
        line(s, "Random Access", "no");
      } else {
        line(s, "Device Type", "File");
        line(s, "Random Access", "yes");
      }
      line(s, "Removable Media", "yes");
      line(s, "Automatic Mount", "yes");
      line(s, "Label Media", "yes");
      // The changer command checks what is loaded itself; an open device would go stale.
      line(s, "Always Open", "no");
      line(s, "Maximum Changer Wait", "600");
      s.append("}\n");
    }
    return s.toString();
  }

  /** The Director's fragment: Storage, Pools and the job-end JobDefs. */
  public static String director(LibraryDescription d) {
    StringBuilder s = new StringBuilder();
    s.append("# Director resources of library ")
        .append(d.name())
        .append(", written by tapeflow bacula-config.\n");
    s.append("Storage {\n");
    line(s, "Name", quote(d.name()));
    line(s, "Address", quote(d.sdAddress()));
    line(s, "SD Port", Integer.toString(d.sdPort()));
    line(s, "Password", d.password().directiveValue());
    line(s, "Device", quote(d.name()));
    line(s, "Media Type", quote(d.mediaType()));
    line(s, "Autochanger", "yes");
    line(s, "Maximum Concurrent Jobs", Integer.toString(d.archiveDevices().size()));
    s.append("}\n");
    for (String pool : d.pools()) {
      s.append("Pool {\n");
      line(s, "Name", quote(pool));
      line(s, "Pool Type", "Backup");
      line(s, "Storage", quote(d.name()));
      line(s, "Recycle", "yes");
      line(s, "AutoPrune", "yes");
      if (d.volumeRetention() != null) {
        line(s, "Volume Retention", d.volumeRetention());
      }
      s.append("}\n");
    }
    s.append("# Jobs that write to this library name it with JobDefs = \"")
        .append(d.jobDefsName())
        .append("\";\n# every job's end, failed ones included, goes to tapeflow.\n");
    s.append("JobDefs {\n");
    line(s, "Name", quote(d.jobDefsName()));
    line(s, "Type", "Backup");
    line(s, "Storage", quote(d.name()));
    line(s, "Pool", quote(d.pools().get(0)));
    s.append("  RunScript {\n");
    s.append("    RunsWhen = After\n");
    s.append("    RunsOnClient = no\n");
    s.append("    RunsOnSuccess = yes\n");
    s.append("    RunsOnFailure = yes\n");
    s.append("    Command = ").append(quote(jobEndCommand(d))).append('\n');
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  /**
   * {@code tapeflow event job-end} with Bacula's codes, each quoted on its own (the Director splits
   * the line without a shell; %e and %n can hold spaces).
   */
  static String jobEndCommand(LibraryDescription d) {
    return d.tapeflowCommand()
        + " event job-end --job %i --status '%e' --volumes '%v' --name '%n' --type '%t'"
        + " --client '%c'"
        + (d.eventSpool() == null ? "" : " --spool " + d.eventSpool());
  }

  private static void line(StringBuilder s, String key, String value) {
    s.append("  ").append(key).append(" = ").append(value).append('\n');
  }

  private static String quote(String v) {
    return "\"" + v + "\"";
  }
}
