package dev.thesis.browser;

import dev.thesis.Fixtures;
import dev.thesis.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed report written for a browser test. */
final class SeedReport {
  private SeedReport() {}

  /** The seed corpus evaluated and rendered to {@code dir/report.html}. */
  static Path write(Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    Files.writeString(
        html, HtmlReport.render(Fixtures.evaluator(1_000_000, 1).evaluate(Fixtures.seed())));
    return html;
  }
}
