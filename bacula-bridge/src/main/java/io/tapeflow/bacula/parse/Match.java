package io.tapeflow.bacula.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny helper so line-by-line parsers read as a chain of {@code if}s. */
final class Match {
  private Match() {}

  /** The matcher if {@code p} is found in {@code s}, else null. */
  static Matcher find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m : null;
  }
}
