package io.tapeflow.worker.config;

import io.tapeflow.worker.config.YamlNode.Entry;
import io.tapeflow.worker.config.YamlNode.ListNode;
import io.tapeflow.worker.config.YamlNode.MapNode;
import io.tapeflow.worker.config.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of the config being read: typed reads of its keys, each failure added to {@link
 * Problems} with the key's path and line, and, at {@link #finish()}, every key nobody asked for
 * reported as unknown with the nearest known key suggested.
 */
final class Section {
  private final MapNode node;
  private final String path;
  private final Problems problems;
  private final Set<String> known = new LinkedHashSet<>();

  private Section(MapNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** The node as a section, or empty (and an error) when it is not a mapping. */
  static Optional<Section> of(YamlNode n, String path, Problems problems) {
    if (n instanceof MapNode m) {
      return Optional.of(new Section(m, path, problems));
    }
    problems.add(n.line(), path, "expected a mapping of keys, got " + n.kind());
    return Optional.empty();
  }

  Problems problems() {
    return problems;
  }

  /** The path of a key of this section. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The line of a key, or of the section when the key is absent. */
  int line(String key) {
    Entry e = node.entries().get(key);
    return e == null ? node.line() : e.keyLine();
  }

  /** Adds an error about a key, on its line. */
  void error(String key, String message) {
    problems.add(line(key), path(key), message);
  }

  /** The key's value node when present and not null. */
  Optional<YamlNode> raw(String key) {
    known.add(key);
    Entry e = node.entries().get(key);
    if (e == null || (e.value() instanceof Scalar s && s.isNull())) {
      return Optional.empty();
    }
    problems.line(path(key), e.keyLine());
    return Optional.of(e.value());
  }

  boolean has(String key) {
    return raw(key).isPresent();
  }

  /** A scalar's text, or empty when absent; an error when it is not a single value. */
  Optional<String> text(String key) {
    Optional<YamlNode> n = raw(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof Scalar s) {
      return Optional.of(s.text().strip());
    }
    error(key, "expected a single value, got " + n.get().kind());
    return Optional.empty();
  }

  /** Like {@link #text} but an error when absent; {@code expected} says what to write. */
  Optional<String> requiredText(String key, String expected) {
    Optional<String> t = text(key);
    if (t.isEmpty() && !present(key)) {
      problems.add(node.line(), path(key), "missing: expected " + expected);
    } else if (t.isPresent() && t.get().isEmpty()) {
      error(key, "empty: expected " + expected);
      return Optional.empty();
    }
    return t;
  }

  private boolean present(String key) {
    Entry e = node.entries().get(key);
    return e != null && !(e.value() instanceof Scalar s && s.isNull());
  }

  /**
   * The value converted by {@code parse}; its IllegalArgumentException's message becomes the error,
   * prefixed by nothing (messages name the value themselves).
   */
  <T> Optional<T> value(String key, boolean required, String expected, Function<String, T> parse) {
    Optional<String> t = required ? requiredText(key, expected) : text(key);
    if (t.isEmpty() || t.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(t.get()));
    } catch (IllegalArgumentException e) {
      error(key, e.getMessage());
      return Optional.empty();
    }
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String key, int fallback, int min, int max) {
    return value(
            key,
            false,
            "",
            s -> {
              int v;
              try {
                v = Integer.parseInt(s);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number", e);
              }
              if (v < min || v > max) {
                throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
              }
              return v;
            })
        .orElse(fallback);
  }

  /** A nested section, or empty when absent (an error too when {@code required}). */
  Optional<Section> section(String key, boolean required) {
    Optional<YamlNode> n = raw(key);
    if (n.isEmpty()) {
      if (required) {
        problems.add(node.line(), path(key), "missing: expected a mapping of keys");
      }
      return Optional.empty();
    }
    return of(n.get(), path(key), problems);
  }

  /** The items of a list with their paths; an error when absent and required, or not a list. */
  List<Item> list(String key, boolean required) {
    Optional<YamlNode> n = raw(key);
    if (n.isEmpty()) {
      if (required) {
        problems.add(node.line(), path(key), "missing: expected a list with at least one entry");
      }
      return List.of();
    }
    if (!(n.get() instanceof ListNode l)) {
      error(key, "expected a list, got " + n.get().kind());
      return List.of();
    }
    if (l.items().isEmpty() && required) {
      error(key, "empty: expected at least one entry");
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < l.items().size(); i++) {
      items.add(new Item(path(key) + "[" + i + "]", l.items().get(i)));
    }
    return items;
  }

  /** One entry of a list. */
  record Item(String path, YamlNode node) {}

  /** Reports every key of this section that no read asked for. */
  void finish() {
    for (var e : node.entries().entrySet()) {
      String key = e.getKey();
      if (known.contains(key)) {
        continue;
      }
      String hint =
          Suggestions.nearest(key, known)
              .map(k -> "did you mean '" + k + "'?")
              .orElse("known keys: " + String.join(", ", known));
      problems.add(e.getValue().keyLine(), path(key), "unknown key (" + hint + ")");
    }
  }
}
