package io.tapeflow.workflows.lifecycle;

import java.time.Duration;

/**
 * The S3 storage class behind a Virtual Tape Shelf pool, with what tapeflow plans by: AWS's minimum
 * storage duration (deleting earlier is charged for the remaining days) and how long a retrieval
 * typically takes.
 */
public enum StorageClass {
  /** S3 Glacier Flexible Retrieval: 90 days minimum, tapes back in 3 to 5 hours. */
  GLACIER(Duration.ofDays(90), Duration.ofHours(5), "typically 3 to 5 hours"),
  /** S3 Glacier Deep Archive: 180 days minimum, tapes back within 12 hours. */
  DEEP_ARCHIVE(Duration.ofDays(180), Duration.ofHours(12), "up to 12 hours");

  private final Duration minimumStorage;
  private final Duration retrievalWithin;
  private final String retrievalTime;

  StorageClass(Duration minimumStorage, Duration retrievalWithin, String retrievalTime) {
    this.minimumStorage = minimumStorage;
    this.retrievalWithin = retrievalWithin;
    this.retrievalTime = retrievalTime;
  }

  /** AWS's minimum storage duration. */
  public Duration minimumStorage() {
    return minimumStorage;
  }

  /** How long a retrieval takes at most, typically. */
  public Duration retrievalWithin() {
    return retrievalWithin;
  }

  /** The retrieval time profile, in words for people. */
  public String retrievalTime() {
    return retrievalTime;
  }

  /** The class the gateway names ({@code GLACIER}, {@code DEEP_ARCHIVE}), or null if none. */
  public static StorageClass parse(String name) {
    if (name == null) {
      return null;
    }
    for (StorageClass c : values()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
