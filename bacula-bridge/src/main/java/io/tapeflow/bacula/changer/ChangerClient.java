package io.tapeflow.bacula.changer;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The thin side of the Changer Command: hands the storage daemon's arguments to a running tapeflow
 * process over its Unix socket and returns that process's answer. Empty when no service answers, so
 * the caller falls back to direct access.
 */
public final class ChangerClient {
  private ChangerClient() {}

  /**
   * Asks the service at {@code socket}.
   *
   * @return the reply, or empty when the socket does not exist or nobody listens on it
   */
  public static Optional<ChangerReply> call(Path socket, List<String> args) {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    SocketChannel ch;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      return Optional.empty();
    }
    try (ch) {
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        return Optional.empty();
      }
      var out = Channels.newOutputStream(ch);
      out.write(ChangerWire.request(args));
      out.flush();
      ch.shutdownOutput();
      return Optional.of(ChangerWire.readReply(Channels.newInputStream(ch)));
    } catch (IOException e) {
      // connected, then lost: the service may have moved the robot; report, do not repeat
      return Optional.of(
          ChangerReply.failed(
              "lost the tapeflow changer service at " + socket + " mid-call: " + e.getMessage()));
    }
  }
}
