package io.tapeflow.bacula.parse;

import io.tapeflow.bacula.BconsoleOutputException;
import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.VolStatus;
import io.tapeflow.bacula.model.VolumeJob;
import io.tapeflow.bacula.model.VolumeLocation;
import io.tapeflow.bacula.model.VolumeName;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The rows of tapeflow's fixed catalog queries ({@link io.tapeflow.bacula.console.SqlQuery}) and
 * the catalog's own spellings of numbers and times, read into typed values in one place.
 */
public final class CatalogRows {
  private static final DateTimeFormatter CATALOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CatalogRows() {}

  /**
   * A count as the catalog or a listing prints it: {@code NULL} or nothing is 0, thousands
   * separators ({@code 1,048,576}) are dropped.
   *
   * @throws BconsoleOutputException if the text is not a whole number
   */
  public static long count(String text) {
    if (text == null || text.isBlank() || text.strip().equals("NULL")) {
      return 0;
    }
    String digits = text.replace(",", "").strip();
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new BconsoleOutputException("the catalog value '" + text + "' is not a number");
    }
  }

  /** A duration the catalog keeps in seconds (VolRetention, VolUseDuration). */
  public static Duration seconds(String text) {
    return Duration.ofSeconds(count(text));
  }

  /**
   * A catalog timestamp ({@code 2026-03-01 12:00:05}, the catalog's local time). Empty for the
   * catalog's ways of saying "never": nothing, {@code NULL}, {@code 0000-00-00 00:00:00}; empty too
   * for text that is no timestamp, which a listing shows for a time it cannot print.
   */
  public static Optional<LocalDateTime> timestamp(String text) {
    if (text == null || text.isBlank() || text.startsWith("0000") || text.strip().equals("NULL")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip(), CATALOG_TIME));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A row of {@code SqlQuery.volumeLocation} (5 columns) or {@code allVolumeLocations} (4). */
  public static VolumeLocation volumeLocation(List<String> row) {
    return new VolumeLocation(
        VolumeName.of(row.get(0)),
        VolStatus.fromBacula(row.get(1)),
        (int) count(row.get(2)),
        count(row.get(3)) != 0,
        row.size() > 4 ? count(row.get(4)) : 0);
  }

  /** A row of {@code SqlQuery.jobsOnVolume}. */
  public static VolumeJob volumeJob(List<String> row) {
    return new VolumeJob(
        JobId.of(count(row.get(0))),
        row.get(1),
        row.get(2),
        row.get(3),
        count(row.get(4)),
        count(row.get(5)),
        timestamp(row.get(6)).orElse(null));
  }
}
