package io.tapeflow.bacula.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a bconsole configuration points, for messages only (never reads the password). */
final class DirectorAddress {
  private static final Pattern ADDRESS =
      Pattern.compile("(?im)^\\s*address\\s*=\\s*\"?([^\"\\s]+)\"?");
  private static final Pattern PORT = Pattern.compile("(?im)^\\s*dirport\\s*=\\s*\"?([0-9]+)\"?");

  private DirectorAddress() {}

  static String describe(Path config) {
    String text;
    try {
      text = Files.readString(config, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "(configured in " + config + ")";
    }
    Matcher a = ADDRESS.matcher(text);
    Matcher p = PORT.matcher(text);
    String host = a.find() ? a.group(1) : "localhost";
    String port = p.find() ? p.group(1) : "9101";
    return host.toLowerCase(Locale.ROOT) + ":" + port;
  }
}
