package io.tapeflow.changer.testing;

import io.tapeflow.changer.AbstractMediumChanger;
import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.ChangerLock;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.mtx.MtxMediumChanger;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.sg.SgIoTransport;
import io.tapeflow.changer.smc.SmcCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Test helper run as a separate JVM (e.g. with the SG_IO shim preloaded): opens a changer URI
 * through {@link Changers} and runs the steps given as arguments, printing one line per step.
 *
 * <pre>
 *   ChangerProbeMain LOCKDIR URI inventory | move FROM TO | raw-move FROM TO | lock-file | hold
 *                                | lock-timeout MS ...
 * </pre>
 *
 * {@code raw-move} sends MOVE MEDIUM through {@link SgIoTransport} directly and prints the status
 * and sense bytes. {@code lock-file} prints the changer's lock file and identity; {@code hold}
 * takes the changer's lock, prints {@code holding <file>}, and keeps it until standard input is
 * closed; {@code lock-timeout} sets how long later steps wait for the lock. A failure prints {@code
 * error <class>: <message>} and exits 1.
 */
public final class ChangerProbeMain {
  private static Duration lockTimeout = ChangerLock.DEFAULT_TIMEOUT;

  private ChangerProbeMain() {}

  private static MediumChanger open(ChangerUri uri, Path lockDir) {
    return Changers.open(
        uri,
        lockDir,
        SmcMediumChanger.Options.newBuilder().setLockTimeout(lockTimeout).build(),
        MtxMediumChanger.Options.newBuilder().setLockTimeout(lockTimeout).build());
  }

  private static ChangerLock lockOf(MediumChanger c) {
    return ((AbstractMediumChanger) c).lock();
  }

  public static void main(String[] args) {
    Path lockDir = Path.of(args[0]);
    ChangerUri uri = ChangerUri.parse(args[1]);
    int i = 2;
    try {
      while (i < args.length) {
        switch (args[i]) {
          case "inventory" -> {
            try (MediumChanger c = open(uri, lockDir)) {
              Inventory inv = c.inventory();
              String full =
                  inv.elements().stream()
                      .filter(Element::full)
                      .map(e -> e.barcode() + "@" + e.address())
                      .collect(Collectors.joining(","));
              System.out.println("inventory " + inv.elements().size() + " " + full);
            }
            i += 1;
          }
          case "move" -> {
            try (MediumChanger c = open(uri, lockDir)) {
              c.move(Integer.parseInt(args[i + 1]), Integer.parseInt(args[i + 2]));
              System.out.println("moved " + args[i + 1] + " " + args[i + 2]);
            }
            i += 3;
          }
          case "raw-move" -> {
            try (SgIoTransport t = SgIoTransport.open(uri.devicePath())) {
              int from = Integer.parseInt(args[i + 1]);
              int to = Integer.parseInt(args[i + 2]);
              ScsiResponse r =
                  t.execute(
                      ScsiCommand.noData(
                          SmcCommands.moveMedium(0, from, to), Duration.ofSeconds(30)));
              System.out.println(
                  "raw-move status "
                      + r.status()
                      + " sense "
                      + HexFormat.of().formatHex(r.sense()));
            }
            i += 3;
          }
          case "lock-file" -> {
            try (MediumChanger c = open(uri, lockDir)) {
              ChangerLock lock = lockOf(c);
              System.out.println("lock-file " + lock.file() + " " + lock.identity());
            }
            i += 1;
          }
          case "hold" -> {
            try (MediumChanger c = open(uri, lockDir)) {
              ChangerLock lock = lockOf(c);
              ChangerLock.Held held = lock.acquire(lockTimeout, "ChangerProbeMain hold");
              try (held) {
                System.out.println("holding " + lock.file());
                System.out.flush();
                while (System.in.read() >= 0) {
                  // hold until the parent closes our standard input
                }
              }
              System.out.println("released");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            i += 1;
          }
          case "lock-timeout" -> {
            lockTimeout = Duration.ofMillis(Long.parseLong(args[i + 1]));
            i += 2;
          }
          default -> throw new IllegalArgumentException("unknown step " + args[i]);
        }
      }
    } catch (ChangerException | IllegalArgumentException e) {
      System.out.println("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
