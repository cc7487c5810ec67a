package io.tapeflow.bacula.model;

import java.util.Map;
import java.util.Optional;

/**
 * Every field {@code llist volume=} prints for one Media record, with typed accessors for the ones
 * tapeflow uses. Unknown fields stay readable through {@link #field}.
 */
public record VolumeRecord(Map<String, String> fields) {

  public VolumeRecord {
    fields = Map.copyOf(fields);
    if (!fields.containsKey("VolumeName")) {
      throw new IllegalArgumentException("an llist volume record needs a VolumeName field");
    }
  }

  public VolumeName name() {
    return VolumeName.of(fields.get("VolumeName"));
  }

  public VolStatus status() {
    return VolStatus.fromBacula(fields.get("VolStatus"));
  }

  public int slot() {
    return intField("Slot");
  }

  public boolean inChanger() {
    return intField("InChanger") != 0;
  }

  public long bytes() {
    return longField("VolBytes");
  }

  public int enabled() {
    return intField("Enabled");
  }

  public long mediaId() {
    return longField("MediaId");
  }

  /** Seconds until the volume's retention ends; 0 or negative once it has passed. */
  public long expiresIn() {
    return longField("ExpiresIn");
  }

  public long volJobs() {
    return longField("VolJobs");
  }

  public String mediaType() {
    return fields.getOrDefault("MediaType", "");
  }

  /** A field as printed, if present. */
  public Optional<String> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  private int intField(String key) {
    return (int) longField(key);
  }

  private long longField(String key) {
    String v = fields.get(key);
    if (v == null || v.isEmpty() || v.equals("NULL")) {
      return 0;
    }
    return Long.parseLong(v.replace(",", ""));
  }
}
