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
 * arrows routed orthogonally, each label on its own arrow), and returns coordinates to draw. The
 * relations between two entities are laid out as one arrow ({@link Arrow}). Plain Java, so writing
 * a report needs nothing installed.
 */
public final class GraphLayout {
  private static final double CHAR = 7.0;
  private static final double NODE_HEIGHT = 30;
  private static final double LABEL_CHAR = 6.0;
  private static final double LABEL_HEIGHT = 14;

  /** About the width report.html gives the drawing (its page is at most 1200 px wide). */
  static final double PAGE_WIDTH = 1150;

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

  /** An arrow's route (start, bends, end) and the box its label is centred in. */
  public record Line(
      Arrow arrow,
      List<double[]> points,
      double labelX,
      double labelY,
      double labelW,
      double labelH) {
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

    public double labelCx() {
      return labelX + labelW / 2;
    }

    public double labelCy() {
      return labelY + labelH / 2;
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

  /**
   * Laid out top to bottom, since a page scrolls down and not across; left to right instead when
   * top to bottom is wider than a page and left to right is narrower: the drawing is scaled down to
   * the page's width, and the narrower one keeps its text larger.
   */
  static Placed place(EvidenceGraph g) {
    Placed down = place(g, Direction.DOWN);
    if (down.width() <= PAGE_WIDTH) {
      return down;
    }
    Placed right = place(g, Direction.RIGHT);
    return right.width() < down.width() ? right : down;
  }

  static Placed place(EvidenceGraph g, Direction direction) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
    root.setProperty(CoreOptions.DIRECTION, direction);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 2.0);
    Map<String, ElkNode> nodes = new HashMap<>();
    for (EvidenceGraph.Node n : g.nodes()) {
      ElkNode en = ElkGraphUtil.createNode(root);
      en.setIdentifier(n.id());
      en.setDimensions(Math.max(60, n.label().length() * CHAR + 24), NODE_HEIGHT);
      nodes.put(n.id(), en);
    }
    List<Arrow> arrows = Arrow.merge(g.edges());
    List<ElkEdge> laid = new ArrayList<>();
    for (Arrow a : arrows) {
      ElkEdge ee = ElkGraphUtil.createSimpleEdge(nodes.get(a.from()), nodes.get(a.to()));
      ElkLabel label = ElkGraphUtil.createLabel(a.label(), ee);
      label.setDimensions(a.label().length() * LABEL_CHAR + 6, LABEL_HEIGHT);
      // On its arrow (the line runs through it), so it cannot be read as another arrow's label.
      label.setProperty(CoreOptions.EDGE_LABELS_INLINE, true);
      laid.add(ee);
    }
    layOut(root, g.nodes().size());
    List<Box> boxes = new ArrayList<>();
    for (EvidenceGraph.Node n : g.nodes()) {
      ElkNode en = nodes.get(n.id());
      boxes.add(new Box(n, en.getX(), en.getY(), en.getWidth(), en.getHeight()));
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < arrows.size(); i++) {
      ElkEdge ee = laid.get(i);
      List<double[]> pts = new ArrayList<>();
      for (ElkEdgeSection s : ee.getSections()) {
        pts.add(new double[] {s.getStartX(), s.getStartY()});
        s.getBendPoints().forEach(b -> pts.add(new double[] {b.getX(), b.getY()}));
        pts.add(new double[] {s.getEndX(), s.getEndY()});
      }
      ElkLabel l = ee.getLabels().get(0);
      lines.add(new Line(arrows.get(i), pts, l.getX(), l.getY(), l.getWidth(), l.getHeight()));
    }
    return new Placed(root.getWidth(), root.getHeight(), boxes, lines);
  }
}
