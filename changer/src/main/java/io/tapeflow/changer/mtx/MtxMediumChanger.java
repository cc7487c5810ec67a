package io.tapeflow.changer.mtx;

import io.tapeflow.changer.AbstractMediumChanger;
import io.tapeflow.changer.ChangerLock;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.IllegalRequestException;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.smc.ScsiFailures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link io.tapeflow.changer.MediumChanger} that drives the {@code mtx} program, for hosts where
 * only mtx is trusted. Addresses are mtx's numbers: drives 0..D-1, slots 1..S+I (I/E slots last); a
 * number naming both a drive and a slot must be given typed ({@code ElementAddress}).
 *
 * <p>Moves map to {@code load SLOT DRIVE}, {@code unload SLOT DRIVE} and {@code transfer SLOT
 * SLOT}; mtx cannot move drive to drive. Each move runs under the changer lock after a fresh {@code
 * mtx status}. mtx's failure texts and the sense it prints become the typed failures ({@link
 * MtxFailures}). mtx cannot report the unit serial number the lock is keyed by: open it with {@link
 * io.tapeflow.changer.Changers#open}, which reads that identity over SG_IO first, so that it takes
 * the same lock as any other URI of the changer.
 */
public final class MtxMediumChanger extends AbstractMediumChanger {
  private static final Logger log = LoggerFactory.getLogger(MtxMediumChanger.class);

  /**
   * Tunables of the mtx transport, built with {@link #newBuilder()} (the defaults) or {@link
   * #toBuilder()}.
   *
   * @param executable the mtx program ({@code mtx}: looked up on the PATH)
   * @param environment added to the environment of each mtx run
   * @param timeout how long one status or move may take
   * @param initializeTimeout how long {@code mtx inventory} may take
   * @param lockTimeout how long a move waits for the changer lock
   * @param maxUnitAttentions unit attentions a move absorbs in a row
   */
  public record Options(
      Path executable,
      Map<String, String> environment,
      Duration timeout,
      Duration initializeTimeout,
      Duration lockTimeout,
      int maxUnitAttentions) {

    public Options {
      Objects.requireNonNull(executable, "executable");
      environment = Map.copyOf(environment);
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
          .setExecutable(executable)
          .setEnvironment(environment)
          .setTimeout(timeout)
          .setInitializeTimeout(initializeTimeout)
          .setLockTimeout(lockTimeout)
          .setMaxUnitAttentions(maxUnitAttentions);
    }

    /** Builds {@link Options}. */
    public static final class Builder {
      private Path executable = Path.of("mtx");
      private Map<String, String> environment = Map.of();
      private Duration timeout = Duration.ofMinutes(10);
      private Duration initializeTimeout = Duration.ofMinutes(35);
      private Duration lockTimeout = ChangerLock.DEFAULT_TIMEOUT;
      private int maxUnitAttentions = 5;

      private Builder() {}

      public Builder setExecutable(Path mtx) {
        this.executable = mtx;
        return this;
      }

      public Builder setEnvironment(Map<String, String> env) {
        this.environment = env;
        return this;
      }

      public Builder setTimeout(Duration d) {
        this.timeout = d;
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

      public Builder setMaxUnitAttentions(int n) {
        this.maxUnitAttentions = n;
        return this;
      }

      public Options build() {
        return new Options(
            executable, environment, timeout, initializeTimeout, lockTimeout, maxUnitAttentions);
      }
    }
  }

  private final Path device;
  private final String description;
  private final MtxRunner runner;
  private final Options options;

  /**
   * A changer driving mtx on the node of an {@code mtx:} URI.
   *
   * @param lock the changer's host-wide lock: the one its other URIs take ({@link
   *     io.tapeflow.changer.Changers#open} finds it)
   */
  public MtxMediumChanger(ChangerUri uri, ChangerLock lock, Options options) {
    super(lock, options.lockTimeout(), options.maxUnitAttentions());
    if (uri.kind() != ChangerUri.Kind.MTX) {
      throw new IllegalArgumentException("not an mtx: changer URI: " + uri);
    }
    this.device = uri.devicePath();
    this.description = uri.toString();
    this.options = options;
    this.runner = new MtxRunner(options.executable(), options.environment());
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  protected Inventory readInventory() {
    MtxRunner.Result r = run(List.of("status"), options.timeout(), null, null);
    return MtxStatusParser.parse(r.stdout()).toInventory();
  }

  @Override
  protected void moveMedium(Inventory inventory, Element from, Element to) {
    List<String> args;
    if (from.type() == ElementType.DRIVE && to.type() == ElementType.DRIVE) {
      throw new IllegalRequestException(
          "mtx cannot move a cartridge from "
              + from.location()
              + " to "
              + to.location()
              + "; unload it to a free slot first, then load it",
          null);
    } else if (to.type() == ElementType.DRIVE) {
      args = List.of("load", slot(from), Integer.toString(to.address()));
    } else if (from.type() == ElementType.DRIVE) {
      args = List.of("unload", slot(to), Integer.toString(from.address()));
    } else {
      args = List.of("transfer", slot(from), slot(to));
    }
    run(args, options.timeout(), from, to);
    log.debug("{}: moved {} to {}", description, from.describe(), to.location());
  }

  private static String slot(Element e) {
    if (e.type() != ElementType.STORAGE && e.type() != ElementType.IMPORT_EXPORT) {
      throw new IllegalRequestException("mtx cannot move to or from " + e.location(), null);
    }
    return Integer.toString(e.address());
  }

  @Override
  public void initializeElementStatus() {
    run(List.of("inventory"), options.initializeTimeout(), null, null);
  }

  private MtxRunner.Result run(List<String> args, Duration timeout, Element from, Element to) {
    MtxRunner.Result r = runner.run(device, args, timeout);
    if (r.exitCode() != 0) {
      String command = "mtx -f " + device + " " + String.join(" ", args);
      throw MtxFailures.of(r, new ScsiFailures.Context(description, command, from, to));
    }
    return r;
  }

  @Override
  public void close() {
    // Nothing stays open between mtx runs.
  }
}
