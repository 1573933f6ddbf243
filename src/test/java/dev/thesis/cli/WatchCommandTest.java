package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `thesis watch` on a copy of the mini corpus, edited while it runs. */
class WatchCommandTest {
  @TempDir Path dir;

  @Test
  void reEvaluatesOnEditPrintsTheDeltaAndSurvivesABrokenEdit() throws Exception {
    Fixtures.copyDir(Fixtures.MINI_RULES, dir.resolve("rules"));
    Fixtures.copyDir(Fixtures.MINI_FACTS, dir.resolve("facts"));
    Path facts = dir.resolve("facts/corpus.json");
    Path report = dir.resolve("out/report.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread watch =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {
                          "watch",
                          "--rules",
                          dir.resolve("rules").toString(),
                          "--facts",
                          dir.resolve("facts").toString(),
                          "--out",
                          dir.resolve("out").toString(),
                          "--debounce",
                          "100"
                        },
                        new PrintWriter(out),
                        new PrintWriter(err))));
    watch.start();
    try {
      await(() -> out.toString().contains("Watching"), out, err);
      assertThat(out.toString()).contains("bubble    SUPPORTED");

      // Remove f2 (LabA runs on BigCloud): the round trip and what rests on it go.
      Files.writeString(
          facts, Files.readString(facts).replaceAll("(?m)^.*\"id\": \"f2\".*\\R", ""));
      await(() -> out.toString().contains("- lost    circular-funding:bigcloud"), out, err);
      assertThat(out.toString())
          .contains("Changed: ")
          .contains("- lost    round-trip:bigcloud:laba")
          .contains("~ thesis  bubble: SUPPORTED -> UNSUPPORTED, support 0.64 -> 0.00")
          .contains("! tension bubble <> rational dissolved");
      // The report written after the edit is the one without the withdrawn conclusion.
      await(
          () ->
              out.toString().split("Changed: ", -1).length == 2
                  && out.toString().endsWith("(Ctrl-C to stop)\n")
                  && !readQuietly(report).contains("circular-funding:bigcloud"),
          out,
          err);
      String good = readQuietly(report);
      assertThat(good).doesNotContain("round-trip:bigcloud:laba").contains("\"id\": \"f1\"");

      // A broken edit: diagnostics, and the last good report stays.
      Files.writeString(
          facts,
          Files.readString(facts).replace("\"type\": \"Competes\"", "\"type\": \"Competse\""));
      await(() -> err.toString().contains("keeping the last good reports"), out, err);
      assertThat(err.toString()).contains("unknown fact type \"Competse\"");
      assertThat(readQuietly(report)).isEqualTo(good);

      // Mending it, and adding a thesis no rule argues: evaluated again, with the new finding.
      Files.writeString(
          facts,
          Files.readString(facts)
              .replace("\"type\": \"Competse\"", "\"type\": \"Competes\"")
              .replace(
                  "\"theses\": [",
                  "\"theses\": [\n    {\"id\": \"orphan\", \"title\": \"Nobody argues this\"},"));
      await(() -> out.toString().contains("+ thesis  orphan added"), out, err);
      assertThat(err.toString())
          .contains("New findings:")
          .contains("thesis \"orphan\" is argued by no rule");
      await(() -> readQuietly(report).contains("\"orphan\""), out, err);
    } finally {
      watch.interrupt();
      watch.join(10_000);
    }
    assertThat(watch.isAlive()).isFalse();
    assertThat(code.get()).isEqualTo(ExitCodes.OK);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** Waits up to 30 s for the condition; fails with what was printed. */
  private static boolean await(Supplier<Boolean> condition, StringWriter out, StringWriter err)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.get()) {
        return true;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out; out:\n" + out + "\nerr:\n" + err);
  }
}
