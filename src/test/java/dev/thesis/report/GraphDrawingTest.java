package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence graph as drawn: scaled to its container, one arrow per pair, colours declared in DRL
 * or hashed, a legend with grey "other" when some end is no entity.
 */
class GraphDrawingTest {
  @TempDir Path dir;

  private static final String DRL =
      """
      package t;
      declare Firm @entity(kind = "kind", label = "name", color = "%s")
          name : String @key
          kind : String
      end
      declare Loan @edge(from = "lender", to = "borrower", label = "lends to")
          lender   : String
          borrower : String
      end
      rule "loans" when Loan( ) Firm( ) then end
      """;

  private static final String FACTS =
      """
      {"sources": [{"id": "s", "text": "Acme lends to Bolt and to Zed; Bolt lends to Acme."}],
       "facts": [
        {"id": "acme", "type": "Firm", "source": "s", "name": "acme", "kind": "bank"},
        {"id": "bolt", "type": "Firm", "source": "s", "name": "bolt", "kind": "shop"},
        {"id": "l1", "type": "Loan", "source": "s", "lender": "acme", "borrower": "bolt"},
        {"id": "l2", "type": "Loan", "source": "s", "lender": "bolt", "borrower": "acme"},
        {"id": "l3", "type": "Loan", "source": "s", "lender": "acme", "borrower": "zed"}]}
      """;

  private dev.thesis.inputs.Loaded corpus(String color) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("facts"));
    Files.writeString(dir.resolve("rules/types.drl"), DRL.formatted(color));
    Files.writeString(dir.resolve("facts/f.json"), FACTS);
    return Fixtures.loaded(dir.resolve("rules"), List.of(dir.resolve("facts")));
  }

  @Test
  void aDeclaredColourIsDrawnAndAnEndNoEntityDeclaresIsGreyOtherInTheLegend() throws Exception {
    var r = Fixtures.evaluator().evaluate(corpus("bank: #ffcc00").orThrow());
    EvidenceGraph g = EvidenceGraph.of(r);
    assertThat(g.colour("bank")).isEqualTo("#ffcc00");
    assertThat(g.colour("shop")).isEqualTo(KindColours.of("shop", java.util.Map.of()));
    assertThat(g.nodes()).extracting(EvidenceGraph.Node::kind).contains("other");
    String html = HtmlReport.render(r);
    String legend = html.substring(html.indexOf("<ul class=\"legend\">"));
    legend = legend.substring(0, legend.indexOf("</ul>"));
    assertThat(Pattern.compile("data-kind=\"([^\"]+)\"").matcher(legend).results())
        .extracting(m -> m.group(1))
        .containsExactly("bank", "shop", "other");
    assertThat(legend).contains("#ffcc00").contains("#6b7280");
    // acme and bolt lend to each other: one arrow, a head at each end, both loans on hover.
    String svg = GraphSvg.svg(g);
    assertThat(svg.split("<g class=\"edge", -1)).hasSize(3);
    assertThat(svg)
        .contains("data-from=\"acme\" data-to=\"bolt\" data-count=\"2\" data-label=\"lends to ×2\"")
        .contains("acme lends to bolt (l1)\nbolt lends to acme (l2)")
        .contains("fill=\"#ffcc00\"/>");
    // Graphviz gets the same colours, dark text on the light one.
    assertThat(GraphSvg.dot(g))
        .contains(
            "\"acme\" [label=\"acme\", tooltip=\"bank\", fillcolor=\"#ffcc00\","
                + " fontcolor=\"#1d2430\"];")
        .contains("\"zed\" [label=\"zed\", tooltip=\"other\", fillcolor=\"#6b7280\"");
  }

  @Test
  void aBadColourIsAnErrorAtTheDeclaration() throws Exception {
    List<Diagnostic> found =
        corpus("bank: yellow").diagnostics().stream()
            .filter(d -> "bad-graph".equals(d.code()))
            .toList();
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.location().file()).endsWith("types.drl");
              assertThat(d.location().line()).isEqualTo(2);
              assertThat(d.message())
                  .isEqualTo(
                      "Firm: color \"bank: yellow\": \"yellow\" is not a colour; write #rgb or"
                          + " #rrggbb, such as #1d4ed8");
            });
  }

  @Test
  void theSvgScalesToItsContainerByItsViewBox() {
    EvidenceGraph g =
        new EvidenceGraph(
            List.of(
                new EvidenceGraph.Node("a", "a", "lab"), new EvidenceGraph.Node("b", "b", "lab")),
            List.of(new EvidenceGraph.Edge("a", "b", "funds", false, List.of("f"))));
    GraphLayout.Placed p = GraphLayout.place(g);
    String svg = GraphSvg.svg(g);
    String open = svg.substring(0, svg.indexOf('>'));
    Matcher box = Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"").matcher(open);
    assertThat(box.find()).isTrue();
    assertThat(Double.parseDouble(box.group(1))).isEqualTo(p.width(), within());
    assertThat(Double.parseDouble(box.group(2))).isEqualTo(p.height(), within());
    // As wide as its container, never wider than drawn nor scaled below 0.75; its height follows
    // from the viewBox.
    assertThat(open)
        .contains("width=\"100%\"")
        .contains(
            "max-width: "
                + GraphLayout.fmt(p.width())
                + "px; min-width: "
                + GraphLayout.fmt(p.width() * 0.75)
                + "px; height: auto")
        .doesNotContain("height=\"");
    // Every box lies inside the viewBox.
    assertThat(p.boxes())
        .allSatisfy(
            b -> {
              assertThat(b.x()).isNotNegative();
              assertThat(b.x() + b.w()).isLessThanOrEqualTo(p.width());
              assertThat(b.y() + b.h()).isLessThanOrEqualTo(p.height());
            });
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.05);
  }
}
