package io.tapeflow.bacula.console;

/** Commands the captures contain that tapeflow's builders do not make (test use only). */
public final class TestCommands {
  private TestCommands() {}

  /** A {@code .sql} with any query text, as captured. */
  public static BconsoleCommand sql(String query) {
    return BconsoleCommand.builder(".sql").quotedKeyword("query", query).rawOutput().build();
  }
}
