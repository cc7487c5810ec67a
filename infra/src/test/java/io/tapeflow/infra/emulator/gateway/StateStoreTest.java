package io.tapeflow.infra.emulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.ElementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path dir;

  @Test
  void saveThenLoad_keepsTapesPoolsTokensAndUsedBarcodes() {
    Instant t0 = Instant.parse("2026-05-01T10:00:00.123Z");
    EmulatorState s = new EmulatorState();
    s.gatewayId = "sgw-0A1B2C3D";
    s.gatewayCreated = t0;
    TapeRecord t = new TapeRecord();
    t.barcode = "ABC123";
    t.sizeBytes = 100L << 30;
    t.created = t0;
    t.poolId = "pool-1234ABCD";
    t.enter(Phase.IN_TRANSIT, t0, Duration.ofMinutes(5));
    t.at(ElementType.IMPORT_EXPORT, 30001, 20000);
    t.sourceSeen = true;
    s.tapes.put(t.barcode, t);
    s.usedBarcodes.addAll(List.of("ABC123", "GONE01"));
    s.pools.put(
        "pool-1234ABCD",
        new PoolRecord("pool-1234ABCD", "weekly", "DEEP_ARCHIVE", "COMPLIANCE", 30, t0));
    s.clientTokens.put("token-1", new TokenRecord("fp", List.of("ABC123")));

    StateStore store = new StateStore(dir);
    store.save(s);
    EmulatorState back = store.load().orElseThrow();

    assertThat(back.gatewayId).isEqualTo("sgw-0A1B2C3D");
    TapeRecord r = back.tapes.get("ABC123");
    assertThat(r.phase).isEqualTo(Phase.IN_TRANSIT);
    assertThat(r.phaseDue).isEqualTo(t0.plus(Duration.ofMinutes(5)));
    assertThat(r.elementType).isEqualTo(ElementType.IMPORT_EXPORT);
    assertThat(r.elementAddress).isEqualTo(30001);
    assertThat(r.elementSource).isEqualTo(20000);
    assertThat(r.sourceSeen).isTrue();
    assertThat(back.usedBarcodes).containsExactly("ABC123", "GONE01");
    assertThat(back.pools.get("pool-1234ABCD"))
        .isEqualTo(new PoolRecord("pool-1234ABCD", "weekly", "DEEP_ARCHIVE", "COMPLIANCE", 30, t0));
    assertThat(back.clientTokens.get("token-1").barcodes()).containsExactly("ABC123");
    assertThat(dir.resolve("state.json.tmp")).doesNotExist();
  }

  @Test
  void load_ofNothing_isEmpty_andOfGarbage_saysWhatToDo() throws Exception {
    StateStore store = new StateStore(dir);
    assertThat(store.load()).isEmpty();
    Files.writeString(dir.resolve(StateStore.FILE), "{not json");
    assertThatThrownBy(store::load).hasMessageContaining("move it away");
  }
}
