package io.tapeflow.bacula.console;

import io.tapeflow.bacula.model.JobId;
import io.tapeflow.bacula.model.VolumeName;

/**
 * A fixed catalog query for {@code .sql}, where a listing is too coarse. The text is built here
 * only, from constants and validated values (a {@link VolumeName} cannot hold a quote), never from
 * free text: {@code .sql} runs raw SQL.
 */
public final class SqlQuery {
  private final String sql;
  private final int columns;

  private SqlQuery(String sql, int columns) {
    this.sql = sql;
    this.columns = columns;
  }

  /** VolumeName, VolStatus, Slot, InChanger, StorageId of one volume (0 or 1 row). */
  public static SqlQuery volumeLocation(VolumeName volume) {
    return new SqlQuery(
        "SELECT VolumeName, VolStatus, Slot, InChanger, StorageId FROM Media WHERE VolumeName='"
            + volume.value()
            + "'",
        5);
  }

  /** VolumeName, VolStatus, Slot, InChanger of every volume, by slot. */
  public static SqlQuery allVolumeLocations() {
    return new SqlQuery(
        "SELECT VolumeName, VolStatus, Slot, InChanger FROM Media ORDER BY Slot, VolumeName", 4);
  }

  /** The distinct volumes a job wrote or read, in order of use (VolumeName). */
  public static SqlQuery volumesOfJob(JobId job) {
    return new SqlQuery(
        "SELECT DISTINCT Media.VolumeName FROM JobMedia JOIN Media ON JobMedia.MediaId ="
            + " Media.MediaId WHERE JobMedia.JobId="
            + job.value()
            + " ORDER BY Media.VolumeName",
        1);
  }

  /**
   * The jobs with data on one volume, by JobId: JobId, job name, client name, Level, JobBytes,
   * JobFiles, EndTime (for the manifest of an archived tape).
   */
  public static SqlQuery jobsOnVolume(VolumeName volume) {
    return new SqlQuery(
        "SELECT DISTINCT Job.JobId, Job.Name, Client.Name, Job.Level, Job.JobBytes, Job.JobFiles,"
            + " Job.EndTime FROM JobMedia JOIN Media ON JobMedia.MediaId = Media.MediaId JOIN Job"
            + " ON JobMedia.JobId = Job.JobId JOIN Client ON Job.ClientId = Client.ClientId WHERE"
            + " Media.VolumeName='"
            + volume.value()
            + "' ORDER BY Job.JobId",
        7);
  }

  /** JobStatus, Type, JobErrors of one job (0 or 1 row). */
  public static SqlQuery jobStatus(JobId job) {
    return new SqlQuery("SELECT JobStatus, Type, JobErrors FROM Job WHERE JobId=" + job.value(), 3);
  }

  /** The SQL text. */
  public String sql() {
    return sql;
  }

  /** How many columns each row has (rows are cut by this count). */
  public int columns() {
    return columns;
  }

  /** The {@code .sql} command for this query. */
  public BconsoleCommand command() {
    return BconsoleCommand.builder(".sql").quotedKeyword("query", sql).rawOutput().build();
  }

  @Override
  public String toString() {
    return sql;
  }
}
