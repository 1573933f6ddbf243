package dev.thesis.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of the seed corpus as a person sees it, in headless Chromium: the dashboard, an
 * expanded tree down to the quoted sentence, the graph, no network request, no script error, and a
 * screenshot (target/report-screenshot.png). Skips where Chromium is not installed; .ci/run
 * installs it.
 */
class ReportInBrowserTest {
  @TempDir Path dir;

  @Test
  void theSeedReportRendersOfflineWithoutErrors() throws Exception {
    Chromium.requireOrSkip();
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 1).evaluate(Fixtures.seed());
    Path html = Browsers.report(dir, r);
    try (Chromium browser = new Chromium(dir.resolve("profile"))) {
      browser.open(html.toUri().toString());
      JsonNode dom =
          browser.eval(
              """
          (() => {
            const alliance = document.querySelector('#thesis-anti-openai-alliance');
            alliance.querySelectorAll('details').forEach(d => d.open = true);
            return {
              cards: document.querySelectorAll('.dashboard .card').length,
              badges: [...document.querySelectorAll('.dashboard .badge')].map(b => b.textContent.trim()),
              allianceText: alliance.innerText,
              nodes: document.querySelectorAll('svg.evidence-graph g.node').length,
              derived: document.querySelectorAll('svg.evidence-graph g.edge.derived').length,
              matrixRows: document.querySelectorAll('table.matrix tr').length,
              graphWidth: document.querySelector('svg.evidence-graph').getBoundingClientRect().width
            };
          })()
          """);
      assertThat(dom.get("cards").asInt()).isEqualTo(r.verdicts().size());
      assertThat(dom.get("badges"))
          .extracting(JsonNode::asText)
          .contains("SUPPORTED", "UNSUPPORTED");
      assertThat(dom.get("allianceText").asText())
          .contains(
              "Leaders from major AI labs like Google DeepMind and Anthropic are openly collaborating")
          .contains("rules/20-conclude.drl:");
      assertThat(dom.get("nodes").asInt()).isEqualTo(8);
      assertThat(dom.get("derived").asInt()).isPositive();
      assertThat(dom.get("matrixRows").asInt()).isGreaterThan(10);
      assertThat(dom.get("graphWidth").asDouble()).isPositive();
      browser.screenshot(Path.of("target/report-screenshot.png"));
      // The page's own file and nothing else: no other file, no data URL, no network.
      String self = html.toUri().toString();
      assertThat(browser.requests())
          .isNotEmpty()
          .allMatch(u -> u.equals(self) || u.equals("about:blank"));
      assertThat(browser.errors()).isEmpty();
    }
    assertThat(Path.of("target/report-screenshot.png")).isNotEmptyFile();
  }
}
