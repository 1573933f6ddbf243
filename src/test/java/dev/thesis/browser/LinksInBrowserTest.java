package dev.thesis.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of the seed corpus followed link by link in headless Chromium: every in-page link
 * resolves to exactly one element, ids are unique, the table of contents lists every section,
 * following a link brings its target into view, and the argument maps fit the page. Screenshots of
 * a few sections land in target/links-*.png.
 */
class LinksInBrowserTest {
  @TempDir Path dir;
  private EvaluationResult r;

  @Test
  void everyInPageLinkResolvesAndBringsItsTargetIntoView() throws Exception {
    Path html = seedReport();
    try (Chromium browser = new Chromium(dir.resolve("profile"))) {
      browser.open(html.toUri().toString());
      JsonNode dom =
          browser.eval(
              """
          (() => {
            const links = [...document.querySelectorAll('a')]
              .map(a => a.getAttribute('href')).filter(h => h && h.startsWith('#'));
            const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
            const toc = [...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'));
            return {
              links: links.length,
              unresolved: links.filter(h => {
                const id = decodeURIComponent(h.slice(1));
                return document.getElementById(id) === null
                  || document.querySelectorAll('[id="' + CSS.escape(id) + '"]').length !== 1;
              }),
              duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
              sections: [...document.querySelectorAll('h2[id], section[id]')].map(e => '#' + e.id),
              toc: toc,
              mentions: {
                matrixFacts: document.querySelectorAll('table.matrix td code a[href^="#fact-"]').length,
                matrixRows: document.querySelectorAll('table.matrix tr').length - 1,
                cards: document.querySelectorAll('.dashboard .card h3 a[href^="#thesis-"]').length
              },
              maps: [...document.querySelectorAll('section.thesis svg.argmap')].map(s => s.getBoundingClientRect().right),
              viewport: document.documentElement.clientWidth,
              alliance: [...document.querySelectorAll('#thesis-anti-openai-alliance svg.argmap g.box')]
                .filter(g => g.classList.contains('pro') || g.classList.contains('con'))
                .map(g => g.classList[1] + ' ' + g.textContent.replace(/\\s+/g, ' ').trim())
            };
          })()
          """);
      assertThat(dom.get("links").asInt()).isGreaterThan(500);
      assertThat(dom.get("unresolved")).isEmpty();
      assertThat(dom.get("duplicates")).isEmpty();
      assertThat(texts(dom.get("toc"))).containsAll(texts(dom.get("sections")));
      assertThat(dom.at("/mentions/matrixFacts").asInt())
          .isEqualTo(dom.at("/mentions/matrixRows").asInt());
      assertThat(dom.at("/mentions/cards").asInt()).isEqualTo(r.verdicts().size());
      assertThat(dom.get("maps")).isNotEmpty();
      for (JsonNode right : dom.get("maps")) {
        assertThat(right.asDouble()).isLessThanOrEqualTo(dom.get("viewport").asDouble());
      }
      // One rule for, one against; the ten justifications against make one box.
      List<String> alliance = texts(dom.get("alliance"));
      assertThat(alliance).hasSize(2);
      assertThat(alliance.get(0)).startsWith("pro").contains("Labs sharing a rival");
      assertThat(alliance.get(1))
          .startsWith("con")
          .contains("takes money from the rival")
          .contains("10 justifications")
          .contains("strength 0.50");

      for (String target :
          List.of("#thesis-anti-openai-alliance", "#facts", "#question-why-fund-labs")) {
        JsonNode seen =
            browser.eval(
                """
            (() => {
              window.scrollTo(0, 0);
              document.querySelector('a[href="%s"]').click();
              const box = document.getElementById(decodeURIComponent('%s'.slice(1)))
                .getBoundingClientRect();
              return { top: box.top, height: innerHeight, hash: location.hash };
            })()
            """
                    .formatted(target, target));
        assertThat(seen.get("hash").asText()).isEqualTo(target);
        assertThat(seen.get("top").asDouble()).isBetween(-1.0, seen.get("height").asDouble() / 2);
      }
      shoot(browser, "nav.toc", "toc");
      shoot(browser, "#thesis-anti-openai-alliance div.argmap", "argmap-alliance");
      shoot(browser, "#thesis-circularity-bubble div.argmap", "argmap-circularity");
      shoot(browser, "#question-why-fund-labs", "question");
      shoot(browser, "#facts + p + dl", "facts");
      shoot(browser, "#conclusions + p + dl", "conclusions");
      shoot(browser, "#rules + dl", "rules");
      shoot(browser, "#thesis-anti-openai-alliance", "thesis");
      assertThat(browser.errors()).isEmpty();
    }
  }

  /**
   * The seed corpus's report.html, or a skipped test where Chromium is missing (a failure where
   * .ci/run requires it).
   */
  private Path seedReport() throws Exception {
    boolean required = System.getenv("THESIS_REQUIRE_CHROMIUM") != null;
    assertThat(!required || Chromium.available()).as("Chromium is required here").isTrue();
    assumeTrue(Chromium.available(), "Chromium is not installed: the browser test is skipped");
    r = Fixtures.evaluator(1_000_000, 1).evaluate(Fixtures.seed());
    Path html = dir.resolve("report.html");
    Files.writeString(html, HtmlReport.render(r));
    return html;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A screenshot of one element, at most 1800 px tall, for a person to look at. */
  private static void shoot(Chromium browser, String selector, String name) throws Exception {
    JsonNode box =
        browser.eval(
            """
        (() => { const b = document.querySelector('%s').getBoundingClientRect();
          return { x: b.left + scrollX, y: b.top + scrollY, w: b.width, h: b.height }; })()
        """
                .formatted(selector));
    ObjectNode clip = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    clip.put("x", box.get("x").asDouble())
        .put("y", box.get("y").asDouble())
        .put("width", box.get("w").asDouble())
        .put("height", Math.min(1800, box.get("h").asDouble()))
        .put("scale", 1);
    ObjectNode p = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    p.put("format", "png").put("captureBeyondViewport", true).set("clip", clip);
    String data = browser.send("Page.captureScreenshot", p).path("data").asText();
    Path png = Path.of("target/links-" + name + ".png");
    Files.createDirectories(png.getParent());
    Files.write(png, Base64.getDecoder().decode(data));
  }
}
