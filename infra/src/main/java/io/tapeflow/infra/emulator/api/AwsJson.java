package io.tapeflow.infra.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS JSON 1.1 body format, driven by the SDK's own model classes: a request body is read into
 * the request class through its builder's {@code sdkFields()}, and a response object is written by
 * walking its {@code sdkFields()}. Member names and types therefore match the client exactly, with
 * no hand-written DTOs. Timestamps travel as epoch seconds (a JSON number, fractions allowed);
 * absent members are omitted, never written as null.
 */
public final class AwsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AwsJson() {}

  /**
   * Reads a request body into an SDK request class.
   *
   * @throws ApiException {@code SerializationException} when the body is not a JSON object or a
   *     member has the wrong JSON type
   */
  public static <T extends SdkPojo> T read(byte[] body, Class<T> type) {
    JsonNode root;
    try {
      root = body.length == 0 ? NODES.objectNode() : MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.serialization(
          "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.serialization("the request body cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ApiException.serialization("the request body must be a JSON object");
    }
    SdkPojo builder = newBuilder(type);
    fill(builder, (ObjectNode) root, "");
    return type.cast(((SdkBuilder<?, ?>) builder).build());
  }

  /** Writes an SDK model object (response or nested shape) as a JSON object. */
  public static ObjectNode write(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      JsonNode node = toJson(field, value);
      if (node != null) {
        out.set(field.locationName(), node);
      }
    }
    return out;
  }

  /** Serialises a JSON tree to bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** Parses bytes as a JSON tree (tests and error parsing use it). */
  public static JsonNode tree(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  private static SdkPojo newBuilder(Class<?> type) {
    try {
      return (SdkPojo) type.getMethod("builder").invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("not an SDK model class: " + type.getName(), e);
    }
  }

  private static void fill(SdkPojo builder, ObjectNode json, String path) {
    Map<String, SdkField<?>> byName = new LinkedHashMap<>();
    for (SdkField<?> f : builder.sdkFields()) {
      byName.put(f.locationName(), f);
    }
    for (Map.Entry<String, JsonNode> member : json.properties()) {
      SdkField<?> field = byName.get(member.getKey());
      if (field == null || member.getValue().isNull()) {
        continue; // unknown members are ignored, as the service does
      }
      field.set(builder, fromJson(field, member.getValue(), path + member.getKey()));
    }
  }

  private static Object fromJson(SdkField<?> field, JsonNode node, String path) {
    MarshallingKnownType kind = field.marshallingType().getKnownType();
    return switch (kind) {
      case STRING -> expect(node.isTextual(), node, path, "a string").textValue();
      case INTEGER ->
          expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "an integer")
              .intValue();
      case LONG ->
          expect(node.isIntegralNumber() && node.canConvertToLong(), node, path, "an integer")
              .longValue();
      case SHORT -> (short) expect(node.isIntegralNumber(), node, path, "an integer").intValue();
      case BYTE -> (byte) expect(node.isIntegralNumber(), node, path, "an integer").intValue();
      case DOUBLE -> expect(node.isNumber(), node, path, "a number").doubleValue();
      case FLOAT -> expect(node.isNumber(), node, path, "a number").floatValue();
      case BIG_DECIMAL -> expect(node.isNumber(), node, path, "a number").decimalValue();
      case BOOLEAN -> expect(node.isBoolean(), node, path, "a boolean").booleanValue();
      case INSTANT -> instant(expect(node.isNumber(), node, path, "epoch seconds").decimalValue());
      case SDK_BYTES ->
          bytes(expect(node.isTextual(), node, path, "base64 text").textValue(), path);
      case LIST -> list(field, expect(node.isArray(), node, path, "a list"), path);
      case MAP -> map(field, expect(node.isObject(), node, path, "an object"), path);
      case SDK_POJO -> {
        expect(node.isObject(), node, path, "an object");
        SdkPojo nested = field.constructor().get();
        fill(nested, (ObjectNode) node, path + ".");
        yield ((SdkBuilder<?, ?>) nested).build();
      }
      default ->
          throw ApiException.serialization(
              path + ": members of type " + kind + " are not supported");
    };
  }

  private static Instant instant(BigDecimal seconds) {
    long whole = seconds.longValue();
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  private static SdkBytes bytes(String b64, String path) {
    try {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(b64));
    } catch (IllegalArgumentException e) {
      throw ApiException.serialization(path + " is not valid base64");
    }
  }

  private static List<Object> list(SdkField<?> field, JsonNode node, String path) {
    SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
    List<Object> list = new ArrayList<>();
    int i = 0;
    for (JsonNode element : node) {
      list.add(fromJson(member, element, path + "." + i++));
    }
    return list;
  }

  private static Map<String, Object> map(SdkField<?> field, JsonNode node, String path) {
    SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      map.put(e.getKey(), fromJson(value, e.getValue(), path + "." + e.getKey()));
    }
    return map;
  }

  private static JsonNode expect(boolean ok, JsonNode node, String path, String what) {
    if (!ok) {
      throw ApiException.serialization(
          "member " + path + " must be " + what + ", not " + node.getNodeType());
    }
    return node;
  }

  private static JsonNode toJson(SdkField<?> field, Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList
        || value instanceof SdkAutoConstructMap) {
      return null;
    }
    MarshallingKnownType kind = field.marshallingType().getKnownType();
    return switch (kind) {
      case STRING -> NODES.textNode((String) value);
      case INTEGER, SHORT, BYTE -> NODES.numberNode(((Number) value).intValue());
      case LONG -> NODES.numberNode((Long) value);
      case DOUBLE, FLOAT -> NODES.numberNode(((Number) value).doubleValue());
      case BIG_DECIMAL -> NODES.numberNode((BigDecimal) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case INSTANT -> NODES.numberNode(epochSeconds((Instant) value));
      case SDK_BYTES ->
          NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
      case LIST -> {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        ArrayNode array = NODES.arrayNode();
        for (Object element : (List<?>) value) {
          array.add(toJson(member, element));
        }
        yield array;
      }
      case MAP -> {
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          object.set(String.valueOf(e.getKey()), toJson(valueField, e.getValue()));
        }
        yield object;
      }
      case SDK_POJO -> write((SdkPojo) value);
      default -> throw new IllegalStateException("members of type " + kind + " are not supported");
    };
  }

  /** Epoch seconds with millisecond precision, the form the service sends. */
  static BigDecimal epochSeconds(Instant t) {
    long millis = t.toEpochMilli();
    return millis % 1000 == 0
        ? BigDecimal.valueOf(millis / 1000)
        : BigDecimal.valueOf(millis, 3); // scale 3: printed plain, never in exponent form
  }
}
