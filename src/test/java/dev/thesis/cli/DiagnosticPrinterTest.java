package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echoed line is cut around the column, escaped, and the caret stays under its character. */
class DiagnosticPrinterTest {

  @Test
  void aShortLineIsEchoedWholeWithTabsKeptForTheCaret() {
    var e = DiagnosticPrinter.Excerpt.of("\t\"colour\": 1", 3);
    assertThat(e.text()).isEqualTo("\t\"colour\": 1");
    assertThat(e.caretPadding()).isEqualTo("\t ");
  }

  @Test
  void aLongLineIsCutOnBothSidesAroundTheColumn() {
    String line = "a".repeat(299) + "X" + "b".repeat(200);
    var e = DiagnosticPrinter.Excerpt.of(line, 300);
    // 100 characters before the X, the X and 99 after; one space under the leading "…".
    assertThat(e.text()).isEqualTo("…" + "a".repeat(100) + "X" + "b".repeat(99) + "…");
    assertThat(e.caretPadding()).isEqualTo(" ".repeat(101));
  }

  @Test
  void nearEitherEndOnlyTheOtherSideIsCut() {
    String line = "a".repeat(4) + "X" + "b".repeat(495);
    var start = DiagnosticPrinter.Excerpt.of(line, 5);
    assertThat(start.text()).isEqualTo("aaaaX" + "b".repeat(195) + "…");
    assertThat(start.caretPadding()).isEqualTo("    ");

    var end = DiagnosticPrinter.Excerpt.of("a".repeat(499) + "X", 500);
    assertThat(end.text()).isEqualTo("…" + "a".repeat(199) + "X");
    assertThat(end.caretPadding()).isEqualTo(" ".repeat(200));
  }

  @Test
  void aControlCharacterIsEscapedAndTheCaretMovesPastIt() {
    var e = DiagnosticPrinter.Excerpt.of("x\u001b[2Jy", 6);
    assertThat(e.text()).isEqualTo("x\\u001b[2Jy");
    assertThat(e.caretPadding()).isEqualTo(" ".repeat(10));
  }

  @Test
  void aFileGetsAHundredDiagnosticsThenOneLineForTheRest(@TempDir Path dir) throws Exception {
    Path many = Files.writeString(dir.resolve("many.json"), "{\"k\u001b\": 1}\n");
    Path few = Files.writeString(dir.resolve("few.json"), "{}\n");
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (int i = 0; i < 103; i++) {
      diagnostics.add(Diagnostic.error(new Location(many.toString(), 1, 2), "unknown key \u001b"));
    }
    diagnostics.add(Diagnostic.error(new Location(few.toString(), 1, 1), "empty"));
    StringWriter err = new StringWriter();
    new DiagnosticPrinter().print(new PrintWriter(err), diagnostics);

    String out = err.toString();
    String one =
        many + ":1:2: error: unknown key \\u001b\n" + "    {\"k\\u001b\": 1}\n" + "     ^\n";
    assertThat(out)
        .startsWith(one.repeat(100) + few + ":1:1: error: empty\n    {}\n    ^\n")
        .endsWith(
            many + ": 3 more diagnostic(s) for this file not shown (the first 100 are above)\n")
        .doesNotContain("\u001b");
  }
}
