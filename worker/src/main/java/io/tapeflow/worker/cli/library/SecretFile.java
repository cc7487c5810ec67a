package io.tapeflow.worker.cli.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a secret from a file: one line, surrounding whitespace dropped. Never shows the secret. */
final class SecretFile {
  private SecretFile() {}

  /**
   * The secret in {@code file}.
   *
   * @param what names the secret in messages, e.g. "the CHAP secret"
   * @throws IllegalArgumentException naming the file (not its content) when it is unreadable, empty
   *     or longer than one line
   */
  static String read(Path file, String what) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + what + " from " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    List<String> nonEmpty = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (nonEmpty.size() != 1) {
      throw new IllegalArgumentException(
          file + " must hold " + what + " on one line; it has " + nonEmpty.size() + " lines");
    }
    return nonEmpty.get(0);
  }
}
