package io.tapeflow.bacula.changer;

import io.tapeflow.changer.ChangerException;
import io.tapeflow.changer.MediumChanger;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Changer Command calls inside a running tapeflow process over a Unix socket (mode 0600
 * unless the caller gives another mode and group), so each of the storage daemon's calls costs a
 * thin client and not a JVM start, a library load and an iSCSI login. Keeps one open {@link
 * MediumChanger} per changer device; every call still reads the element status afresh and moves
 * under the host-wide lock. A changer that fails at the transport level is closed and reopened on
 * the next call.
 */
public final class ChangerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangerService.class);

  private final Path socket;
  private final ChangerOpener opener;
  private final Path lockDir;
  private final DriveReadiness readiness;
  private final Runnable onCall;
  private final Map<String, MediumChanger> open = new ConcurrentHashMap<>();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(r -> daemon(r, "changer-call"));
  private ServerSocketChannel server;
  private Thread acceptor;

  public ChangerService(Path socket, ChangerOpener opener, Path lockDir, DriveReadiness readiness) {
    this(socket, opener, lockDir, readiness, () -> {});
  }

  /** As above; {@code onCall} runs once per call served (for counting). */
  public ChangerService(
      Path socket, ChangerOpener opener, Path lockDir, DriveReadiness readiness, Runnable onCall) {
    this.socket = socket;
    this.opener = opener;
    this.lockDir = lockDir;
    this.readiness = readiness;
    this.onCall = onCall;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Where it listens. */
  public Path socket() {
    return socket;
  }

  /** Binds the socket (replacing a stale one), owner-only (mode 0600), and starts answering. */
  public ChangerService start() throws IOException {
    return start(PosixFilePermissions.fromString("rw-------"), Optional.empty());
  }

  /**
   * Binds the socket with this mode and, if given, this group (replacing a stale one) and starts
   * answering. It is bound under a temporary name in the same directory and renamed into place once
   * it has its mode and group, so no client ever finds it with other permissions.
   */
  public ChangerService start(Set<PosixFilePermission> mode, Optional<GroupPrincipal> group)
      throws IOException {
    Path dir = socket.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path staging = dir.resolve("." + socket.getFileName() + "." + ProcessHandle.current().pid());
    Files.deleteIfExists(staging);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(staging));
      if (group.isPresent()) {
        Files.getFileAttributeView(staging, PosixFileAttributeView.class).setGroup(group.get());
      }
      Files.setPosixFilePermissions(staging, mode);
      Files.move(
          staging, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      server.close();
      Files.deleteIfExists(staging);
      throw e;
    }
    acceptor = daemon(this::acceptLoop, "changer-service");
    acceptor.start();
    LOG.info("changer service listening on {}", socket);
    return this;
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel ch = server.accept();
        workers.execute(() -> serve(ch));
      } catch (IOException e) {
        if (server.isOpen()) {
          LOG.warn("changer service accept failed", e);
        }
      }
    }
  }

  private void serve(SocketChannel ch) {
    try (ch) {
      List<String> args = ChangerWire.readRequest(Channels.newInputStream(ch));
      ChangerReply reply = handle(args);
      ChangerWire.writeReply(Channels.newOutputStream(ch), reply);
    } catch (IOException e) {
      LOG.info("changer call dropped: {}", e.getMessage());
    }
  }

  /** Carries out one call as the Changer Command would. */
  public ChangerReply handle(List<String> args) {
    onCall.run();
    ChangerRequest request;
    try {
      request = ChangerRequest.parse(args);
    } catch (ChangerProtocolException e) {
      return ChangerReply.failed(e.getMessage());
    }
    MediumChanger changer;
    try {
      changer = open.computeIfAbsent(request.changer(), d -> opener.open(d, lockDir));
    } catch (ChangerException | IllegalArgumentException e) {
      return ChangerReply.failed(e.getMessage());
    }
    ChangerReply reply = new ChangerCommand(changer, readiness).execute(request);
    if (reply.exitCode() != 0 && !healthy(changer)) {
      open.remove(request.changer(), changer);
      changer.close();
    }
    return reply;
  }

  private static boolean healthy(MediumChanger changer) {
    try {
      changer.inventory();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.debug("closing the changer socket: {}", e.toString());
    }
    workers.shutdownNow();
    open.values().forEach(MediumChanger::close);
    open.clear();
  }
}
