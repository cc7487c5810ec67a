package io.tapeflow.worker.config;

import java.util.List;
import java.util.Map;

/**
 * The YAML document as read, each node with the line it starts on, so every error can name the
 * file's line. Only what the config needs: mappings, sequences and scalars (as their text).
 */
sealed interface YamlNode {

  /** The 1-based line where the node starts. */
  int line();

  /** What the node is, for messages: "a mapping", "a list", "a value". */
  String kind();

  /** A mapping; keys keep their order, each with the line it is written on. */
  record MapNode(int line, Map<String, Entry> entries) implements YamlNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping: the key's line and its value. */
  record Entry(int keyLine, YamlNode value) {}

  /** A sequence. */
  record ListNode(int line, List<YamlNode> items) implements YamlNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar: its text, or null for YAML's null ({@code ~}, {@code null}, nothing after the colon).
   */
  record Scalar(int line, String text) implements YamlNode {
    @Override
    public String kind() {
      return "a value";
    }

    boolean isNull() {
      return text == null;
    }
  }
}
