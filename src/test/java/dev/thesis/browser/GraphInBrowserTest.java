package dev.thesis.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed report's evidence graph in headless Chromium at 1280 px: it fits the window and its
 * section, every entity's box lies inside the drawing, and the legend lists each kind drawn. Saves
 * target/graph-screenshot.png. Skips where Chromium is not installed, except under .ci/run.
 */
class GraphInBrowserTest {
  @TempDir Path dir;

  @Test
  void theSeedGraphFitsA1280PixelWindowWithALegend() throws Exception {
    Chromium.requireOrSkip();
    Path html = Browsers.seedReport(dir);
    try (Chromium browser = new Chromium(dir.resolve("profile"))) {
      browser.open(html.toUri().toString());
      JsonNode dom =
          browser.eval(
              """
          (() => {
            const svg = document.querySelector('svg.evidence-graph');
            svg.scrollIntoView();
            const box = e => { const b = e.getBoundingClientRect();
              return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
            return {
              viewport: window.innerWidth,
              pageWidth: document.documentElement.scrollWidth,
              svg: box(svg),
              section: box(svg.closest('.graph')),
              nodes: [...svg.querySelectorAll('g.node rect')].map(box),
              labels: [...svg.querySelectorAll('g.edge text')].map(t => box(t)),
              nodeKinds: [...new Set([...svg.querySelectorAll('g.node')].map(n => n.dataset.kind))].sort(),
              legend: [...document.querySelectorAll('ul.legend li')].map(li => li.dataset.kind),
              scale: svg.getScreenCTM().a
            };
          })()
          """);
      double viewport = dom.get("viewport").asDouble();
      assertThat(viewport).isEqualTo(1280);
      // Nothing wider than the window: no horizontal scrollbar.
      assertThat(dom.get("pageWidth").asDouble()).isLessThanOrEqualTo(viewport);
      JsonNode svg = dom.get("svg");
      JsonNode section = dom.get("section");
      assertThat(svg.get("left").asDouble()).isNotNegative();
      assertThat(svg.get("right").asDouble()).isLessThanOrEqualTo(viewport);
      assertThat(svg.get("left").asDouble()).isGreaterThanOrEqualTo(section.get("left").asDouble());
      assertThat(svg.get("right").asDouble()).isLessThanOrEqualTo(section.get("right").asDouble());
      assertThat(dom.get("nodes")).hasSize(8);
      List<JsonNode> inside = new ArrayList<>();
      dom.get("nodes").forEach(inside::add);
      dom.get("labels").forEach(inside::add);
      assertThat(inside)
          .allSatisfy(
              b -> {
                assertThat(b.get("left").asDouble())
                    .isGreaterThanOrEqualTo(svg.get("left").asDouble() - 0.5);
                assertThat(b.get("right").asDouble())
                    .isLessThanOrEqualTo(svg.get("right").asDouble() + 0.5);
                assertThat(b.get("top").asDouble())
                    .isGreaterThanOrEqualTo(svg.get("top").asDouble() - 0.5);
                assertThat(b.get("bottom").asDouble())
                    .isLessThanOrEqualTo(svg.get("bottom").asDouble() + 0.5);
              });
      // Readable: scaled to fit, but by no less than 0.8 (12 px names stay over 9.5 px).
      assertThat(dom.get("scale").asDouble()).isBetween(0.8, 1.0);
      assertThat(dom.get("nodeKinds"))
          .extracting(JsonNode::asText)
          .containsExactly("chipmaker", "cloud", "lab", "venture");
      // The seed declares every entity an arrow names: no grey "other" in the legend.
      assertThat(dom.get("legend"))
          .extracting(JsonNode::asText)
          .containsExactly("chipmaker", "cloud", "lab", "venture");
      browser.screenshot(Path.of("target/graph-screenshot.png"));
      assertThat(browser.errors()).isEmpty();
    }
  }
}
