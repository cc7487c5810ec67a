package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.manifest.AuditRecord;
import io.tapeflow.workflows.manifest.ManifestActivities;
import io.tapeflow.workflows.manifest.ManifestCompletion;
import io.tapeflow.workflows.manifest.TapeManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stand-in for the S3 manifest store in workflow tests. */
public final class StubManifest implements ManifestActivities {
  public final Faults faults = new Faults();
  private final Map<String, TapeManifest> manifests = new LinkedHashMap<>();
  private final Map<String, AuditRecord> audit = new LinkedHashMap<>();

  public synchronized TapeManifest manifest(String barcode) {
    return manifests.get(barcode);
  }

  /** The audit trail of a tape, in the order written. */
  public synchronized List<AuditRecord> audit(String barcode) {
    List<AuditRecord> out = new ArrayList<>();
    for (AuditRecord a : audit.values()) {
      if (a.barcode().value().equals(barcode)) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public synchronized String writeManifest(TapeManifest m) {
    faults.enter("writeManifest");
    manifests.put(m.barcode().value(), m);
    return "manifests/" + m.barcode().value() + ".json";
  }

  @Override
  public synchronized String completeManifest(ManifestCompletion c) {
    faults.enter("completeManifest");
    TapeManifest m = manifests.get(c.barcode().value());
    if (m != null) {
      manifests.put(c.barcode().value(), m.completedBy(c));
    }
    return "manifests/" + c.barcode().value() + ".json";
  }

  @Override
  public synchronized void appendAudit(List<AuditRecord> records) {
    faults.enter("appendAudit");
    for (AuditRecord r : records) {
      audit.putIfAbsent(r.barcode().value() + "/" + r.seq(), r);
    }
  }
}
