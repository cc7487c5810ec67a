package io.tapeflow.bacula.event;

import io.tapeflow.bacula.model.InvalidValueException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small entry point the Director's {@code RunScript} runs after every job (the same as {@code
 * tapeflow event job-end}, without loading the whole CLI):
 *
 * <pre>JobEventMain --spool DIR --job %i --status '%e' --volumes '%v' [--name '%n'] [--type '%t']
 * [--client '%c']</pre>
 *
 * Exit 0 once the event is stored; 2 with a one-line reason for bad input; 1 if it cannot be
 * stored.
 */
public final class JobEventMain {
  private static final Set<String> OPTIONS =
      Set.of("--spool", "--job", "--status", "--volumes", "--name", "--type", "--client");

  private JobEventMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.err));
  }

  /** Runs with these arguments; returns the exit code. */
  public static int run(List<String> args, PrintStream err) {
    Map<String, String> o = new HashMap<>();
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (!OPTIONS.contains(a) || i + 1 >= args.size()) {
          throw new InvalidValueException(
              OPTIONS.contains(a) ? a + " needs a value" : "unknown argument '" + a + "'");
        }
        if (o.put(a, args.get(++i)) != null) {
          throw new InvalidValueException(a + " is given twice");
        }
      }
      if (!o.containsKey("--spool")) {
        throw new InvalidValueException("--spool DIR is required");
      }
      if (!o.containsKey("--status")) {
        throw new InvalidValueException("--status is required (the Director's job exit status)");
      }
      JobEndEvent e =
          JobEndEvent.of(
              o.get("--job"),
              o.get("--status"),
              o.get("--volumes"),
              o.get("--name"),
              o.get("--type"),
              o.get("--client"),
              Instant.now());
      new SpoolJobEventSink(Path.of(o.get("--spool"))).accept(e);
      return 0;
    } catch (InvalidValueException e) {
      err.println("tapeflow event job-end: " + e.getMessage());
      err.flush();
      return 2;
    } catch (RuntimeException e) {
      err.println("tapeflow event job-end: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
