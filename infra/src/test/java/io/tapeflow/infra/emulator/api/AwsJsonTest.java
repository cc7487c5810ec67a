package io.tapeflow.infra.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.storagegateway.model.CreateTapesRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.ListTapesResponse;
import software.amazon.awssdk.services.storagegateway.model.Tag;
import software.amazon.awssdk.services.storagegateway.model.Tape;

class AwsJsonTest {
  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void read_fillsTheRequestClassByItsWireNames_includingNestedShapes() {
    CreateTapesRequest r =
        AwsJson.read(
            json(
                "{\"GatewayARN\":\"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B\","
                    + "\"TapeSizeInBytes\":107374182400,\"ClientToken\":\"run-0001\","
                    + "\"NumTapesToCreate\":2,\"TapeBarcodePrefix\":\"BAC\",\"PoolId\":\"DEEP_ARCHIVE\","
                    + "\"KMSEncrypted\":false,\"Tags\":[{\"Key\":\"team\",\"Value\":\"backup\"}],"
                    + "\"Unknown\":1}"),
            CreateTapesRequest.class);
    assertThat(r.gatewayARN()).endsWith("sgw-12A3456B");
    assertThat(r.tapeSizeInBytes()).isEqualTo(107374182400L);
    assertThat(r.numTapesToCreate()).isEqualTo(2);
    assertThat(r.kmsEncrypted()).isFalse();
    assertThat(r.tags()).containsExactly(Tag.builder().key("team").value("backup").build());
  }

  @Test
  void read_whenAMemberHasTheWrongType_failsWithSerializationException() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> AwsJson.read(json("{\"NumTapesToCreate\":\"two\"}"), CreateTapesRequest.class));
    assertThat(e.type()).isEqualTo("SerializationException");
    assertThat(e.getMessage()).contains("NumTapesToCreate");
  }

  @Test
  void read_whenBodyIsNotJson_failsWithSerializationException() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> AwsJson.read(json("{not json"), CreateTapesRequest.class));
    assertThat(e.type()).isEqualTo("SerializationException");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void write_sendsTimestampsAsEpochSeconds_andOmitsAbsentMembers() {
    Tape tape =
        Tape.builder()
            .tapeARN("arn:aws:storagegateway:us-east-1:111122223333:tape/BAC4F21A9")
            .tapeBarcode("BAC4F21A9")
            .tapeCreatedDate(Instant.ofEpochMilli(1_717_200_000_123L))
            .poolEntryDate(Instant.ofEpochSecond(1_717_200_000L))
            .tapeStatus("IN TRANSIT TO VTS")
            .progress(42.0)
            .tapeSizeInBytes(107374182400L)
            .build();
    ObjectNode out = AwsJson.write(DescribeTapesResponse.builder().tapes(List.of(tape)).build());
    String text = new String(AwsJson.bytes(out), StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "{\"Tapes\":[{\"TapeARN\":\"arn:aws:storagegateway:us-east-1:111122223333:tape/BAC4F21A9\","
                + "\"TapeBarcode\":\"BAC4F21A9\",\"TapeCreatedDate\":1717200000.123,"
                + "\"TapeSizeInBytes\":107374182400,\"TapeStatus\":\"IN TRANSIT TO VTS\","
                + "\"Progress\":42.0,\"PoolEntryDate\":1717200000}]}");
  }

  @Test
  void write_omitsAMarkerAndListsThatWereNeverSet() {
    ObjectNode out = AwsJson.write(ListTapesResponse.builder().build());
    assertThat(out.size()).isZero();
    ObjectNode empty = AwsJson.write(ListTapesResponse.builder().tapeInfos(List.of()).build());
    assertThat(empty.toString()).isEqualTo("{\"TapeInfos\":[]}");
  }
}
