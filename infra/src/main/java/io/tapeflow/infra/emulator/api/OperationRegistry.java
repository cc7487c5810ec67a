package io.tapeflow.infra.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The operations the API serves, by name, each with the SDK request class its body is read into.
 */
public final class OperationRegistry {
  private final Map<String, Operation<?>> operations = new TreeMap<>();

  /** Adds an operation; its handler receives the request read into {@code type}. */
  public <Q extends SdkPojo> OperationRegistry add(
      String name, Class<Q> type, Function<Q, ? extends SdkPojo> handler) {
    if (operations.putIfAbsent(name, new Operation<>(type, handler)) != null) {
      throw new IllegalArgumentException("operation " + name + " registered twice");
    }
    return this;
  }

  /** The names of every operation served. */
  public Set<String> names() {
    return operations.keySet();
  }

  /** The operation with this name. */
  Optional<Operation<?>> find(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  /** One operation: read the body, run the handler, write the response. */
  static final class Operation<Q extends SdkPojo> {
    private final Class<Q> type;
    private final Function<Q, ? extends SdkPojo> handler;

    Operation(Class<Q> type, Function<Q, ? extends SdkPojo> handler) {
      this.type = type;
      this.handler = handler;
    }

    ObjectNode invoke(byte[] body) {
      Q request = AwsJson.read(body, type);
      return AwsJson.write(handler.apply(request));
    }
  }
}
