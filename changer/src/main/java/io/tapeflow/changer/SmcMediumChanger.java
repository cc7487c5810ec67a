package io.tapeflow.changer;

import io.tapeflow.changer.scsi.ScsiTransport;
import io.tapeflow.changer.smc.ScsiFailures;
import io.tapeflow.changer.smc.SmcCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediumChanger} speaking SMC-3 over a {@link ScsiTransport} (libiscsi or SG_IO): a facade
 * over the identification ({@link SmcIdentity}), the inventory reader with its page 1Dh cache
 * ({@link SmcInventoryReader}) and the retrying command runner ({@link SmcCommandRunner}). A unit
 * attention restarts an inventory pass, and makes a move read the inventory again and re-validate,
 * at most {@link Options#maxUnitAttentions()} times in a row.
 */
public final class SmcMediumChanger extends AbstractMediumChanger {
  private static final Logger log = LoggerFactory.getLogger(SmcMediumChanger.class);

  private final SmcCommandRunner runner;
  private final SmcInventoryReader reader;
  private final String description;

  /**
   * Tunables, built with {@link #newBuilder()} (the defaults) or {@link #toBuilder()}.
   *
   * @param maxUnitAttentions unit attentions absorbed in a row before one escapes (5)
   * @param maxRetries retries of a NOT READY (retryable) or BUSY answer (6)
   * @param initialBackoff the first pause before such a retry, doubled each time (1 s)
   * @param maxBackoff the longest pause (30 s)
   * @param maxAllocation the largest READ ELEMENT STATUS allocation (128 KiB: inside common SG_IO
   *     limits, and 1600 tagged elements fit); bigger reports are paged
   * @param commandTimeout timeout of inquiry, mode sense and element status commands (5 min)
   * @param moveTimeout timeout of MOVE MEDIUM (5 min)
   * @param initializeTimeout timeout of INITIALIZE ELEMENT STATUS (30 min)
   * @param lockTimeout how long a move waits for the changer lock (10 min)
   * @param sleeper how to pause between retries (tests pass one that records)
   */
  public record Options(
      int maxUnitAttentions,
      int maxRetries,
      Duration initialBackoff,
      Duration maxBackoff,
      int maxAllocation,
      Duration commandTimeout,
      Duration moveTimeout,
      Duration initializeTimeout,
      Duration lockTimeout,
      Sleeper sleeper) {

    public Options {
      if (maxAllocation < 1024 || maxAllocation > 0xFFFFFF) {
        throw new IllegalArgumentException(
            "maxAllocation must be 1024..16777215: " + maxAllocation);
      }
      if (maxUnitAttentions < 0 || maxRetries < 0) {
        throw new IllegalArgumentException(
            "maxUnitAttentions and maxRetries must not be negative: "
                + maxUnitAttentions
                + ", "
                + maxRetries);
      }
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      Objects.requireNonNull(moveTimeout, "moveTimeout");
      Objects.requireNonNull(initializeTimeout, "initializeTimeout");
      Objects.requireNonNull(lockTimeout, "lockTimeout");
      Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The defaults. */
    public static Options defaults() {
      return newBuilder().build();
    }

    /** A builder holding the defaults. */
    public static Builder newBuilder() {
      return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
      return new Builder()
          .setMaxUnitAttentions(maxUnitAttentions)
          .setMaxRetries(maxRetries)
          .setInitialBackoff(initialBackoff)
          .setMaxBackoff(maxBackoff)
          .setMaxAllocation(maxAllocation)
          .setCommandTimeout(commandTimeout)
          .setMoveTimeout(moveTimeout)
          .setInitializeTimeout(initializeTimeout)
          .setLockTimeout(lockTimeout)
          .setSleeper(sleeper);
    }

    /** Builds {@link Options}; {@link #build()} validates. */
    public static final class Builder {
      private int maxUnitAttentions = 5;
      private int maxRetries = 6;
      private Duration initialBackoff = Duration.ofSeconds(1);
      private Duration maxBackoff = Duration.ofSeconds(30);
      private int maxAllocation = 128 * 1024;
      private Duration commandTimeout = Duration.ofMinutes(5);
      private Duration moveTimeout = Duration.ofMinutes(5);
      private Duration initializeTimeout = Duration.ofMinutes(30);
      private Duration lockTimeout = ChangerLock.DEFAULT_TIMEOUT;
      private Sleeper sleeper = Sleeper.REAL;

      private Builder() {}

      public Builder setMaxUnitAttentions(int n) {
        this.maxUnitAttentions = n;
        return this;
      }

      public Builder setMaxRetries(int n) {
        this.maxRetries = n;
        return this;
      }

      public Builder setInitialBackoff(Duration d) {
        this.initialBackoff = d;
        return this;
      }

      public Builder setMaxBackoff(Duration d) {
        this.maxBackoff = d;
        return this;
      }

      public Builder setMaxAllocation(int bytes) {
        this.maxAllocation = bytes;
        return this;
      }

      public Builder setCommandTimeout(Duration d) {
        this.commandTimeout = d;
        return this;
      }

      public Builder setMoveTimeout(Duration d) {
        this.moveTimeout = d;
        return this;
      }

      public Builder setInitializeTimeout(Duration d) {
        this.initializeTimeout = d;
        return this;
      }

      public Builder setLockTimeout(Duration d) {
        this.lockTimeout = d;
        return this;
      }

      public Builder setSleeper(Sleeper s) {
        this.sleeper = s;
        return this;
      }

      public Options build() {
        return new Options(
            maxUnitAttentions,
            maxRetries,
            initialBackoff,
            maxBackoff,
            maxAllocation,
            commandTimeout,
            moveTimeout,
            initializeTimeout,
            lockTimeout,
            sleeper);
      }
    }
  }

  /** Pauses between retries. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * A changer over an open transport.
   *
   * @param transport the session to the changer's LUN; closed by {@link #close()}
   * @param lock the changer's host-wide lock
   * @param description how messages name the changer (the URI, never with a password)
   */
  public SmcMediumChanger(
      ScsiTransport transport, ChangerLock lock, String description, Options options) {
    super(lock, options.lockTimeout(), options.maxUnitAttentions());
    this.runner = new SmcCommandRunner(transport, options);
    this.description = Objects.requireNonNull(description, "description");
    this.reader = new SmcInventoryReader(runner, description);
  }

  /**
   * Identifies the device behind {@code transport} (INQUIRY, VPD 80h serial), checks that it is a
   * medium changer, and returns a changer whose lock is keyed by that identity.
   *
   * @param uri how it was reached: names it in messages and keys the lock when it has no serial
   * @param lockDirectory where lock files live (see {@link ChangerLock#DEFAULT_DIRECTORY})
   * @throws WrongDeviceException when the LUN is not a medium changer
   */
  public static SmcMediumChanger open(
      ScsiTransport transport, ChangerUri uri, Path lockDirectory, Options options) {
    String identity = identify(transport, uri, options);
    return new SmcMediumChanger(
        transport, ChangerLock.forIdentity(lockDirectory, identity), uri.toString(), options);
  }

  /**
   * The identity a changer's lock is keyed by, read from the device (see {@link SmcIdentity}).
   *
   * @throws WrongDeviceException when the device is not a medium changer
   */
  static String identify(ScsiTransport transport, ChangerUri uri, Options options) {
    return SmcIdentity.read(new SmcCommandRunner(transport, options), uri);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    runner.transport().close();
  }

  @Override
  protected Inventory readInventory() {
    return reader.read();
  }

  @Override
  protected void moveMedium(Inventory inventory, Element from, Element to) {
    int transportAddress =
        inventory.ofType(ElementType.TRANSPORT).stream()
            .findFirst()
            .map(Element::address)
            .orElse(0);
    runner.noData(
        SmcCommands.moveMedium(transportAddress, from.address(), to.address()),
        runner.options().moveTimeout(),
        new ScsiFailures.Context(
            description, "MOVE MEDIUM " + from.location() + " -> " + to.location(), from, to));
    log.debug("{}: moved {} to {}", description, from.describe(), to.location());
  }

  @Override
  public void initializeElementStatus() {
    reader.forgetPage();
    runner.noData(
        SmcCommands.initializeElementStatus(),
        runner.options().initializeTimeout(),
        ScsiFailures.Context.of(description, "INITIALIZE ELEMENT STATUS"));
  }
}
