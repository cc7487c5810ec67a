package io.tapeflow.bacula.changer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changer service's socket: where it is, its mode and group, and that it answers there. */
class ChangerServiceSocketTest {
  private static final ChangerOpener NO_CHANGER =
      (device, lockDir) -> {
        throw new IllegalArgumentException("no changer " + device + " in this test");
      };

  @TempDir Path dir;

  private ChangerService service(Path socket) {
    return new ChangerService(socket, NO_CHANGER, dir.resolve("locks"), DriveReadiness.NONE);
  }

  @Test
  void start_withModeAndGroup_socketCarriesThemAndAnswersThere() throws IOException {
    Path socket = dir.resolve("run/changer.sock");
    GroupPrincipal group = otherGroup();
    try (ChangerService s =
        service(socket).start(PosixFilePermissions.fromString("rw-rw----"), Optional.of(group))) {
      assertThat(s.socket()).isEqualTo(socket);
      PosixFileAttributes attrs = attributes(socket);
      assertThat(attrs.isOther()).as("a socket").isTrue();
      assertThat(PosixFilePermissions.toString(attrs.permissions())).isEqualTo("rw-rw----");
      assertThat(attrs.group()).isEqualTo(group);
      Optional<ChangerReply> reply =
          ChangerClient.call(socket, List.of("iscsi://127.0.0.1/iqn.x/0", "slots", "0", "x", "0"));
      assertThat(reply).isPresent();
      assertThat(reply.get().stdout()).contains("no changer iscsi://127.0.0.1/iqn.x/0");
      try (Stream<Path> left = Files.list(socket.getParent())) {
        assertThat(left).as("no staging name left").containsOnly(socket);
      }
    }
    assertThat(socket).doesNotExist();
  }

  @Test
  void start_byDefault_isOwnerOnlyAndReplacesAStaleFile() throws IOException {
    Path socket = dir.resolve("changer.sock");
    Files.writeString(socket, "stale");
    try (ChangerService s = service(socket).start()) {
      assertThat(s.socket()).isEqualTo(socket);
      PosixFileAttributes attrs = attributes(socket);
      assertThat(attrs.isOther()).as("a socket, not the stale file").isTrue();
      assertThat(PosixFilePermissions.toString(attrs.permissions())).isEqualTo("rw-------");
      assertThat(ChangerClient.call(socket, List.of("x", "slots", "0", "x", "0"))).isPresent();
    }
  }

  private static PosixFileAttributes attributes(Path p) throws IOException {
    return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * A group other than the default one where this user may give files to it (root: any group;
   * others: the group of a new file, which then proves the mode only).
   */
  private GroupPrincipal otherGroup() throws IOException {
    if ("root".equals(System.getProperty("user.name"))) {
      return FileSystems.getDefault()
          .getUserPrincipalLookupService()
          .lookupPrincipalByGroupName("daemon");
    }
    Path probe = Files.createFile(dir.resolve("probe"));
    GroupPrincipal own = attributes(probe).group();
    Files.delete(probe);
    return own;
  }
}
