package io.tapeflow.changer.testing;

import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.sg.SgIoTransport;
import io.tapeflow.changer.smc.SmcCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Test helper run as a separate JVM (e.g. with the SG_IO shim preloaded): opens a changer URI
 * through {@link Changers} and runs the steps given as arguments, printing one line per step.
 *
 * <pre>
 *   ChangerProbeMain LOCKDIR URI inventory | move FROM TO | raw-move FROM TO ...
 * </pre>
 *
 * {@code raw-move} sends MOVE MEDIUM through {@link SgIoTransport} directly and prints the status
 * and sense bytes. A failure prints {@code error <class>: <message>} and exits 1.
 */
public final class ChangerProbeMain {
  private ChangerProbeMain() {}

  public static void main(String[] args) {
    Path lockDir = Path.of(args[0]);
    ChangerUri uri = ChangerUri.parse(args[1]);
    int i = 2;
    try {
      while (i < args.length) {
        switch (args[i]) {
          case "inventory" -> {
            try (MediumChanger c = Changers.open(uri, lockDir)) {
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
            try (MediumChanger c = Changers.open(uri, lockDir)) {
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
          default -> throw new IllegalArgumentException("unknown step " + args[i]);
        }
      }
    } catch (ChangerException | IllegalArgumentException e) {
      System.out.println("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
