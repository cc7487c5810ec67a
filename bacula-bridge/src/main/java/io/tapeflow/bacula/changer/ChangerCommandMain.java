package io.tapeflow.bacula.changer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Changer Command's process entry point, lean on purpose (no CLI framework, nothing loaded that
 * a call does not need): Bacula's storage daemon starts it dozens of times per label run.
 *
 * <pre>ChangerCommandMain [--lock-dir DIR] [--socket PATH] [--ready-timeout MILLIS] [--log FILE]
 *     CHANGER-URI OPERATION [SLOT ARCHIVE-DEVICE DRIVE-INDEX]</pre>
 *
 * With {@code --socket} it first asks a running tapeflow changer service; when none answers it
 * opens the changer itself. Prints the answer on stdout and exits 0, or a one-line reason and 1.
 * stderr is closed before anything else runs (logging, when wanted, goes to {@code --log}): the
 * storage daemon merges stderr into stdout, and one stray line breaks {@code loaded}.
 */
public final class ChangerCommandMain {
  /** Where tapeflow keeps its host-wide changer locks unless told otherwise. */
  public static final Path DEFAULT_LOCK_DIR = Path.of("/run/tapeflow/locks");

  private ChangerCommandMain() {}

  public static void main(String[] args) {
    PrintStream stdout =
        new PrintStream(
            new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    ChangerReply reply;
    try {
      reply = run(List.of(args), StandardChangerOpener.INSTANCE);
    } catch (RuntimeException | Error e) {
      reply = ChangerReply.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    stdout.print(reply.stdout());
    stdout.flush();
    System.exit(reply.exitCode());
  }

  /** Parses the options, then asks the service or carries the call out directly. */
  public static ChangerReply run(List<String> args, ChangerOpener opener) {
    Path lockDir = DEFAULT_LOCK_DIR;
    Path socket = null;
    Duration ready = Duration.ofSeconds(60);
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--lock-dir" -> lockDir = Path.of(value(args, ++i, a));
        case "--socket" -> socket = Path.of(value(args, ++i, a));
        case "--ready-timeout" -> ready = Duration.ofMillis(millis(value(args, ++i, a)));
        case "--log" -> redirectLog(Path.of(value(args, ++i, a)));
        default -> rest.add(a);
      }
    }
    if (socket != null) {
      Optional<ChangerReply> r = ChangerClient.call(socket, rest);
      if (r.isPresent()) {
        return r.get();
      }
    }
    ChangerRequest request;
    try {
      request = ChangerRequest.parse(rest);
    } catch (ChangerProtocolException e) {
      return ChangerReply.failed(e.getMessage());
    }
    try (var changer = opener.open(request.changer(), lockDir)) {
      return new ChangerCommand(changer, new FileDriveReadiness(ready, Duration.ofMillis(20)))
          .execute(request);
    } catch (RuntimeException e) {
      return ChangerReply.failed(e.getMessage());
    }
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new ChangerProtocolException(option + " needs a value");
    }
    return args.get(i);
  }

  private static long millis(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ChangerProtocolException("--ready-timeout takes milliseconds, got '" + s + "'");
    }
  }

  private static void redirectLog(Path file) {
    try {
      System.setErr(
          new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8));
    } catch (IOException e) {
      // no log then; nothing may reach the storage daemon
    }
  }
}
