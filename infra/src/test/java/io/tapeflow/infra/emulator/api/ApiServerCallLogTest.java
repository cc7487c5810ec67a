package io.tapeflow.infra.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiServerCallLogTest {
  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tapesNamed_findsBarcodesInTapeArnsAndTapeBarcode_sortedOnce() {
    String arn = "arn:aws:storagegateway:us-east-1:111122223333:tape/";
    assertThat(
            ApiServer.tapesNamed(
                json(
                    "{\"TapeARNs\":[\""
                        + arn
                        + "TF02\",\""
                        + arn
                        + "TF01\"],\"TapeARN\":\""
                        + arn
                        + "TF02\"}")))
        .isEqualTo("TF01,TF02");
    assertThat(ApiServer.tapesNamed(json("{\"TapeBarcode\" : \"TF09\"}"))).isEqualTo("TF09");
  }

  @Test
  void tapesNamed_isEmptyForGatewayWideCalls() {
    assertThat(ApiServer.tapesNamed(json("{\"GatewayARN\":\"arn:x:gateway/sgw-1\",\"Limit\":100}")))
        .isEmpty();
  }
}
