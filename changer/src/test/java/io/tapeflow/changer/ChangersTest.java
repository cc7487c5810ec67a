package io.tapeflow.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.changer.iscsi.IscsiEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangersTest {
  @TempDir Path dir;

  @Test
  void endpoint_carriesEveryPartOfAnIscsiUri() {
    IscsiEndpoint e =
        Changers.endpoint(
            ChangerUri.parse("iscsi://bob%s3cretS3cret@10.0.0.5:3261/iqn.1997-05.com.amazon:x/0"));
    assertThat(e.host()).isEqualTo("10.0.0.5");
    assertThat(e.port()).isEqualTo(3261);
    assertThat(e.portal()).isEqualTo("10.0.0.5:3261");
    assertThat(e.targetIqn()).isEqualTo("iqn.1997-05.com.amazon:x");
    assertThat(e.lun()).isZero();
    assertThat(e.chapUser()).isEqualTo("bob");
    assertThat(e.chapSecret()).isEqualTo("s3cretS3cret");
    assertThat(e.toString()).contains("bob@").doesNotContain("s3cret");
  }

  @Test
  void endpoint_ofAnIpv6Uri_bracketsThePortal() {
    IscsiEndpoint e =
        Changers.endpoint(ChangerUri.parse("iscsi://[fd00::1]/iqn.1997-05.com.amazon:x/1"));
    assertThat(e.portal()).isEqualTo("[fd00::1]:3260");
    assertThat(e.hasChap()).isFalse();
  }

  @Test
  void endpoint_withAChapUserButNoSecret_isRefusedSayingWhatToWrite() {
    assertThatThrownBy(
            () -> Changers.endpoint(ChangerUri.parse("iscsi://bob@host/iqn.1997-05.com.a:x/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bob")
        .hasMessageContaining("user%secret@");
  }

  @Test
  void endpoint_ofADevicePath_isRefused() {
    assertThatThrownBy(() -> Changers.endpoint(ChangerUri.parse("/dev/sg3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/dev/sg3");
  }

  @Test
  void open_ofAMissingDevice_failsNamingIt_withoutTouchingAnything() {
    assertThatThrownBy(
            () ->
                Changers.open(
                    ChangerUri.parse("/dev/tape/by-id/no-such-changer"),
                    java.nio.file.Path.of("target", "locks")))
        .isInstanceOf(ChangerException.class)
        .hasMessageContaining("/dev/tape/by-id/no-such-changer");
  }

  @Test
  void open_ofAnMtxUriWhoseNodeIsNoSgNode_keysTheLockByTheResolvedPath_asADeviceWithoutSerial()
      throws Exception {
    Path node = Files.createFile(dir.resolve("changer0")).toRealPath();
    Path link = Files.createSymbolicLink(dir.resolve("by-id-changer"), node);

    try (MediumChanger viaLink = Changers.open(ChangerUri.parse("mtx:" + link), dir);
        MediumChanger viaNode = Changers.open(ChangerUri.parse("mtx:" + node), dir)) {
      ChangerLock lock = ((AbstractMediumChanger) viaLink).lock();

      assertThat(lock.identity()).isEqualTo("device:" + node);
      assertThat(((AbstractMediumChanger) viaNode).lock().file()).isEqualTo(lock.file());
      assertThat(
              ChangerLock.identity("AWS", "Gateway-VTL", null, ChangerUri.parse(link.toString())))
          .isEqualTo(lock.identity());
    }
  }
}
