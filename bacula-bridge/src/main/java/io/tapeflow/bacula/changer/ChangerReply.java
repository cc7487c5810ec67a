package io.tapeflow.bacula.changer;

/**
 * What the Changer Command prints on stdout and its exit code: 0 success, 1 failure (the storage
 * daemon shows a failed call's stdout after {@code Results=}). Nothing is ever printed on stderr:
 * the storage daemon merges it into stdout and a stray line breaks {@code loaded}.
 */
public record ChangerReply(String stdout, int exitCode) {

  public static ChangerReply ok(String stdout) {
    return new ChangerReply(stdout, 0);
  }

  public static ChangerReply failed(String message) {
    String m = message == null || message.isBlank() ? "changer command failed" : message.strip();
    return new ChangerReply(m.replace('\n', ' ') + "\n", 1);
  }
}
