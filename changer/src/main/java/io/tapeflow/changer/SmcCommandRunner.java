package io.tapeflow.changer;

import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SenseData;
import io.tapeflow.changer.smc.SmcCommands;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one SMC command at a time on a transport: GOOD (or RECOVERED ERROR) returns the response;
 * NOT READY (retryable cases) and BUSY / TASK SET FULL / ABORTED COMMAND are retried with
 * exponential backoff, a bounded number of times; 04/02 (initializing command required) sends
 * INITIALIZE ELEMENT STATUS once; anything else becomes the typed failure of {@link ScsiFailures}.
 * Unit attentions are thrown to the caller, which knows what to re-read.
 */
final class SmcCommandRunner {
  private static final Logger log = LoggerFactory.getLogger(SmcCommandRunner.class);

  private final ScsiTransport transport;
  private final SmcMediumChanger.Options options;

  SmcCommandRunner(ScsiTransport transport, SmcMediumChanger.Options options) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.options = Objects.requireNonNull(options, "options");
  }

  SmcMediumChanger.Options options() {
    return options;
  }

  ScsiTransport transport() {
    return transport;
  }

  /** The command's data, copied. */
  byte[] data(ScsiCommand command, ScsiFailures.Context ctx) {
    return run(command, ctx).data();
  }

  /** The command's data as a read-only view: no copy of a large answer. */
  ByteBuffer dataView(ScsiCommand command, ScsiFailures.Context ctx) {
    return run(command, ctx).dataView();
  }

  /** A command that moves no data (MOVE MEDIUM, INITIALIZE ELEMENT STATUS). */
  void noData(byte[] cdb, Duration timeout, ScsiFailures.Context ctx) {
    run(ScsiCommand.noData(cdb, timeout), ctx);
  }

  /** Runs one command, with the retries described on the class. */
  ScsiResponse run(ScsiCommand command, ScsiFailures.Context ctx) {
    int retries = 0;
    boolean initialized = command.opcode() == SmcCommands.INITIALIZE_ELEMENT_STATUS;
    while (true) {
      ScsiResponse r = transport.execute(command);
      if (r.ok()) {
        return r;
      }
      SenseData sense =
          r.status() == ScsiResponse.CHECK_CONDITION ? SenseData.decode(r.sense()) : null;
      if (sense != null && sense.senseKey() == SenseData.RECOVERED_ERROR) {
        log.warn("{}: {} succeeded with {}", ctx.changer(), ctx.command(), sense.describe());
        return r;
      }
      ChangerCommandException e = ScsiFailures.of(r, ctx);
      if (sense != null && sense.is(SenseData.NOT_READY, 0x04, 0x02) && !initialized) {
        initialized = true;
        log.info("{} needs INITIALIZE ELEMENT STATUS before {}", ctx.changer(), ctx.command());
        noData(
            SmcCommands.initializeElementStatus(),
            options.initializeTimeout(),
            ScsiFailures.Context.of(ctx.changer(), "INITIALIZE ELEMENT STATUS"));
        continue;
      }
      boolean transientAnswer =
          e instanceof ChangerNotReadyException
              || (e.getClass() == ChangerCommandException.class && e.retryable());
      if (!transientAnswer || !e.retryable() || retries >= options.maxRetries()) {
        throw e;
      }
      Duration pause = backoff(retries++);
      log.info("{}; retry {} in {}", e.getMessage(), retries, pause);
      try {
        options.sleeper().sleep(pause);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw e;
      }
    }
  }

  private Duration backoff(int retry) {
    Duration d = options.initialBackoff().multipliedBy(1L << Math.min(retry, 20));
    return d.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : d;
  }
}
