package io.tapeflow.bacula.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"LAB001", "LAB001L6", "a", "T:1.2_3-4", "TAP0002AB"})
  void volumeName_whenLegal_isAccepted(String name) {
    assertThat(VolumeName.of(name).value()).isEqualTo(name);
  }

  @Test
  void volumeName_at127Characters_isAccepted() {
    assertThat(VolumeName.of("A".repeat(127)).value()).hasSize(127);
  }

  @Test
  void volumeName_at128Characters_isRefusedSayingTheLength() {
    assertThatThrownBy(() -> VolumeName.of("A".repeat(128)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("128 characters long")
        .hasMessageContaining("1-127");
  }

  @Test
  void volumeName_withNewline_isRefusedSayingItWouldStartAnotherCommand() {
    assertThatThrownBy(() -> VolumeName.of("LAB001\ndelete volume=LAB002 yes"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line break")
        .hasMessageContaining("\\n");
  }

  @Test
  void volumeName_withCarriageReturn_isRefused() {
    assertThatThrownBy(() -> VolumeName.of("LAB001\r"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line break");
  }

  @Test
  void volumeName_startingWithAt_isRefusedNamingExec() {
    assertThatThrownBy(() -> VolumeName.of("@exec"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("starts with '@'")
        .hasMessageContaining("@exec");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LAB\"001", "LAB'001"})
  void volumeName_withQuote_isRefused(String name) {
    assertThatThrownBy(() -> VolumeName.of(name))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("quote");
  }

  @Test
  void volumeName_smugglingAKeyword_isRefused() {
    assertThatThrownBy(() -> VolumeName.of("LAB001 volstatus=Purged"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'='");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LAB 001", "LAB\t001", "LAB;001", "LAB/001", "LAB\u00e9", ""})
  void volumeName_withOtherIllegalCharacters_isRefused(String name) {
    assertThatThrownBy(() -> VolumeName.of(name)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void everyNameKind_namesItselfInTheMessage() {
    assertThatThrownBy(() -> PoolName.of("a b")).hasMessageStartingWith("pool name");
    assertThatThrownBy(() -> StorageName.of("a b")).hasMessageStartingWith("storage name");
    assertThatThrownBy(() -> ClientName.of("a b")).hasMessageStartingWith("client name");
    assertThatThrownBy(() -> JobName.of("a b")).hasMessageStartingWith("job name");
    assertThatThrownBy(() -> FileSetName.of("a b")).hasMessageStartingWith("fileset name");
  }

  @Test
  void slotRange_parsesAndPrintsBaculaSyntax() {
    SlotRange r = SlotRange.parse("1-3,7");
    assertThat(r.toBacula()).isEqualTo("1-3,7");
    assertThat(r.contains(2)).isTrue();
    assertThat(r.contains(5)).isFalse();
    assertThat(SlotRange.single(6).toBacula()).isEqualTo("6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "3-1", "1-3;7", "1 -3", "1-3,", "99999", "1-3\n"})
  void slotRange_whenMalformed_isRefused(String text) {
    assertThatThrownBy(() -> SlotRange.parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void restorePath_mustBeAbsoluteAndPlain() {
    assertThat(RestorePath.of("/srv/restore/1").value()).isEqualTo("/srv/restore/1");
    assertThatThrownBy(() -> RestorePath.of("relative/dir")).hasMessageContaining("not absolute");
    assertThatThrownBy(() -> RestorePath.of("/a b")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> RestorePath.of("/a\n@exec x"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> RestorePath.of("/\"x\"")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> RestorePath.of("/" + "a".repeat(127)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void volStatus_readsBaculaSpellingsCaseInsensitively() {
    assertThat(VolStatus.fromBacula("Read-Only")).isEqualTo(VolStatus.READ_ONLY);
    assertThat(VolStatus.fromBacula("used")).isEqualTo(VolStatus.USED);
    assertThat(VolStatus.PURGED.settable()).isFalse();
    assertThat(VolStatus.ARCHIVE.settable()).isTrue();
    assertThatThrownBy(() -> VolStatus.fromBacula("Bogus"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void jobId_parsesPositiveNumbersOnly() {
    assertThat(JobId.parse("42").value()).isEqualTo(42);
    assertThatThrownBy(() -> JobId.parse("0")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> JobId.parse("4 2")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> JobId.parse("-1")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void jobStatus_knowsTerminalAndSuccessfulLetters() {
    assertThat(JobStatus.parse("T").successful()).isTrue();
    assertThat(JobStatus.parse("f").terminal()).isTrue();
    assertThat(JobStatus.parse("f").successful()).isFalse();
    assertThat(JobStatus.parse("R").terminal()).isFalse();
    assertThat(JobStatus.parse("M")).isEqualTo(JobStatus.WAITING_FOR_MOUNT);
  }
}
