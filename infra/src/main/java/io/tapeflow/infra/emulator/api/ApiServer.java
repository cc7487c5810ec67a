package io.tapeflow.infra.emulator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tapeflow.infra.emulator.faults.FaultInjector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.storagegateway.model.ErrorCode;

/**
 * The Storage Gateway JSON 1.1 endpoint on the JDK's HTTP server: {@code POST /} with {@code
 * X-Amz-Target: StorageGateway_20130630.<Operation>}, SigV4-signed (any credentials), answering
 * {@code application/x-amz-json-1.1} with an {@code x-amzn-RequestId}. Faults (latency, throttling,
 * 500s) are applied here, around the operation.
 */
public final class ApiServer implements AutoCloseable {
  /** The target prefix of API version 2013-06-30. */
  public static final String TARGET_PREFIX = "StorageGateway_20130630.";

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** One line per call that reached an operation; off unless its level is set to INFO. */
  private static final Logger CALLS = LoggerFactory.getLogger("io.tapeflow.infra.emulator.calls");

  private static final Pattern TAPE_IN_BODY =
      Pattern.compile(":tape/([A-Z0-9]+)\"|\"TapeBarcode\"\\s*:\\s*\"([A-Z0-9]+)\"");
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final String MODEL_PACKAGE =
      "software.amazon.awssdk.services.storagegateway.model.";

  private final HttpServer server;
  private final ExecutorService executor;
  private final OperationRegistry operations;
  private final FaultInjector faults;

  private ApiServer(
      HttpServer server,
      ExecutorService executor,
      OperationRegistry operations,
      FaultInjector faults) {
    this.server = server;
    this.executor = executor;
    this.operations = operations;
    this.faults = faults;
  }

  /** Starts serving on {@code host:port} (port 0 picks a free one). */
  public static ApiServer start(
      String host, int port, OperationRegistry operations, FaultInjector faults) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); choose another port",
          e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "gateway-emulator-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    ApiServer api = new ApiServer(server, executor, operations, faults);
    server.createContext("/", api::handle);
    server.start();
    return api;
  }

  /** Where clients reach the API ({@code http://host:port}). */
  public URI endpoint() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      ObjectNode answer;
      try {
        answer = serve(exchange, target, body);
      } catch (ApiException e) {
        LOG.debug("{} -> {} {}: {}", target, e.status(), e.type(), e.getMessage());
        send(exchange, e.status(), error(e), requestId);
        return;
      } catch (RuntimeException e) {
        LOG.warn("{} failed: {}", target, e.toString(), e);
        ApiException internal = ApiException.internal("internal error: " + e.getMessage());
        send(exchange, internal.status(), error(internal), requestId);
        return;
      }
      send(exchange, 200, answer, requestId);
    } finally {
      exchange.close();
    }
  }

  private ObjectNode serve(HttpExchange exchange, String target, byte[] body) {
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw ApiException.common(
          "UnknownOperationException", 404, "only POST / is served (AWS JSON 1.1)");
    }
    SigV4Check.check(
        exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("X-Amz-Date"));
    if (target == null || target.isBlank()) {
      throw ApiException.common(
          "MissingAction", 400, "the X-Amz-Target header naming the operation is missing");
    }
    String name =
        target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    Optional<OperationRegistry.Operation<?>> op =
        name == null ? Optional.empty() : operations.find(name);
    if (op.isEmpty()) {
      if (name != null && isModelOperation(name)) {
        throw ApiException.invalidRequest(
            ErrorCode.NOT_IMPLEMENTED,
            name + " is not emulated; the emulator serves " + operations.names());
      }
      throw ApiException.common("UnknownOperationException", 400, "unknown operation " + target);
    }
    FaultInjector.Fault fault = faults.next();
    sleep(fault);
    if (fault.kind() == FaultInjector.Kind.THROTTLE) {
      throw ApiException.throttling();
    }
    if (fault.kind() == FaultInjector.Kind.ERROR_BEFORE) {
      throw ApiException.internal("injected fault: internal error before " + name + " ran");
    }
    CALLS.info("api call {} tapes={}", name, tapesNamed(body));
    ObjectNode answer = op.get().invoke(body);
    if (fault.kind() == FaultInjector.Kind.ERROR_AFTER) {
      throw ApiException.internal("injected fault: internal error after " + name + " ran");
    }
    return answer;
  }

  /**
   * The barcodes a request names (in tape ARNs or TapeBarcode), comma-separated, for the call log
   * that counts gateway calls per tape (logger {@code io.tapeflow.infra.emulator.calls}).
   */
  static String tapesNamed(byte[] body) {
    Matcher m = TAPE_IN_BODY.matcher(new String(body, StandardCharsets.UTF_8));
    Set<String> tapes = new TreeSet<>();
    while (m.find()) {
      tapes.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return String.join(",", tapes);
  }

  private static boolean isModelOperation(String name) {
    try {
      Class.forName(MODEL_PACKAGE + name + "Request", false, ApiServer.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void sleep(FaultInjector.Fault fault) {
    if (!fault.latency().isZero()) {
      try {
        Thread.sleep(fault.latency().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ObjectNode error(ApiException e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("__type", e.type());
    o.put("message", e.getMessage());
    if (e.errorCode() != null) {
      ObjectNode error = o.putObject("error");
      error.put("errorCode", e.errorCode());
      if (!e.errorDetails().isEmpty()) {
        ObjectNode details = error.putObject("errorDetails");
        e.errorDetails().forEach(details::put);
      }
    }
    return o;
  }

  private static void send(HttpExchange exchange, int status, ObjectNode json, String requestId)
      throws IOException {
    byte[] bytes = AwsJson.bytes(json);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
