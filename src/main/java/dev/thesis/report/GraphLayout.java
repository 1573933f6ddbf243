package dev.thesis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the evidence graph with the Eclipse Layout Kernel's layered algorithm (nodes in layers,
 * edges routed orthogonally with their labels placed clear of the nodes), and returns coordinates
 * to draw. Plain Java, so writing a report needs nothing installed.
 */
public final class GraphLayout {
  private static final double CHAR = 7.0;
  private static final double NODE_HEIGHT = 30;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private GraphLayout() {}

  /** A placed graph: its size, boxes and routed edges. */
  public record Placed(double width, double height, List<Box> boxes, List<Line> lines) {}

  /** A node's box. */
  public record Box(EvidenceGraph.Node node, double x, double y, double w, double h) {
    public double cx() {
      return x + w / 2;
    }
  }

  /** An edge's route (start, bends, end) and where its label goes. */
  public record Line(EvidenceGraph.Edge edge, List<double[]> points, double labelX, double labelY) {
    public String path() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < points.size(); i++) {
        sb.append(i == 0 ? "M" : " L")
            .append(fmt(points.get(i)[0]))
            .append(' ')
            .append(fmt(points.get(i)[1]));
      }
      return sb.toString();
    }
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  /**
   * ELK's layered algorithm walks each connected component recursively (ComponentsProcessor.dfs),
   * one frame per node: a component of some thousands of entities overflows a default stack. So it
   * runs on a thread whose stack grows with the graph (reserved, and committed only as used).
   */
  private static void layOut(ElkNode root, int nodes) {
    long stack = Math.max(8L << 20, nodes * 4096L);
    Throwable[] failed = new Throwable[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
              } catch (Throwable e) {
                failed[0] = e;
              }
            },
            "thesis-graph-layout",
            stack);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("graph layout interrupted", e);
    }
    if (failed[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failed[0] instanceof Error e) {
      throw e;
    }
  }

  static Placed place(EvidenceGraph g) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    Map<String, ElkNode> nodes = new HashMap<>();
    for (EvidenceGraph.Node n : g.nodes()) {
      ElkNode en = ElkGraphUtil.createNode(root);
      en.setIdentifier(n.id());
      en.setDimensions(Math.max(60, n.label().length() * CHAR + 24), NODE_HEIGHT);
      nodes.put(n.id(), en);
    }
    Map<ElkEdge, EvidenceGraph.Edge> edges = new HashMap<>();
    for (EvidenceGraph.Edge e : g.edges()) {
      ElkEdge ee = ElkGraphUtil.createSimpleEdge(nodes.get(e.from()), nodes.get(e.to()));
      ElkLabel label = ElkGraphUtil.createLabel(e.label(), ee);
      label.setDimensions(e.label().length() * 6.0, 12);
      edges.put(ee, e);
    }
    layOut(root, g.nodes().size());
    List<Box> boxes = new ArrayList<>();
    for (EvidenceGraph.Node n : g.nodes()) {
      ElkNode en = nodes.get(n.id());
      boxes.add(new Box(n, en.getX(), en.getY(), en.getWidth(), en.getHeight()));
    }
    List<Line> lines = new ArrayList<>();
    for (EvidenceGraph.Edge e : g.edges()) {
      ElkEdge ee =
          edges.entrySet().stream()
              .filter(x -> x.getValue() == e)
              .findFirst()
              .orElseThrow()
              .getKey();
      List<double[]> pts = new ArrayList<>();
      for (ElkEdgeSection s : ee.getSections()) {
        pts.add(new double[] {s.getStartX(), s.getStartY()});
        s.getBendPoints().forEach(b -> pts.add(new double[] {b.getX(), b.getY()}));
        pts.add(new double[] {s.getEndX(), s.getEndY()});
      }
      ElkLabel l = ee.getLabels().get(0);
      lines.add(new Line(e, pts, l.getX(), l.getY() + 10));
    }
    return new Placed(root.getWidth(), root.getHeight(), boxes, lines);
  }
}
