package io.tapeflow.bacula.console;

import io.tapeflow.bacula.model.InvalidValueException;
import io.tapeflow.bacula.model.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One bconsole command line, plus the lines that answer the questions it is known to ask and the
 * mode lines ({@code .api 2}) it needs first. Built only through {@link #builder}, which checks
 * every word, keyword and value: nothing that could end the line, start a local {@code @} command,
 * regroup arguments or repeat a keyword can get in.
 */
public final class BconsoleCommand {
  /** Values: Bacula names, numbers, slot lists, absolute paths. Never quotes, spaces or '='. */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9:._,/+-]{1,127}");

  private static final Pattern WORD = Pattern.compile("\\.?[a-z][a-z0-9_]{0,31}");
  private static final Pattern ANSWER = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final Pattern MODE = Pattern.compile("\\.api [0-2]( api_opts=[A-Za-z0-9]{1,8})?");

  private final String line;
  private final List<String> answers;
  private final List<String> modes;
  private final boolean rawOutput;

  private BconsoleCommand(String line, List<String> answers, List<String> modes, boolean raw) {
    this.line = line;
    this.answers = List.copyOf(answers);
    this.modes = List.copyOf(modes);
    this.rawOutput = raw;
  }

  /** Starts a command with its verb ({@code update}, {@code list}, {@code .sql}, ...). */
  public static Builder builder(String verb) {
    return new Builder(verb);
  }

  /** The command line sent to the Director. */
  public String line() {
    return line;
  }

  /** The lines sent right after the command, answering the questions it asks. */
  public List<String> answers() {
    return answers;
  }

  /** Lines sent before the command to set the console mode (e.g. {@code .api 2}). */
  public List<String> modes() {
    return modes;
  }

  /**
   * True when the reply may end without a newline because it is raw data ({@code .sql} rows end in
   * a TAB and run into the next echoed line); otherwise text glued in front of the end marker is a
   * question that was left unanswered.
   */
  public boolean rawOutput() {
    return rawOutput;
  }

  @Override
  public String toString() {
    return line;
  }

  /** Builds a {@link BconsoleCommand}; every method validates what it is given. */
  public static final class Builder {
    private final StringBuilder line = new StringBuilder();
    private final Set<String> keywords = new HashSet<>();
    private final List<String> answers = new ArrayList<>();
    private final List<String> modes = new ArrayList<>();
    private boolean raw;

    private Builder(String verb) {
      word(verb);
    }

    /** A bare word: a sub-command ({@code slots}, {@code barcodes}) or a flag ({@code yes}). */
    public Builder word(String word) {
      if (word == null || !WORD.matcher(word).matches()) {
        throw new InvalidValueException(
            "command word " + (word == null ? "(missing)" : Names.quote(word)) + " is not allowed");
      }
      if (!keywords.add(word)) {
        throw repeated(word);
      }
      append(word);
      return this;
    }

    /** A {@code key=value} argument. The value must be a name, number, slot list or path. */
    public Builder keyword(String key, Object value) {
      if (key == null || !WORD.matcher(key).matches() || key.charAt(0) == '.') {
        throw new InvalidValueException(
            "keyword " + (key == null ? "(missing)" : Names.quote(key)) + " is not allowed");
      }
      String v = value == null ? null : value.toString();
      if (v == null || !VALUE.matcher(v).matches()) {
        throw new InvalidValueException(
            "value of "
                + key
                + "= "
                + (v == null ? "is missing" : Names.quote(v) + " " + valueProblem(v))
                + "; nothing was sent to bconsole");
      }
      if (!keywords.add(key)) {
        throw repeated(key);
      }
      append(key + "=" + v);
      return this;
    }

    /**
     * A {@code key="value"} argument for text that needs quotes (only {@code .sql}'s query). The
     * value may not contain a double quote, a backslash or a line break.
     */
    Builder quotedKeyword(String key, String value) {
      if (value == null
          || value.isEmpty()
          || value.length() > 4000
          || value.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c))) {
        throw new InvalidValueException(
            "quoted value of "
                + key
                + "= may not be empty or contain quotes, backslashes or"
                + " control characters");
      }
      if (!keywords.add(key)) {
        throw repeated(key);
      }
      append(key + "=\"" + value + "\"");
      return this;
    }

    /** A line answering the question the command asks (e.g. {@code yes}). */
    public Builder answer(String answer) {
      if (answer == null || !ANSWER.matcher(answer).matches()) {
        throw new InvalidValueException(
            "answer " + (answer == null ? "(missing)" : Names.quote(answer)) + " is not allowed");
      }
      answers.add(answer);
      return this;
    }

    /** A mode line sent before the command, e.g. {@code .api 2}. */
    public Builder mode(String mode) {
      if (mode == null || !MODE.matcher(mode).matches()) {
        throw new InvalidValueException(
            "console mode " + (mode == null ? "(missing)" : Names.quote(mode)) + " is not allowed");
      }
      modes.add(mode);
      return this;
    }

    /** Marks the reply as raw data that may run into the next line (see {@link #rawOutput()}). */
    Builder rawOutput() {
      raw = true;
      return this;
    }

    public BconsoleCommand build() {
      return new BconsoleCommand(line.toString(), answers, modes, raw);
    }

    private void append(String token) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(token);
    }

    private static InvalidValueException repeated(String key) {
      return new InvalidValueException(
          "keyword "
              + key
              + " is given twice; bconsole would silently use the first one, so nothing was sent");
    }

    private static String valueProblem(String v) {
      if (v.isEmpty()) {
        return "is empty";
      }
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        return "contains a line break, which would end the command and start another";
      }
      if (v.charAt(0) == '@') {
        return "starts with '@', which bconsole runs as a local command (@exec runs a program)";
      }
      if (v.indexOf('"') >= 0 || v.indexOf('\'') >= 0) {
        return "contains a quote, which would regroup the command's arguments";
      }
      if (v.indexOf('=') >= 0) {
        return "contains '=', which would add a keyword to the command";
      }
      if (v.length() > 127) {
        return "is " + v.length() + " characters long (at most 127)";
      }
      return "contains characters outside A-Z a-z 0-9 : . _ , / + -";
    }
  }
}
