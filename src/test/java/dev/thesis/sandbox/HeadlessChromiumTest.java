package dev.thesis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thesis.env.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page Chromium prints came from a run's child, so a hostile one must not bring a local file
 * onto the PDF, by a frame or by a script that navigates to it, whether Chromium runs in bubblewrap
 * or not. (Printed as given, without the copy's policy, the frame does show the file: checked by
 * hand.)
 */
public class HeadlessChromiumTest {
  @TempDir Path dir;

  /** Chromium as the program finds it; skips without one, fails under THESIS_REQUIRE_CHROMIUM. */
  public static Path requireChromium() {
    Environment env = Environment.current();
    try {
      return HeadlessChromium.locate(env.chromium(), env.path());
    } catch (HeadlessChromium.PrintException e) {
      if (System.getenv("THESIS_REQUIRE_CHROMIUM") != null) {
        throw new AssertionError("Chromium is required here: " + e.getMessage(), e);
      }
      assumeTrue(false, "no Chromium: the test is skipped (" + e.getMessage() + ")");
      return null;
    }
  }

  @Test
  void theCopyLoadsNothingRunsNoScriptAndOpensEveryTree() {
    String copy =
        HeadlessChromium.printCopy(
            "<!DOCTYPE html>\n<html><head></head><body><details class=\"node\"><summary>s</summary>"
                + "</details><details><summary>t</summary></details></body></html>");
    assertThat(copy)
        .startsWith(
            "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
                + " 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">\n<html>")
        .contains("<details open class=\"node\">")
        .contains("<details open><summary>t")
        .doesNotContain("script-src");
  }

  @Test
  void aHostilePageCannotPrintALocalFile() throws Exception {
    Path chromium = requireChromium();
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET-FROM-THE-DISK");
    String url = secret.toUri().toString();
    String framed =
        "<!DOCTYPE html><html><body><p>framed</p><iframe src=\""
            + url
            + "\"></iframe></body></html>";
    String navigates =
        "<!DOCTYPE html><html><body><p>navigates</p><script>location.href = '"
            + url
            + "';</script></body></html>";
    Bubblewrap.Probe probe = Bubblewrap.probe(Environment.current().path());
    for (Path bwrap : probe.available() ? new Path[] {null, probe.program()} : new Path[] {null}) {
      HeadlessChromium printer = new HeadlessChromium(chromium, bwrap, Duration.ofSeconds(60));
      assertThat(text(printer.print(framed))).contains("framed").doesNotContain("SECRET");
      assertThat(text(printer.print(navigates))).contains("navigates").doesNotContain("SECRET");
    }
  }

  @Test
  void aMissingProgramIsNamedWithHowToGetOne() {
    assertThatThrownBy(
            () ->
                HeadlessChromium.locate(Optional.of(dir.resolve("nothing").toString()), "/usr/bin"))
        .hasMessageContaining("THESIS_CHROMIUM is " + dir.resolve("nothing"))
        .hasMessageContaining(HeadlessChromium.HOW_TO_GET);
    assertThatThrownBy(() -> HeadlessChromium.locate(Optional.empty(), dir.toString()))
        .hasMessage(
            "no chromium, chromium-browser, google-chrome on the PATH to print with; "
                + HeadlessChromium.HOW_TO_GET);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }
}
