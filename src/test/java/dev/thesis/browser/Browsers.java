package dev.thesis.browser;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pages browser tests open (whether they may run at all is {@link Chromium#requireOrSkip}). */
final class Browsers {
  private Browsers() {}

  /** Writes report.html of a result into a folder and returns its path. */
  static Path report(Path dir, EvaluationResult r) throws java.io.IOException {
    Path html = dir.resolve("report.html");
    Files.writeString(html, HtmlReport.render(r));
    return html;
  }

  /** report.html of the seed corpus, written into a folder. */
  static Path seedReport(Path dir) throws Exception {
    return report(
        dir, dev.thesis.Fixtures.evaluator(1_000_000, 1).evaluate(dev.thesis.Fixtures.seed()));
  }
}
