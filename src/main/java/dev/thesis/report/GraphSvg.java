package dev.thesis.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;

/** The evidence graph as SVG (through an escaping jte template) or as Graphviz DOT. */
public final class GraphSvg {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  /**
   * The most entities laid out as SVG. Laying out is superlinear (ELK's layering ran for minutes on
   * 100,000 companies without finishing), and a drawing of thousands of boxes is read by no one;
   * DOT has no such limit (Graphviz lays it out).
   */
  public static final int MAX_DRAWN = 400;

  /**
   * The least a drawing is scaled down to fit its container (its 12 px names then 9 px): a drawing
   * too wide for that scrolls within its section instead, as text smaller than that is not read.
   */
  public static final double SMALLEST = 0.75;

  private GraphSvg() {}

  /** Whether the graph has entities, and few enough to lay out ({@link #MAX_DRAWN}). */
  public static boolean drawable(EvidenceGraph g) {
    return !g.nodes().isEmpty() && g.nodes().size() <= MAX_DRAWN;
  }

  /**
   * What the SVG template draws.
   *
   * @param legend the kinds drawn above the graph, or none (report.html lists them in HTML)
   * @param top how far down the graph starts, below the legend
   */
  public record View(
      double width,
      double height,
      List<GraphLayout.Box> boxes,
      List<GraphLayout.Line> lines,
      EvidenceGraph graph,
      List<Swatch> legend,
      double top) {
    public String colour(String kind) {
      return graph.colour(kind);
    }

    public String textColour(String fill) {
      return KindColours.text(fill);
    }

    public String fmt(double v) {
      return GraphLayout.fmt(v);
    }
  }

  /** A kind in the SVG's own legend, where it is drawn. */
  public record Swatch(String kind, String colour, double x) {}

  /**
   * The graph laid out and drawn: an SVG that scales down to its container's width (never up beyond
   * its own), arrows merged per pair of entities ({@link Arrow}). No legend: report.html has its
   * own beside it.
   */
  public static String svg(EvidenceGraph g) {
    return render(g, false);
  }

  /** The same drawing for a file of its own ({@code thesis graph}): the kinds' legend above it. */
  public static String standalone(EvidenceGraph g) {
    return render(g, true);
  }

  private static String render(EvidenceGraph g, boolean legend) {
    GraphLayout.Placed p = GraphLayout.place(g);
    List<Swatch> swatches = new java.util.ArrayList<>();
    double x = 12;
    for (String k : legend ? g.kinds() : List.<String>of()) {
      swatches.add(new Swatch(k, g.colour(k), x));
      x += 14 + 4 + k.length() * 7.0 + 16;
    }
    double top = swatches.isEmpty() ? 0 : 28;
    StringOutput out = new StringOutput();
    ENGINE.render(
        "graph.jte",
        new View(Math.max(p.width(), x), p.height() + top, p.boxes(), p.lines(), g, swatches, top),
        out);
    return out.toString();
  }

  public static String dot(EvidenceGraph g) {
    StringBuilder sb =
        new StringBuilder(
            "digraph evidence {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\"];\n");
    for (EvidenceGraph.Node n : g.nodes()) {
      String fill = g.colour(n.kind());
      sb.append(
          String.format(
              "  %s [label=%s, tooltip=%s, fillcolor=%s, fontcolor=%s];\n",
              q(n.id()), q(n.label()), q(n.kind()), q(fill), q(KindColours.text(fill))));
    }
    for (EvidenceGraph.Edge e : g.edges()) {
      String style = e.derived() ? ", color=\"#b3261e\", penwidth=2, style=dashed" : "";
      sb.append(
          String.format("  %s -> %s [label=%s%s];\n", q(e.from()), q(e.to()), q(e.label()), style));
    }
    return sb.append("}\n").toString();
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
