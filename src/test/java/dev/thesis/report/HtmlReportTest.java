package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void markupInTheInputsIsRenderedInert() throws Exception {
    EvaluationResult r = escapeFixture();
    String html = HtmlReport.render(r);
    String lower = html.toLowerCase(Locale.ROOT);
    // The report itself has no script at all, so any <script is an injection.
    assertThat(lower)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<iframe")
        .doesNotContain("<svg onload")
        .doesNotContain("<i>origin")
        .doesNotContain("<b>shout")
        .doesNotContain("<to>");
    // The graph draws the hostile names (node labels, titles, data attributes) and edge labels
    // inert.
    String svg =
        html.substring(
            html.indexOf("<svg xmlns"), html.indexOf("</svg>", html.indexOf("<svg xmlns")));
    assertThat(svg)
        .contains("&lt;iframe src=javascript:alert(4)&gt;")
        .contains("links &lt;to&gt; &amp;")
        .contains("data-id=\"&#34;/>&lt;script>alert(5)&lt;/script>\"")
        .doesNotContain("<script")
        .doesNotContain("<iframe");
    String dot = GraphSvg.dot(EvidenceGraph.of(r));
    assertThat(dot).contains("\"\\\"/><script>alert(5)</script>\"");
    assertThat(html)
        .contains("&lt;script&gt;alert(\"title\")&lt;/script&gt; &amp; 'q'")
        .contains("&lt;/blockquote&gt;&lt;script&gt;alert('text')&lt;/script&gt;")
        .contains("&lt;iframe src=javascript:alert(4)&gt;");
    // The fact id lands in text, where its quote is harmless and its brackets are escaped; in the
    // matrix cell's title attribute the description's markup is escaped as well.
    assertThat(html)
        .contains("f\"&gt;&lt;svg onload=alert(3)&gt;</a></code>")
        .contains("title=\"Firm(name=&lt;iframe src=javascript:alert(4)>)\"");
  }

  @Test
  void idsWithSpacesQuotesAndMarkupBecomeValidFragmentsThatResolve() throws Exception {
    // The escape fixture's fact id holds a quote and brackets, its rule name spaces, quotes and
    // markup, its thesis and source ids brackets.
    EvaluationResult r = escapeFixture();
    String html = HtmlReport.render(r);
    String fact = "f\"><svg onload=alert(3)>";
    String rule = "Names <b>shout</b> & \"quote\"";
    // Lower-case letters, digits and hyphens, and a checksum because something was lost.
    assertThat(Anchors.fact(fact)).matches("fact-f-svg-onload-alert-3-[0-9a-f]{6}");
    assertThat(Anchors.rule(rule)).matches("rule-names-b-shout-b-quote-[0-9a-f]{6}");
    assertThat(Anchors.fact(fact)).isNotEqualTo(Anchors.fact("f svg onload alert 3"));
    assertThat(html)
        .contains("id=\"" + Anchors.fact(fact) + "\"")
        .contains("href=\"#" + Anchors.fact(fact) + "\"")
        .contains("id=\"" + Anchors.rule(rule) + "\"")
        .contains("href=\"#" + Anchors.rule(rule) + "\"")
        .contains("id=\"" + Anchors.source("s<script>alert(1)</script>") + "\"")
        .contains("id=\"" + Anchors.thesis("x<script>") + "\"");
    java.util.List<String> ids = all(html, " id=\"([^\"]*)\"");
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9._-]+"));
    assertThat(all(html, "href=\"#([^\"]*)\"")).isNotEmpty().allMatch(ids::contains);
  }

  /** Hostile names everywhere: markup, quotes and spaces in ids, rule names and texts. */
  private static EvaluationResult escapeFixture() throws Exception {
    return dev.thesis.Fixtures.evaluator()
        .evaluate(
            Fixtures.load(
                Path.of("src/test/resources/escape/rules"),
                Path.of("src/test/resources/escape/facts")));
  }

  private static java.util.List<String> all(String html, String regex) {
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theSeedReportHasEveryThesisItsTreesAndTheMatrix() throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 1).evaluate(Fixtures.seed());
    String html = HtmlReport.render(r);
    for (var v : r.verdicts()) {
      assertThat(html)
          .contains("id=\"card-" + v.thesis().id() + "\"")
          .contains("id=\"thesis-" + v.thesis().id() + "\"");
    }
    assertThat(html)
        .contains("data-verdict=\"UNSUPPORTED\"")
        .contains("<details")
        .contains(
            "Leaders from major AI labs like Google DeepMind and Anthropic are openly collaborating")
        .contains("<table class=\"matrix\">")
        .contains("hinges on: ")
        .contains("<h2 id=\"rivals\">Rivals side by side</h2>");
    // A rule's node says "rule" once: its summary begins with it (no "RULE rule" stutter).
    assertThat(html)
        .contains("rule \"Labs sharing a rival present a united front\" (strength 0.70)")
        .doesNotContain("<span class=\"kind\">rule</span>");
    // The seed's rival theses are hypotheses of its two questions now; none names a rival.
    assertThat(html).contains("No thesis names a rival.");
    assertThat(html.split("<div class=\"pair\">", -1)).hasSize(1);
    // Self-contained: nothing is loaded from anywhere (the SVG namespace URI is a name, not a
    // fetch).
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower)
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=\"http")
        .doesNotContain("url(http")
        .doesNotContain("@import")
        .doesNotContain("<link");
    assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"evidence-graph\"");
  }

  @Test
  void theMatrixPutsFactsThatTellRivalsApartFirst() throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator().evaluate(Fixtures.mini());
    var rows = HtmlView.matrix(r, r.verdicts().stream().map(v -> v.thesis().id()).toList());
    // Columns: bubble, lonely, rational. f1 is under circular-funding (bubble +), not-froth (bubble
    // -)
    // and both rational arguments (+); f2 under circular-funding and diversified; f4 under
    // not-froth
    // and rational-hedge.
    var f1 = rows.stream().filter(x -> x.fact().equals("f1")).findFirst().orElseThrow();
    assertThat(f1.marks()).containsExactly("+-", "", "+");
    var f2 = rows.stream().filter(x -> x.fact().equals("f2")).findFirst().orElseThrow();
    assertThat(f2.marks()).containsExactly("+", "", "+");
    var f4 = rows.stream().filter(x -> x.fact().equals("f4")).findFirst().orElseThrow();
    assertThat(f4.marks()).containsExactly("-", "", "+");
    assertThat(rows.get(0).diagnosticity())
        .isGreaterThanOrEqualTo(rows.get(rows.size() - 1).diagnosticity());
  }

  @Test
  void theGraphHasANodePerEntityAndHighlightsDerivedEdges() throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator().evaluate(Fixtures.seed());
    EvidenceGraph g = EvidenceGraph.of(r);
    // Eight companies are stated; every relation names one of them.
    assertThat(g.nodes())
        .extracting(EvidenceGraph.Node::id)
        .containsExactly(
            "amazon",
            "anthropic",
            "google",
            "google-deepmind",
            "microsoft",
            "nvidia",
            "openai",
            "sequoia");
    assertThat(g.edges())
        .filteredOn(EvidenceGraph.Edge::derived)
        .extracting(EvidenceGraph.Edge::label)
        .contains("circular funding", "alliance");
    String svg = GraphSvg.svg(g);
    assertThat(svg.split("<g class=\"node\"", -1)).hasSize(9);
    assertThat(GraphSvg.dot(g))
        .startsWith("digraph evidence {")
        .contains("\"microsoft\" -> \"anthropic\" [label=\"invests in\"]");
  }
}
