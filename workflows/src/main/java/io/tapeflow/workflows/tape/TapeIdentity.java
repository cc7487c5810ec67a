package io.tapeflow.workflows.tape;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tapeflow.workflows.common.Barcode;
import io.tapeflow.workflows.lifecycle.LibraryLayout;
import java.util.Objects;

/**
 * What a tape is and which outside systems it belongs to; fixed for its whole life. Its payload is
 * flat (the template's fields beside the barcode), as it always was.
 *
 * @param barcode the barcode, also Bacula's volume name
 * @param template the outside systems (see {@link TapeTemplate})
 */
public record TapeIdentity(Barcode barcode, @JsonUnwrapped TapeTemplate template) {

  public TapeIdentity {
    Objects.requireNonNull(barcode, "barcode");
    Objects.requireNonNull(template, "template");
  }

  /** The tape's workflow id: {@code tape/<BARCODE>}. */
  public String workflowId() {
    return TapeWorkflows.workflowId(barcode);
  }

  public String gatewayName() {
    return template.gatewayName();
  }

  public String gatewayArn() {
    return template.gatewayArn();
  }

  public String library() {
    return template.library();
  }

  public String director() {
    return template.director();
  }

  public String storage() {
    return template.storage();
  }

  public String baculaPool() {
    return template.baculaPool();
  }

  public String awsPool() {
    return template.awsPool();
  }

  public long sizeBytes() {
    return template.sizeBytes();
  }

  public int labelDrive() {
    return template.labelDrive();
  }

  /** The library's layout, or null (see {@link TapeTemplate#layout}). */
  public LibraryLayout layout() {
    return template.layout();
  }
}
