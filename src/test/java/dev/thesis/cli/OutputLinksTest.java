package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} refuses a symbolic link in any component the user wrote, and only there: run in a
 * real process whose current folder is itself reached through a link, a relative path below it is
 * written, and a relative path through a link below it is refused (exit 2).
 */
class OutputLinksTest {
  @TempDir Path tmp;

  /** {@code thesis evaluate} in a JVM of its own, started in {@code cwd}. */
  private static ChildJvm.Result evaluateIn(Path cwd, String out) throws Exception {
    Path project = Path.of("").toAbsolutePath();
    return ChildJvm.run(
        cwd,
        List.of(),
        List.of(
            "evaluate",
            "--rules",
            project.resolve("src/test/resources/bad/_rules").toString(),
            "--facts",
            project.resolve("src/test/resources/bad/recursing-rule/facts").toString(),
            "--out",
            out));
  }

  @Test
  void aLinkAboveTheCurrentFolderIsFollowedOneBelowIsRefused() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Path here = Files.createSymbolicLink(tmp.resolve("here"), real);
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(real.resolve("lnk"), elsewhere);

    ChildJvm.Result ok = evaluateIn(here, "out");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(real.resolve("out/report.md")).exists();

    ChildJvm.Result refused = evaluateIn(here, "lnk/sub");
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err())
        .contains("refusing to write the reports: lnk is a symbolic link (in lnk/sub)")
        .doesNotContain("\tat ");
    assertThat(list(elsewhere)).isEmpty();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.toList();
    }
  }
}
