package io.tapeflow.workflows.tape;

/**
 * What new tapes of one pool share (everything of a {@link TapeIdentity} but the barcode, which the
 * gateway chooses when it creates them).
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
    int labelDrive) {

  public TapeTemplate {
    TapeIdentity.requireMembership(
        gatewayName,
        gatewayArn,
        library,
        director,
        storage,
        baculaPool,
        awsPool,
        sizeBytes,
        labelDrive);
  }

  /** The identity of one tape made from this template. */
  public TapeIdentity identity(String barcode) {
    return new TapeIdentity(
        barcode,
        gatewayName,
        gatewayArn,
        library,
        director,
        storage,
        baculaPool,
        awsPool,
        sizeBytes,
        labelDrive);
  }
}
