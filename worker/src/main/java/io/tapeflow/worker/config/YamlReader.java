package io.tapeflow.worker.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tapeflow.worker.config.YamlNode.Entry;
import io.tapeflow.worker.config.YamlNode.ListNode;
import io.tapeflow.worker.config.YamlNode.MapNode;
import io.tapeflow.worker.config.YamlNode.Scalar;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser, whose token
 * locations give each node's line. A syntax error, or a key written twice, is a {@link ConfigError}
 * naming the line and the key path reached.
 */
final class YamlReader {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  private final Problems problems;
  private String path = "";

  private YamlReader(Problems problems) {
    this.problems = problems;
  }

  /** The document's root, or empty when the text is not YAML (the error is in {@code problems}). */
  static Optional<YamlNode> read(String text, Problems problems) {
    return new YamlReader(problems).document(text);
  }

  private Optional<YamlNode> document(String text) {
    try (JsonParser p = YAML.createParser(new StringReader(text))) {
      if (p.nextToken() == null) {
        problems.add(0, "", "the file is empty");
        return Optional.empty();
      }
      return Optional.of(value(p));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(Math.max(line, 0), path, "YAML syntax error: " + firstLine(e));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private YamlNode value(JsonParser p) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return mapping(p, line);
    }
    if (t == JsonToken.START_ARRAY) {
      String here = path;
      List<YamlNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        path = here + "[" + items.size() + "]";
        items.add(value(p));
      }
      path = here;
      return new ListNode(line, items);
    }
    return new Scalar(line, t == JsonToken.VALUE_NULL ? null : p.getText());
  }

  private MapNode mapping(JsonParser p, int line) throws IOException {
    String here = path;
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = p.currentTokenLocation().getLineNr();
      path = here.isEmpty() ? key : here + "." + key;
      p.nextToken();
      YamlNode v = value(p);
      Entry first = entries.putIfAbsent(key, new Entry(keyLine, v));
      if (first != null) {
        problems.add(
            keyLine, path, "written twice (first on line " + first.keyLine() + "); keep one");
      }
    }
    path = here;
    return new MapNode(line, entries);
  }

  /** The parser's own message without its excerpt of the file. */
  private static String firstLine(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return m.strip().lines().findFirst().orElse(m).strip();
  }
}
