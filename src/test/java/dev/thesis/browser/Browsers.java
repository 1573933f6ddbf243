package dev.thesis.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** What browser tests share: whether they may run, and the page they open. */
final class Browsers {
  private Browsers() {}

  /**
   * Skips the test where Chromium is not installed, except under .ci/run, which sets
   * THESIS_REQUIRE_CHROMIUM: there a missing browser fails the build instead.
   */
  static void assumeChromium() {
    if (System.getenv("THESIS_REQUIRE_CHROMIUM") != null) {
      assertThat(Chromium.available())
          .as("Chromium is required here but not installed at " + Chromium.BINARY)
          .isTrue();
    }
    assumeTrue(
        Chromium.available(),
        "Chromium is not installed (" + Chromium.BINARY + "): the browser test is skipped");
  }

  /** Writes report.html of a result into a folder and returns its path. */
  static Path report(Path dir, EvaluationResult r) throws java.io.IOException {
    Path html = dir.resolve("report.html");
    Files.writeString(html, HtmlReport.render(r));
    return html;
  }
}
