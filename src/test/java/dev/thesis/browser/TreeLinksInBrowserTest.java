package dev.thesis.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The links inside report.html's explanation trees, in headless Chromium: every "shown above" and
 * "quoted above" mark, and every premise named on a grouped justification's line, leads to an
 * element of the page; following one opens the folded trees around its target.
 */
class TreeLinksInBrowserTest {
  @TempDir Path dir;

  @Test
  void everyMarkInTheTreesLeadsToItsFirstOccurrence() throws Exception {
    Chromium.requireOrSkip();
    EvaluationResult r = Fixtures.evaluator().evaluate(Fixtures.seed());
    Path html = Browsers.report(dir, r);
    try (Chromium browser = new Chromium(dir.resolve("profile"))) {
      browser.open(html.toUri().toString());
      JsonNode links =
          browser.eval(
              """
          (() => {
            const marks = [...document.querySelectorAll('.node a[href^="#"], blockquote a[href^="#"]')];
            const target = a => document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
            const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
            return {
              marks: marks.length,
              shown: marks.filter(a => a.textContent === 'shown above').length,
              quoted: marks.filter(a => a.textContent.endsWith('quoted above')).length,
              dangling: marks.filter(a => !target(a)).map(a => a.getAttribute('href')),
              duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i)
            };
          })()
          """);
      assertThat(links.get("shown").asInt()).isPositive();
      assertThat(links.get("quoted").asInt()).isPositive();
      assertThat(links.get("dangling")).isEmpty();
      assertThat(links.get("duplicateIds")).isEmpty();

      // The against branch of anti-openai-alliance names common-front, drawn in full in its for
      // branch; following the link opens the folded trees down to it.
      JsonNode before =
          browser.eval(
              """
          (() => {
            const mark = document.querySelector('#thesis-anti-openai-alliance .node.common a');
            window.linkTarget = document.getElementById(mark.getAttribute('href').slice(1));
            const closed = window.linkTarget.parentElement.closest('details:not([open])') !== null;
            mark.click();
            return {href: mark.getAttribute('href'), closed: closed};
          })()
          """);
      // Polled, not slept: on a busy machine the navigation can take a while.
      JsonNode after = null;
      for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; ) {
        after =
            browser.eval(
                """
            ({closed: window.linkTarget.parentElement.closest('details:not([open])') !== null,
              hash: location.hash})
            """);
        if (!after.get("closed").asBoolean()) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(before.get("href").asText())
          .isEqualTo("#at-conclusion-common-front-anthropic-google-deepmind-openai-62a46b");
      assertThat(before.get("closed").asBoolean()).isTrue();
      assertThat(after.get("hash").asText()).isEqualTo(before.get("href").asText());
      assertThat(after.get("closed").asBoolean()).isFalse();
      assertThat(browser.errors()).isEmpty();
    }
  }
}
