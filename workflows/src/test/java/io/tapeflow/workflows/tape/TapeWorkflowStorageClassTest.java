package io.tapeflow.workflows.tape;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.workflows.lifecycle.StorageClass;
import io.tapeflow.workflows.manifest.TapeManifest;
import io.tapeflow.workflows.testing.LifeDriver;
import io.tapeflow.workflows.testing.TapeflowTestEnv;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tape's storage class, and so its minimum storage duration, is what the gateway says. */
class TapeWorkflowStorageClassTest {
  private TapeflowTestEnv t;

  @BeforeEach
  void start() {
    t = TapeflowTestEnv.start();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void customPool_takesItsStorageClassFromTheGateway_notFromItsName() {
    t.gateway.pool("deep-ish", StorageClass.GLACIER);
    LifeDriver d = new LifeDriver(t, "TAP00070").inPool("deep-ish").toArchived();
    TapeSnapshot s = t.until(d.tape(), x -> x.record().manifestWritten(), Duration.ofMinutes(1));

    assertThat(s.record().storageClass()).isEqualTo(StorageClass.GLACIER);
    TapeManifest m = t.manifest.manifest("TAP00070");
    assertThat(m.storageClass()).isEqualTo(StorageClass.GLACIER);
    assertThat(m.minimumStorageUntil())
        .as("Glacier's 90 days, not Deep Archive's 180")
        .isEqualTo(m.archivedAt().plus(Duration.ofDays(90)));
  }

  @Test
  void standardPool_needsNoQuestionToTheGateway() {
    t.gateway.pool("GLACIER", StorageClass.GLACIER);
    LifeDriver d = new LifeDriver(t, "TAP00071").inPool("GLACIER").toArchived();
    TapeSnapshot s = t.until(d.tape(), x -> x.record().manifestWritten(), Duration.ofMinutes(1));

    assertThat(s.record().storageClass()).isEqualTo(StorageClass.GLACIER);
    assertThat(t.gateway.faults.calls("describeTape")).isZero();
  }
}
