package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFileAndLeavesNothingElse() throws Exception {
    Path out = tmp.resolve("out");
    ReportWriter.write(out, Map.of("report.md", "# new", "report.json", "{}"));
    assertThat(names(out)).containsExactly("report.json", "report.md");
    assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("# new");
  }

  @Test
  void refusesAnOutputFolderOrReportThatIsALink() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    assertThatThrownBy(() -> ReportWriter.write(link, Map.of("report.md", "x")))
        .isInstanceOf(ReportWriter.RefusedException.class)
        .hasMessageContaining("symbolic link");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "keep");
    Files.createSymbolicLink(out.resolve("report.md"), secret);
    assertThatThrownBy(() -> ReportWriter.write(out, Map.of("report.md", "x")))
        .isInstanceOf(ReportWriter.RefusedException.class);
    assertThat(Files.readString(secret)).isEqualTo("keep");
    assertThat(names(real)).isEmpty();
  }

  @Test
  void refusesNamesThatLeaveTheFolder() {
    for (String bad : List.of("../escape.md", "sub/report.md", ".hidden", "/abs.md")) {
      assertThatThrownBy(() -> ReportWriter.write(tmp.resolve("out"), Map.of(bad, "x")))
          .as(bad)
          .isInstanceOf(ReportWriter.RefusedException.class);
    }
    assertThat(Files.exists(tmp.resolve("escape.md"))).isFalse();
  }

  @Test
  void removesTheStagingFolderOfADeadRunButNotOfALiveOne() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    // No process has pid 2^22+1 here (Linux caps pids at 2^22).
    Path dead = Files.createDirectories(out.resolve(".thesis-staging-4194305-1"));
    Files.writeString(dead.resolve("report.md"), "half");
    Path live =
        Files.createDirectories(
            out.resolve(
                ".thesis-staging-" + ProcessHandle.current().parent().orElseThrow().pid() + "-1"));
    ReportWriter.write(out, Map.of("report.md", "# new"));
    assertThat(names(out)).containsExactlyInAnyOrder("report.md", live.getFileName().toString());
  }

  /**
   * Kills a real run between writing its staged reports and moving them in; the old ones must
   * stand.
   */
  @Test
  void aRunKilledWhileWritingLeavesTheOldReportsAndTheNextRunCleansUp() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("report.md"), "old md");
    Files.writeString(out.resolve("report.json"), "{\"old\": true}");
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dthesis.test.pauseBeforePublishMs=60000",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.thesis.cli.Main",
                "evaluate",
                "--rules",
                "src/test/resources/mini/rules",
                "--facts",
                "src/test/resources/mini/facts",
                "--format",
                "md,json",
                "--out",
                out.toString()));
    Process run =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log.txt").toFile())
            .start();
    try {
      Path staged = null;
      for (int i = 0; i < 600 && staged == null; i++) {
        Thread.sleep(100);
        try (Stream<Path> s = Files.list(out)) {
          staged =
              s.filter(p -> p.getFileName().toString().startsWith(".thesis-staging-"))
                  .findFirst()
                  .filter(p -> Files.exists(p.resolve("report.json")))
                  .orElse(null);
        }
      }
      assertThat(staged)
          .as("the run staged its reports: " + Files.readString(tmp.resolve("log.txt")))
          .isNotNull();
    } finally {
      run.destroyForcibly();
      run.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("old md");
    assertThat(Files.readString(out.resolve("report.json"))).isEqualTo("{\"old\": true}");

    int code =
        dev.thesis.cli.Main.run(
            new String[] {
              "evaluate",
              "--rules",
              "src/test/resources/mini/rules",
              "--facts",
              "src/test/resources/mini/facts",
              "--format",
              "md,json",
              "--out",
              out.toString()
            },
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(code).isZero();
    assertThat(names(out)).containsExactly("report.json", "report.md");
    assertThat(Files.readString(out.resolve("report.md"))).isNotEqualTo("old md").startsWith("#");
  }

  @Test
  void refusesALinkAnywhereInTheOutputPathNamingIt() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("lnk"), real);
    assertThatThrownBy(
            () -> ReportWriter.write(link.resolve("sub/deeper"), Map.of("report.md", "x")))
        .isInstanceOf(ReportWriter.RefusedException.class)
        .hasMessageStartingWith(
            link + " is a symbolic link (in " + link.resolve("sub/deeper") + ")");
    assertThat(names(real)).isEmpty();
  }
}
