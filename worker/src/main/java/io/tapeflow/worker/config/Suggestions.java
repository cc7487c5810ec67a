package io.tapeflow.worker.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known word nearest to a misspelt one, by edit distance. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, if one is close enough to be what was meant: at most a
   * third of its letters different (at least 2), or the same ignoring case and '-'/'_'.
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String w = fold(word);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, fold(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, Math.max(word.length(), 1) / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
