package dev.thesis.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The evidence graph as SVG (through an escaping jte template) or as Graphviz DOT. */
public final class GraphSvg {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
  private static final List<String> PALETTE =
      List.of(
          "#2563eb", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#6b7280");

  private GraphSvg() {}

  /** What the SVG template draws. */
  public record View(
      double width,
      double height,
      List<GraphLayout.Box> boxes,
      List<GraphLayout.Line> lines,
      Map<String, String> colours) {
    public String colour(String kind) {
      return colours.getOrDefault(kind, "#6b7280");
    }

    public String fmt(double v) {
      return GraphLayout.fmt(v);
    }
  }

  public static String svg(EvidenceGraph g) {
    GraphLayout.Placed p = GraphLayout.place(g);
    Map<String, String> colours = new TreeMap<>();
    g.nodes().stream()
        .map(EvidenceGraph.Node::kind)
        .sorted()
        .distinct()
        .forEach(k -> colours.put(k, PALETTE.get(colours.size() % PALETTE.size())));
    StringOutput out = new StringOutput();
    ENGINE.render("graph.jte", new View(p.width(), p.height(), p.boxes(), p.lines(), colours), out);
    return out.toString();
  }

  public static String dot(EvidenceGraph g) {
    StringBuilder sb =
        new StringBuilder(
            "digraph evidence {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    for (EvidenceGraph.Node n : g.nodes()) {
      sb.append(
          String.format("  %s [label=%s, tooltip=%s];\n", q(n.id()), q(n.label()), q(n.kind())));
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
