package io.tapeflow.workflows.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryRulesTest {
  private static final Instant ARCHIVED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant WRITTEN = Instant.parse("2025-12-01T00:00:00Z");

  private static ExpiryRules.Facts facts(
      String volStatus, StorageClass storageClass, Instant now, String lock, Instant lockUntil) {
    return new ExpiryRules.Facts(
        "TAP001AB",
        volStatus,
        WRITTEN,
        Duration.ofDays(30),
        ARCHIVED,
        storageClass,
        false,
        lock,
        lockUntil,
        false,
        false,
        now);
  }

  @Test
  void purgedVolume_pastEveryPeriod_isDeleted() {
    ExpiryRules.Verdict v =
        ExpiryRules.evaluate(
            facts(
                "Purged",
                StorageClass.DEEP_ARCHIVE,
                ARCHIVED.plus(Duration.ofDays(181)),
                "NONE",
                null));
    assertThat(v.allowed()).isTrue();
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void volumeBaculaStillHolds_isKept_sayingHowToPurge() {
    ExpiryRules.Verdict v =
        ExpiryRules.evaluate(
            facts("Full", StorageClass.GLACIER, ARCHIVED.plus(Duration.ofDays(400)), "NONE", null));
    assertThat(v.allowed()).isFalse();
    assertThat(v.summary()).contains("VolStatus Full").contains("purge volume=TAP001AB");
    assertThat(v.earliest()).as("not a matter of time").isNull();
  }

  @Test
  void volumeGoneFromTheCatalog_countsAsPurged() {
    assertThat(
            ExpiryRules.evaluate(
                    facts(
                        null,
                        StorageClass.GLACIER,
                        ARCHIVED.plus(Duration.ofDays(91)),
                        "NONE",
                        null))
                .allowed())
        .isTrue();
  }

  @Test
  void minimumStorage_isNinetyDaysInGlacier_andOneHundredEightyInDeepArchive() {
    Instant day100 = ARCHIVED.plus(Duration.ofDays(100));
    assertThat(
            ExpiryRules.evaluate(facts("Purged", StorageClass.GLACIER, day100, "NONE", null))
                .allowed())
        .isTrue();
    ExpiryRules.Verdict deep =
        ExpiryRules.evaluate(facts("Purged", StorageClass.DEEP_ARCHIVE, day100, "NONE", null));
    assertThat(deep.allowed()).isFalse();
    assertThat(deep.summary()).contains("180 days").contains("allowEarlyDeletion");
    assertThat(deep.earliest()).isEqualTo(ARCHIVED.plus(Duration.ofDays(180)));
  }

  @Test
  void earlyDeletion_isAllowedWhenThePolicyAcceptsTheCharge() {
    ExpiryRules.Facts f =
        new ExpiryRules.Facts(
            "TAP001AB",
            "Purged",
            WRITTEN,
            null,
            ARCHIVED,
            StorageClass.DEEP_ARCHIVE,
            true,
            "NONE",
            null,
            false,
            false,
            ARCHIVED.plus(Duration.ofDays(1)));
    assertThat(ExpiryRules.evaluate(f).allowed()).isTrue();
  }

  @Test
  void poolRetention_countsFromTheLastWrite() {
    ExpiryRules.Facts f =
        new ExpiryRules.Facts(
            "TAP001AB",
            "Purged",
            WRITTEN,
            Duration.ofDays(365),
            ARCHIVED,
            StorageClass.GLACIER,
            false,
            "NONE",
            null,
            false,
            false,
            ARCHIVED.plus(Duration.ofDays(100)));
    ExpiryRules.Verdict v = ExpiryRules.evaluate(f);
    assertThat(v.allowed()).isFalse();
    assertThat(v.earliest()).isEqualTo(WRITTEN.plus(Duration.ofDays(365)));
  }

  @Test
  void complianceLock_forbidsDeletion_governanceLockOnlyWithoutBypass() {
    Instant now = ARCHIVED.plus(Duration.ofDays(200));
    Instant lockEnd = ARCHIVED.plus(Duration.ofDays(365));
    assertThat(
            ExpiryRules.evaluate(facts("Purged", StorageClass.GLACIER, now, "COMPLIANCE", lockEnd))
                .summary())
        .contains("COMPLIANCE");
    assertThat(
            ExpiryRules.evaluate(facts("Purged", StorageClass.GLACIER, now, "GOVERNANCE", lockEnd))
                .allowed())
        .isFalse();
    ExpiryRules.Facts bypass =
        new ExpiryRules.Facts(
            "TAP001AB",
            "Purged",
            WRITTEN,
            null,
            ARCHIVED,
            StorageClass.GLACIER,
            false,
            "GOVERNANCE",
            lockEnd,
            true,
            false,
            now);
    assertThat(ExpiryRules.evaluate(bypass).allowed()).isTrue();
  }

  @Test
  void dryRun_neverDeletes_butSaysItWould() {
    ExpiryRules.Facts f =
        new ExpiryRules.Facts(
            "TAP001AB",
            "Purged",
            WRITTEN,
            null,
            ARCHIVED,
            StorageClass.GLACIER,
            false,
            "NONE",
            null,
            false,
            true,
            ARCHIVED.plus(Duration.ofDays(100)));
    ExpiryRules.Verdict v = ExpiryRules.evaluate(f);
    assertThat(v.allowed()).isFalse();
    assertThat(v.summary()).contains("would be deleted");
  }

  @Test
  void everyFailingRule_isReported() {
    ExpiryRules.Verdict v =
        ExpiryRules.evaluate(
            facts(
                "Full",
                StorageClass.DEEP_ARCHIVE,
                ARCHIVED.plus(Duration.ofDays(1)),
                "COMPLIANCE",
                ARCHIVED.plus(Duration.ofDays(9))));
    assertThat(v.reasons()).hasSize(3);
  }
}
