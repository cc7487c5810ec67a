package io.tapeflow.activities.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Helpers of the activity tests. */
public final class Checks {
  private Checks() {}

  /** The typed failure an activity call ended with. */
  public static ApplicationFailure failure(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(ActivityFailure.class);
    assertThat(t.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) t.getCause();
  }

  /** Waits up to a minute (real time) for a condition of a real part. */
  public static void await(BooleanSupplier condition) {
    await(condition, java.time.Duration.ofMinutes(1));
  }

  /** Waits up to {@code patience} (real time) for a condition of a real part. */
  public static void await(BooleanSupplier condition, java.time.Duration patience) {
    long end = System.currentTimeMillis() + patience.toMillis();
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited %s", patience).isLessThan(end);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
