package io.tapeflow.worker.config;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.MediumChanger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Asks each configured changer whether it answers: opens it (which reads its INQUIRY and serial
 * number) and closes it again, within a time limit. Nothing is moved.
 */
public final class ChangerProbe {
  private final BiFunction<ChangerUri, Path, MediumChanger> opener;
  private final Duration timeout;

  /**
   * @param opener opens a changer as the worker would ({@code Changers::open})
   * @param timeout how long one changer may take to answer
   */
  public ChangerProbe(BiFunction<ChangerUri, Path, MediumChanger> opener, Duration timeout) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** What each changer said: its description by gateway name, and an error per silent one. */
  public record Result(Map<String, String> answers, List<ConfigError> errors) {
    public Result {
      answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
      errors = List.copyOf(errors);
    }
  }

  /** Probes every gateway's changer, one after the other. */
  public Result probe(TapeflowConfig config) {
    Map<String, String> answers = new LinkedHashMap<>();
    List<ConfigError> errors = new ArrayList<>();
    for (int i = 0; i < config.gateways().size(); i++) {
      GatewayConfig g = config.gateways().get(i);
      String path = "gateways[" + i + "].changer";
      try {
        answers.put(g.name(), ask(g.changer(), config.locks()));
      } catch (TimeoutException e) {
        errors.add(
            config
                .source()
                .error(
                    path,
                    g.changer()
                        + " does not answer (no reply within "
                        + timeout.toSeconds()
                        + " s): check the address and that the target is up"));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        errors.add(
            config.source().error(path, g.changer() + " does not answer: " + oneLine(cause)));
      }
    }
    return new Result(answers, errors);
  }

  private String ask(ChangerUri uri, Path locks) throws TimeoutException, ExecutionException {
    CompletableFuture<String> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try (MediumChanger c = opener.apply(uri, locks)) {
                return c.describe();
              }
            });
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ').strip();
  }
}
