package io.tapeflow.bacula.changer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny protocol between the Changer Command's thin client and the tapeflow process that serves
 * it over a Unix socket. Request: {@code tapeflow-changer/1}, the argument count, then one argument
 * per line. Reply: the exit code on one line, then the stdout text until the connection closes.
 */
final class ChangerWire {
  static final String MAGIC = "tapeflow-changer/1";
  private static final int MAX_LINE = 4096;

  private ChangerWire() {}

  static byte[] request(List<String> args) {
    StringBuilder b = new StringBuilder(MAGIC).append('\n').append(args.size()).append('\n');
    for (String a : args) {
      if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
        throw new ChangerProtocolException("an argument contains a line break: refused");
      }
      b.append(a).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<String> readRequest(InputStream in) throws IOException {
    if (!MAGIC.equals(line(in))) {
      throw new IOException("not a tapeflow changer request");
    }
    int n;
    try {
      n = Integer.parseInt(line(in));
    } catch (NumberFormatException e) {
      throw new IOException("bad argument count", e);
    }
    if (n < 0 || n > 16) {
      throw new IOException("bad argument count " + n);
    }
    List<String> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      args.add(line(in));
    }
    return args;
  }

  static void writeReply(OutputStream out, ChangerReply r) throws IOException {
    out.write((r.exitCode() + "\n" + r.stdout()).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static ChangerReply readReply(InputStream in) throws IOException {
    String code = line(in);
    int exit;
    try {
      exit = Integer.parseInt(code);
    } catch (NumberFormatException e) {
      throw new IOException("bad reply from the changer service: " + code, e);
    }
    return new ChangerReply(new String(in.readAllBytes(), StandardCharsets.UTF_8), exit);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (b.size() >= MAX_LINE) {
        throw new IOException("line too long");
      }
      b.write(c);
    }
    if (c < 0 && b.size() == 0) {
      throw new IOException("connection closed");
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
