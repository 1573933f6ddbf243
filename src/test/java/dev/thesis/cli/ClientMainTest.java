package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientMainTest {
  @AfterEach
  void clear() {
    System.clearProperty("thesis.launchedAt");
  }

  @Test
  void commandsThatFinishOnTheirOwnGoToTheDaemon() {
    assertThat(ClientMain.servable(List.of("evaluate", "--out", "reports"))).isTrue();
    assertThat(ClientMain.servable(List.of("explain", "circularity-bubble"))).isTrue();
    assertThat(ClientMain.servable(List.of("diff", "old.json", "new.json"))).isTrue();
  }

  @Test
  void theServedCommandsAreListedOnceForTheLauncherToo() {
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      dev.thesis.daemon.ServedCommands.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    // The one line the launcher reads from target/served-commands.
    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            String.join(" ", dev.thesis.daemon.ServedCommands.NAMES) + System.lineSeparator());
    for (String command : dev.thesis.daemon.ServedCommands.NAMES) {
      assertThat(ClientMain.servable(List.of(command))).as(command).isTrue();
    }
    assertThat(dev.thesis.daemon.ServedCommands.NAMES)
        .doesNotContain("watch", "generate", "daemon");
  }

  @Test
  void whatNeedsAProcessOfItsOwnRunsInTheClient() {
    assertThat(ClientMain.servable(List.of())).isFalse();
    assertThat(ClientMain.servable(List.of("watch"))).isFalse();
    assertThat(ClientMain.servable(List.of("generate", "--companies", "10", "--out", "x")))
        .isFalse();
    assertThat(ClientMain.servable(List.of("daemon", "status"))).isFalse();
    assertThat(ClientMain.servable(List.of("--help"))).isFalse();
    // The daemon runs every run's rules in a child of their own, which it can kill, and which
    // takes the rules' changes with it when it goes.
    assertThat(ClientMain.servable(List.of("evaluate", "--timeout", "5"))).isTrue();
    assertThat(ClientMain.servable(List.of("evaluate", "--trust-rules"))).isTrue();
    // Paths that exist only in the client's process: <(...) and standard input.
    assertThat(ClientMain.servable(List.of("diff", "/dev/fd/63", "new.json"))).isFalse();
    assertThat(ClientMain.servable(List.of("evaluate", "--facts=/dev/stdin"))).isFalse();
    assertThat(ClientMain.servable(List.of("evaluate", "--facts", "/proc/self/fd/0"))).isFalse();
    // However the path is spelt.
    String up = "../".repeat(java.nio.file.Path.of("").toAbsolutePath().getNameCount());
    assertThat(ClientMain.servable(List.of("check", "--facts", up + "dev/stdin"))).isFalse();
  }

  @Test
  void aLinkIntoDevIsSeenThrough(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path link =
        java.nio.file.Files.createSymbolicLink(
            dir.resolve("in.json"), java.nio.file.Path.of("/dev/stdin"));
    assertThat(ClientMain.servable(List.of("evaluate", "--facts", link.toString()))).isFalse();
    assertThat(ClientMain.servable(List.of("evaluate", "--facts", dir.toString()))).isTrue();
  }

  @Test
  void startIsCountedFromTheLaunchersClockWhateverTheLocalesSeparator() {
    double now = System.currentTimeMillis() / 1000.0;
    System.setProperty("thesis.launchedAt", String.format(java.util.Locale.ROOT, "%.6f", now - 2));
    assertThat(ClientMain.nanosSinceStart()).isBetween(1_900_000_000L, 60_000_000_000L);
    System.setProperty(
        "thesis.launchedAt",
        String.format(java.util.Locale.ROOT, "%.6f", now - 2).replace('.', ','));
    assertThat(ClientMain.nanosSinceStart()).isBetween(1_900_000_000L, 60_000_000_000L);
  }

  @Test
  void withoutTheLaunchersClockItIsThisJvmsStart() {
    System.setProperty("thesis.launchedAt", "");
    assertThat(ClientMain.nanosSinceStart())
        .isCloseTo(JvmStart.nanosSinceStart(), org.assertj.core.data.Offset.offset(1_000_000_000L));
  }
}
