package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is what the commands' --help prints today; -Dthesis.regenerate=true rewrites it
 * instead.
 */
final class CliReferenceTest {

  @Test
  void docsCliMdIsUpToDate() throws IOException {
    String expected = CliReference.render();
    if (Boolean.getBoolean("thesis.regenerate")) {
      Files.writeString(CliReference.DOC, expected, StandardCharsets.UTF_8);
      return;
    }
    String committed =
        Files.exists(CliReference.DOC)
            ? Files.readString(CliReference.DOC, StandardCharsets.UTF_8).replace("\r\n", "\n")
            : "";
    if (!committed.equals(expected)) {
      // The first line that differs, not both 20 kB texts: enough to see what changed.
      String[] was = committed.split("\n", -1);
      String[] now = expected.split("\n", -1);
      int i = 0;
      while (i < was.length && i < now.length && was[i].equals(now[i])) {
        i++;
      }
      fail(
          "%s is out of date with the commands' --help; first difference at line %d:%n"
              + "  in the file: %s%n  from --help: %s%nregenerate it with%n  %s%nand commit it",
          CliReference.DOC,
          i + 1,
          i < was.length ? was[i] : "(end of file)",
          i < now.length ? now[i] : "(end)",
          CliReference.REGENERATE);
    }
  }

  @Test
  void everyCommandUnderCommandsIsFound() {
    String usage =
        String.join(
            "\n",
            "Usage: thesis [-hV] [COMMAND]",
            "Commands:",
            "  evaluate  Run the rules over the facts, print the verdicts, write report.md",
            "              and report.json.",
            "  diff, d   Compare two report.json files.",
            "",
            "Exit codes: 0 ok");
    assertThat(CliReference.listed(usage)).containsExactly("evaluate", "diff");
  }
}
