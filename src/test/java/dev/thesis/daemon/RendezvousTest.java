package dev.thesis.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendezvousTest {
  @TempDir Path dir;

  @Test
  void aMissingFolderIsCreatedPrivate() throws IOException {
    Path folder = dir.resolve("a/thesis");
    Rendezvous r = Rendezvous.open(folder);
    assertThat(Files.getPosixFilePermissions(folder))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    Identity id = new Identity("x");
    assertThat(r.socket(id)).isEqualTo(folder.resolve(id.key() + ".sock"));
    assertThat(r.lock(id).getFileName().toString()).endsWith(".lock");
    // Opening it again accepts what it made.
    assertThat(Rendezvous.open(folder).folder()).isEqualTo(folder);
  }

  @Test
  void aFolderOthersCanEnterIsRefused() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
    assertThatThrownBy(() -> Rendezvous.open(folder)).hasMessageContaining("open to other users");
  }

  @Test
  void aLinkIsRefusedEvenToAPrivateFolder() throws IOException {
    Path real =
        Files.createDirectory(
            dir.resolve("real"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertThatThrownBy(() -> Rendezvous.open(link)).hasMessageContaining("is a link");
  }

  @Test
  void pruneRemovesWhatDaemonsThatAreGoneLeftAndKeepsTheLiveOnes() throws Exception {
    Rendezvous r = Rendezvous.open(dir.resolve("d"));
    Identity gone = new Identity("gone");
    Identity crashed = new Identity("crashed");
    Identity live = new Identity("live");
    for (Identity id : java.util.List.of(gone, crashed, live)) {
      Files.createFile(r.lock(id));
      Files.createFile(r.log(id));
      Files.createFile(r.socket(id));
    }
    for (Path old : java.util.List.of(r.log(gone), r.lock(gone))) {
      Files.setLastModifiedTime(
          old,
          java.nio.file.attribute.FileTime.from(
              java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
    }
    try (java.nio.channels.FileChannel channel =
            java.nio.channels.FileChannel.open(
                r.lock(live), java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = channel.lock()) {
      assertThat(held.isValid()).isTrue();
      assertThat(r.prune()).containsExactly(r.socket(live));
    }
    assertThat(r.lock(gone)).doesNotExist();
    assertThat(r.log(gone)).doesNotExist();
    assertThat(r.socket(gone)).doesNotExist();
    // A daemon gone lately keeps its log, to be read, and its lock, which a new daemon may be
    // taking.
    assertThat(r.socket(crashed)).doesNotExist();
    assertThat(r.log(crashed)).exists();
    assertThat(r.lock(crashed)).exists();
    assertThat(r.lock(live)).exists();
    assertThat(r.socket(live)).exists();
  }

  @Test
  void aSocketPathOverTheKernelsLimitDoesNotFit() throws IOException {
    Identity id = new Identity("x");
    assertThat(Rendezvous.open(dir.resolve("short")).socketFits(id)).isTrue();
    Path deep = dir.resolve("a".repeat(100));
    assertThat(Rendezvous.open(deep).socketFits(id)).isFalse();
  }
}
