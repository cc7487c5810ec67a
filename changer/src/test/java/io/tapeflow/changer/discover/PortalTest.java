package io.tapeflow.changer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortalTest {
  @Test
  void parse_hostAlone_usesTheIscsiPort() {
    assertThat(Portal.parse("gw.example.com")).isEqualTo(new Portal("gw.example.com", 3260));
  }

  @Test
  void parse_hostAndPort_keepsThePort() {
    assertThat(Portal.parse("10.0.0.5:3261")).isEqualTo(new Portal("10.0.0.5", 3261));
  }

  @Test
  void parse_sendTargetsAnswer_dropsThePortalGroupTag() {
    assertThat(Portal.parse("10.0.0.5:3260,1")).isEqualTo(new Portal("10.0.0.5", 3260));
  }

  @Test
  void parse_bracketedIpv6_printsItBracketedAgain() {
    Portal p = Portal.parse("[fd00::5]:3260");
    assertThat(p.host()).isEqualTo("fd00::5");
    assertThat(p).hasToString("[fd00::5]:3260");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "host:port", "host:99999", "[fd00::5", "a b", "h:0", "[::1]x"})
  void parse_badPortal_isRefusedNamingIt(String text) {
    assertThatThrownBy(() -> Portal.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("portal");
  }
}
