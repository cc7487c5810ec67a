package io.tapeflow.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangerUriTest {
  static final String IQN = "iqn.1997-05.com.amazon:sgw-test-mediachanger";

  @Test
  void iscsi_withPortAndLun() {
    ChangerUri u = ChangerUri.parse("iscsi://127.0.0.1:3261/" + IQN + "/1");

    assertThat(u.kind()).isEqualTo(ChangerUri.Kind.ISCSI);
    assertThat(u.host()).isEqualTo("127.0.0.1");
    assertThat(u.port()).isEqualTo(3261);
    assertThat(u.portal()).isEqualTo("127.0.0.1:3261");
    assertThat(u.targetIqn()).isEqualTo(IQN);
    assertThat(u.lun()).isEqualTo(1);
    assertThat(u.user()).isEmpty();
    assertThat(u.password()).isEmpty();
    assertThat(u).hasToString("iscsi://127.0.0.1:3261/" + IQN + "/1");
  }

  @Test
  void iscsi_defaultPortIs3260() {
    ChangerUri u = ChangerUri.parse("iscsi://gw.example.com/" + IQN + "/0");

    assertThat(u.port()).isEqualTo(3260);
    assertThat(u.canonical()).isEqualTo("iscsi://gw.example.com:3260/" + IQN + "/0");
  }

  @Test
  void iscsi_credentials_areKeptButNeverPrinted() {
    ChangerUri u = ChangerUri.parse("iscsi://chap%s3cr3t@10.0.0.5/" + IQN + "/0");

    assertThat(u.user()).contains("chap");
    assertThat(u.password()).contains("s3cr3t");
    assertThat(u.toString()).isEqualTo("iscsi://chap%***@10.0.0.5:3260/" + IQN + "/0");
    assertThat(u.toString()).doesNotContain("s3cr3t");
    assertThat(u.canonical()).doesNotContain("s3cr3t").doesNotContain("chap");
  }

  @Test
  void iscsi_passwordMayContainAtSigns() {
    ChangerUri u = ChangerUri.parse("iscsi://u%p@ss@10.0.0.5/" + IQN + "/0");

    assertThat(u.password()).contains("p@ss");
    assertThat(u.host()).isEqualTo("10.0.0.5");
  }

  @Test
  void iscsi_ipv6Host() {
    ChangerUri u = ChangerUri.parse("iscsi://[::1]:3262/" + IQN + "/1");

    assertThat(u.host()).isEqualTo("::1");
    assertThat(u.portal()).isEqualTo("[::1]:3262");
  }

  @Test
  void canonical_isCaseInsensitiveForHostAndTarget() {
    assertThat(ChangerUri.parse("iscsi://GW.Example.COM/IQN.1997-05.com.Amazon:X/0").canonical())
        .isEqualTo(
            ChangerUri.parse("iscsi://gw.example.com:3260/iqn.1997-05.com.amazon:x/0").canonical());
  }

  @Test
  void devicePaths() {
    ChangerUri sg = ChangerUri.parse("/dev/sg8");
    ChangerUri byId = ChangerUri.parse("/dev/tape/by-id/scsi-1AWS_Gateway-VTL_SGW00000-changer");
    ChangerUri byPath =
        ChangerUri.parse(
            "/dev/tape/by-path/ip-10.0.0.5:3260-iscsi-iqn.1997-05.com.amazon:sgw-1-mediachanger-lun-0-changer");

    assertThat(sg.kind()).isEqualTo(ChangerUri.Kind.DEVICE);
    assertThat(sg.devicePath()).isEqualTo(Path.of("/dev/sg8"));
    assertThat(byId.kind()).isEqualTo(ChangerUri.Kind.DEVICE);
    assertThat(byPath.kind()).isEqualTo(ChangerUri.Kind.DEVICE);
    assertThat(sg).hasToString("/dev/sg8");
  }

  @Test
  void mtx() {
    ChangerUri u = ChangerUri.parse("mtx:/dev/sg8");

    assertThat(u.kind()).isEqualTo(ChangerUri.Kind.MTX);
    assertThat(u.devicePath()).isEqualTo(Path.of("/dev/sg8"));
    assertThat(u).hasToString("mtx:/dev/sg8");
  }

  @Test
  void iscsiFields_areRefusedOnDevicePaths() {
    assertThatThrownBy(() -> ChangerUri.parse("/dev/sg8").host())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ChangerUri.parse("iscsi://h/" + IQN + "/0").devicePath())
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|it is empty",
        "iscsi://|the host is missing",
        "iscsi://127.0.0.1|the /target-iqn/lun part is missing",
        "iscsi://127.0.0.1/" + IQN + "|exactly /target-iqn/lun",
        "iscsi://127.0.0.1/" + IQN + "/1/2|exactly /target-iqn/lun",
        "iscsi://127.0.0.1/" + IQN + "/x|the LUN 'x' is not a number",
        "iscsi://127.0.0.1/" + IQN + "/20000|the LUN 20000 is outside 0..16383",
        "iscsi://127.0.0.1:0/" + IQN + "/1|the port 0 is outside 1..65535",
        "iscsi://127.0.0.1:99999/" + IQN + "/1|the port 99999 is outside 1..65535",
        "iscsi://127.0.0.1:/" + IQN + "/1|the port '' is not a number",
        "iscsi://127.0.0.1/target/1|'target' is not an iSCSI target name",
        "iscsi://bad_host/" + IQN + "/1|'bad_host' is not a host name",
        "iscsi://[::1/" + IQN + "/1|no closing ']'",
        "iscsi://@127.0.0.1/" + IQN + "/1|the user name before '@' is empty",
        "iscsi://u%@127.0.0.1/" + IQN + "/1|the password after '%' is empty",
        "http://127.0.0.1/" + IQN + "/1|the scheme is not iscsi://",
        "dev/sg8|neither an iscsi:// URI",
        "mtx:sg8|must be absolute",
        "mtx:|must be absolute",
        "/dev/../etc/passwd|'..' segment",
        "/dev//sg8|empty",
        "/dev/sg8;rm|characters outside",
        "/dev/sg 8|a space",
      })
  void malformed_isRefusedNamingTheProblem(String text, String problem) {
    assertThatThrownBy(() -> ChangerUri.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid changer URI")
        .hasMessageContaining(problem);
  }

  @Test
  void malformed_neverRepeatsThePassword() {
    assertThatThrownBy(() -> ChangerUri.parse("iscsi://user%hunter2@127.0.0.1/" + IQN + "/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("user%***@127.0.0.1");
  }
}
