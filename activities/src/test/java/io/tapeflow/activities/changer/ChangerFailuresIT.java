package io.tapeflow.activities.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Changers;
import io.tapeflow.changer.MediumChanger;
import io.tapeflow.changer.testing.VtlFixture;
import io.tapeflow.workflows.common.Failures;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a changer that cannot be reached is reported, against tgt over iSCSI with CHAP: what only an
 * operator can fix is not retried and says what to check; what may pass is retried.
 */
class ChangerFailuresIT {
  private static final String USER = "tapeflow";
  private static final String SECRET = "s3cretS3cret";

  @TempDir static Path locks;
  static VtlFixture vtl;

  @BeforeAll
  static void up() {
    vtl = VtlFixture.builder().drives(1).slots(2).ie(1).chap(USER, SECRET).start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  /** The failure a changer activity reports when opening {@code uri} fails. */
  private static ApplicationFailure openFailure(String uri) {
    Throwable t =
        catchThrowable(
            () -> {
              try (MediumChanger c = Changers.open(ChangerUri.parse(uri), locks)) {
                c.inventory();
              }
            });
    assertThat(t).as("opening %s", uri).isInstanceOf(RuntimeException.class);
    return ChangerFailures.of((RuntimeException) t);
  }

  private static void assertNeedsOperator(ApplicationFailure f, String check) {
    assertThat(f.getType()).isEqualTo(Failures.CHANGER_NEEDS_OPERATOR);
    assertThat(f.isNonRetryable()).as("retried").isTrue();
    assertThat(f.getOriginalMessage())
        .contains(check)
        .contains("an operator must act")
        .doesNotContain(SECRET);
  }

  @Test
  void theRightUri_opensTheChanger() {
    try (MediumChanger c = Changers.open(ChangerUri.parse(vtl.changerUri()), locks)) {
      assertThat(c.inventory().elements()).isNotEmpty();
    }
  }

  @Test
  void aWrongTargetIqn_needsAnOperator_namingTheTarget() {
    String uri =
        vtl.changerUri().replace(vtl.changerIqn(), "iqn.1997-05.com.amazon:sgw-nope-mediachanger");
    assertNeedsOperator(openFailure(uri), "check the target IQN");
  }

  @Test
  void aLunTheTargetDoesNotHave_needsAnOperator_namingTheLun() {
    String uri = vtl.changerUri().replaceAll("/1$", "/7");
    assertNeedsOperator(openFailure(uri), "check the LUN");
  }

  @Test
  void aLunThatIsNotTheChanger_needsAnOperator_namingTheLun() {
    String uri = vtl.changerUri().replaceAll("/1$", "/0");
    assertNeedsOperator(openFailure(uri), "check the target and LUN");
  }

  @Test
  void aBadChapSecret_needsAnOperator_namingTheCredentials() {
    String uri = vtl.changerUri().replace(USER + "%" + SECRET + "@", USER + "%wrongWrong1234@");
    assertThat(uri).isNotEqualTo(vtl.changerUri());
    assertNeedsOperator(openFailure(uri), "check the user and secret");
  }

  @Test
  void aPortalNobodyListensOn_isRetried() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String uri = vtl.changerUri().replace(vtl.portal(), "127.0.0.1:" + port);
    ApplicationFailure f = openFailure(uri);
    assertThat(f.getType()).isEqualTo(Failures.CHANGER_NOT_READY);
    assertThat(f.isNonRetryable()).isFalse();
  }
}
