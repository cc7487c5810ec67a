package io.tapeflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tapeflow.workflows.tape.TapeSearchAttributes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class TemporalConnectionTest {

  @Test
  void embedded_listensOnLoopbackOnly_onAFreePort_andRegistersSearchAttributesOnce()
      throws IOException {
    try (TemporalConnection t = TemporalConnection.embedded(0)) {
      assertThat(t.address()).startsWith("127.0.0.1:");
      int port = Integer.parseInt(t.address().substring("127.0.0.1:".length()));
      assertThat(port).isPositive();
      try (Socket s = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
        assertThat(s.isConnected()).isTrue();
      }
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (!a.isLoopbackAddress() && a.getAddress().length == 4) {
            assertThatThrownBy(() -> new Socket(a, port).close())
                .as("not reachable on %s", a)
                .isInstanceOf(IOException.class);
          }
        }
      }
      assertThat(SearchAttributeRegistry.ensure(t))
          .containsOnlyKeys(TapeSearchAttributes.definitions().keySet());
      assertThat(SearchAttributeRegistry.ensure(t)).as("already there").isEmpty();
    }
  }

  @Test
  void target_refusesAnAddressWithoutPort() {
    assertThatThrownBy(() -> TemporalConnection.target("temporal.example.net", "default"))
        .hasMessageContaining("host:port");
  }
}
