package io.tapeflow.infra.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ConstraintsTest {
  @Test
  void check_withOneViolation_speaksLikeTheService() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> new Constraints().arn("gatewayARN", "foobar").check());
    assertThat(e.type()).isEqualTo("ValidationException");
    assertThat(e.getMessage())
        .isEqualTo(
            "1 validation error detected: Value 'foobar' at 'gatewayARN' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 50");
  }

  @Test
  void check_withSeveralViolations_listsThemAll() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                new Constraints()
                    .required("clientToken", null)
                    .range("numTapesToCreate", 11, 1, 10)
                    .pattern("tapeBarcodePrefix", "AB1", Constraints.BARCODE_PREFIX)
                    .check());
    assertThat(e.getMessage())
        .startsWith("3 validation errors detected: Value null at 'clientToken'")
        .contains("Member must have value less than or equal to 10")
        .contains("Member must satisfy regular expression pattern: ^[A-Z]*$");
  }

  @Test
  void tapeArn_acceptsAwsFormAndRefusesLowercaseBarcodes() {
    new Constraints()
        .tapeArn("tapeARN", "arn:aws:storagegateway:us-east-1:111122223333:tape/BAC4F21A9")
        .check();
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                new Constraints()
                    .tapeArn(
                        "tapeARN", "arn:aws:storagegateway:us-east-1:111122223333:tape/bac4f21a9")
                    .check());
    assertThat(e.getMessage()).contains("regular expression");
  }

  @Test
  void poolName_refusesSlashesAndBlankNames() {
    for (String bad : new String[] {"a/b", "a\\b", "   "}) {
      ApiException e =
          catchThrowableOfType(
              ApiException.class,
              () -> new Constraints().pattern("poolName", bad, Constraints.POOL_NAME).check());
      assertThat(e).as(bad).isNotNull();
    }
    new Constraints().pattern("poolName", "Weekly Full #1", Constraints.POOL_NAME).check();
  }
}
