package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.common.Failures;
import io.tapeflow.workflows.gateway.AwaitStatusRequest;
import io.tapeflow.workflows.gateway.CreateTapeRequest;
import io.tapeflow.workflows.gateway.CreateTapesRequest;
import io.tapeflow.workflows.gateway.DeleteTapeRequest;
import io.tapeflow.workflows.gateway.GatewayActivities;
import io.tapeflow.workflows.gateway.TapeActionRequest;
import io.tapeflow.workflows.gateway.TapeChanges;
import io.tapeflow.workflows.gateway.TapeInfo;
import io.tapeflow.workflows.gateway.TapeRequest;
import io.tapeflow.workflows.gateway.WatchRequest;
import io.tapeflow.workflows.lifecycle.GatewayStatuses;
import io.tapeflow.workflows.lifecycle.StorageClass;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A stand-in for the gateway in workflow tests: a map of tape statuses the test moves on by hand
 * (as the gateway would over hours), plus injected failures. Not a model of AWS; the real client is
 * tested against the emulator in the activities module.
 */
public final class StubGateway implements GatewayActivities {
  public final Faults faults = new Faults();
  private final Supplier<Instant> clock;
  private final Map<String, String> status = new HashMap<>();
  private final Map<String, Instant> archivedAt = new HashMap<>();
  private final Deque<TapeChanges> watchAnswers = new ArrayDeque<>();
  private final List<WatchRequest> watchRequests = new ArrayList<>();
  private final List<Instant> polls = new ArrayList<>();
  private final Map<String, List<String>> tokens = new HashMap<>();
  private int created;
  private String poolId = "DEEP_ARCHIVE";
  private StorageClass poolStorageClass = StorageClass.DEEP_ARCHIVE;

  public StubGateway(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** The pool the gateway reports the tapes in, and its storage class (ListTapePools). */
  public synchronized void pool(String id, StorageClass storageClass) {
    poolId = id;
    poolStorageClass = storageClass;
  }

  /** Sets a tape's status, as the gateway moves it. */
  public synchronized void set(String barcode, String s) {
    status.put(barcode, s);
    if (GatewayStatuses.ARCHIVED.equals(s)) {
      archivedAt.putIfAbsent(barcode, clock.get());
    }
  }

  public synchronized String status(String barcode) {
    return status.get(barcode);
  }

  /** Queues the answer of a {@code watchTapes} call. */
  public synchronized void answerWatch(TapeChanges changes) {
    watchAnswers.add(changes);
    notifyAll();
  }

  /** When the tapes polled their own status (the fallback when the watcher is silent). */
  public synchronized List<Instant> polls() {
    return List.copyOf(polls);
  }

  public synchronized List<WatchRequest> watchRequests() {
    return List.copyOf(watchRequests);
  }

  @Override
  public synchronized TapeInfo createTape(CreateTapeRequest r) {
    faults.enter("createTape");
    status.putIfAbsent(r.barcode().value(), GatewayStatuses.CREATING);
    return info(r.barcode().value());
  }

  @Override
  public synchronized List<String> createTapes(CreateTapesRequest r) {
    faults.enter("createTapes");
    // The same ClientToken gives the same tapes, as AWS promises.
    return tokens.computeIfAbsent(
        r.clientToken(),
        token -> {
          List<String> made = new ArrayList<>();
          for (int i = 0; i < r.count(); i++) {
            String barcode = r.prefix() + String.format("%05d", ++created);
            status.put(barcode, GatewayStatuses.CREATING);
            made.add(barcode);
          }
          return List.copyOf(made);
        });
  }

  @Override
  public synchronized TapeInfo describeTape(TapeRequest r) {
    faults.enter("describeTape");
    if (!status.containsKey(r.barcode().value())) {
      throw Failures.of(Failures.TAPE_NOT_FOUND, "no tape " + r.barcode().value());
    }
    return info(r.barcode().value());
  }

  @Override
  public synchronized TapeInfo awaitTapeStatus(AwaitStatusRequest r) {
    polls.add(clock.get());
    faults.enter("awaitTapeStatus");
    String s = status.get(r.barcode().value());
    if (!r.wanted().contains(s)) {
      throw Failures.of(Failures.STATUS_NOT_REACHED, r.barcode().value() + " is " + s);
    }
    return info(r.barcode().value());
  }

  @Override
  public synchronized TapeInfo retrieveTape(TapeActionRequest r) {
    faults.enter("retrieveTape", r.barcode().value());
    status.put(r.barcode().value(), GatewayStatuses.RETRIEVING);
    return info(r.barcode().value());
  }

  @Override
  public synchronized void deleteTape(DeleteTapeRequest r) {
    faults.enter("deleteTape");
    status.put(r.barcode().value(), GatewayStatuses.DELETED);
  }

  @Override
  public synchronized TapeChanges watchTapes(WatchRequest r) {
    faults.enter("watchTapes");
    watchRequests.add(r);
    long deadline = System.currentTimeMillis() + 2_000;
    while (watchAnswers.isEmpty() && System.currentTimeMillis() < deadline) {
      try {
        wait(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    TapeChanges c = watchAnswers.poll();
    return c != null ? c : new TapeChanges(List.of(), 1, 1, 1, 1, r.known().size(), 0);
  }

  private TapeInfo info(String barcode) {
    return new TapeInfo(
        barcode,
        "arn:aws:storagegateway:us-east-1:111122223333:tape/" + barcode,
        status.get(barcode),
        Tapes.GATEWAY_ARN,
        poolId,
        poolStorageClass,
        Tapes.SIZE,
        0L,
        archivedAt.get(barcode),
        null,
        "NONE",
        null,
        false,
        clock.get());
  }
}
