package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.TapeSizes;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import java.util.Objects;

/**
 * Which outside systems a tape belongs to: everything of a {@link TapeIdentity} but the barcode,
 * which the gateway chooses when it creates tapes. New tapes of one pool share it.
 *
 * @param gatewayName the gateway's configured name (search attribute {@code GatewayName})
 * @param gatewayArn the gateway's ARN
 * @param library the changer's configured name: changer activities run on {@code changer/<library>}
 * @param director the Bacula director's configured name: Bacula activities run on {@code
 *     bacula/<director>}
 * @param storage the Bacula Storage resource of the gateway's autochanger
 * @param baculaPool the Bacula pool the volume is labelled into
 * @param awsPool GLACIER, DEEP_ARCHIVE or a custom pool id (search attribute {@code TapePool})
 * @param sizeBytes the tape's size
 * @param labelDrive the drive index Bacula labels it on
 * @param layout the library's element addresses, read from the changer ({@code
 *     ChangerActivities.layout}); null only in runs started before tapeflow read layouts, which
 *     keep Bacula's slot and drive numbers as they are
 */
public record TapeTemplate(
    String gatewayName,
    String gatewayArn,
    String library,
    String director,
    String storage,
    String baculaPool,
    String awsPool,
    long sizeBytes,
    int labelDrive,
    LibraryLayout layout) {

  public TapeTemplate {
    TaskQueues.requireName("gateway", gatewayName);
    Objects.requireNonNull(gatewayArn, "gatewayArn");
    TaskQueues.requireName("library", library);
    TaskQueues.requireName("director", director);
    TaskQueues.requireName("storage", storage);
    TaskQueues.requireName("pool", baculaPool);
    TaskQueues.requireName("AWS pool", awsPool);
    TapeSizes.require(sizeBytes);
    if (labelDrive < 0) {
      throw new IllegalArgumentException("label drive index must be 0 or more, got " + labelDrive);
    }
    if (layout != null && labelDrive >= layout.driveCount()) {
      throw new IllegalArgumentException(
          "label drive index "
              + labelDrive
              + " is not a drive of library "
              + library
              + ": it has "
              + layout.driveCount());
    }
  }

  /** This template with the library's layout, as read from the changer. */
  public TapeTemplate withLayout(LibraryLayout layout) {
    return new TapeTemplate(
        gatewayName,
        gatewayArn,
        library,
        director,
        storage,
        baculaPool,
        awsPool,
        sizeBytes,
        labelDrive,
        Objects.requireNonNull(layout, "layout"));
  }

  /** The identity of one tape made from this template. */
  public TapeIdentity identity(Barcode barcode) {
    return new TapeIdentity(barcode, this);
  }

  /**
   * The identity of one tape made from this template, the barcode given as text (CLI, tests).
   *
   * @throws IllegalArgumentException if the text is not a valid barcode
   */
  public TapeIdentity identity(String barcode) {
    return identity(Barcode.of(barcode));
  }
}
