package dev.thesis.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thesis.Fixtures;
import dev.thesis.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a browser test of the seed report needs first: Chromium, and the report written. */
final class SeedReport {
  private SeedReport() {}

  /**
   * Skips the calling test where Chromium is missing, except under .ci/run (which sets
   * THESIS_REQUIRE_CHROMIUM): there a missing browser fails it.
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

  /** The seed corpus evaluated and rendered to {@code dir/report.html}. */
  static Path write(Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    Files.writeString(
        html, HtmlReport.render(Fixtures.evaluator(1_000_000, 1).evaluate(Fixtures.seed())));
    return html;
  }
}
