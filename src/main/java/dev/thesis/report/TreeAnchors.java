package dev.thesis.report;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids of report.html's explanation trees, handed out while the page is rendered: the first node
 * of a fact, conclusion, rule or quoted source in document order takes its {@link Anchors} id
 * prefixed {@code at-} (the bare ids belong to the page's Facts, Conclusions, Rules and Sources
 * entries, which every other mention links to), so that each id is given once however many trees
 * show the node, and every "shown above" or "quoted above" mark links to a node that has it (within
 * a tree a node is drawn in full before any mark of it). One instance per rendered page.
 */
public final class TreeAnchors {
  private final Set<String> given = new HashSet<>();

  /** The id a node takes here, or null when an earlier node has it (or the node has none). */
  public String id(ExplanationNode n) {
    String a = target(n);
    return a != null && given.add(a) ? a : null;
  }

  /** The link to the node's first occurrence on the page. */
  public String href(ExplanationNode n) {
    return "#" + target(n);
  }

  /** What a node would be linked by, or null for a node no mark points at. */
  static String target(ExplanationNode n) {
    if (n.id() == null) {
      return null;
    }
    String entry =
        switch (n.kind()) {
          case FACT -> Anchors.fact(n.id());
          case CONCLUSION, FOR, AGAINST -> Anchors.conclusion(n.id());
          case RULE -> Anchors.rule(n.id());
          case SOURCE -> Anchors.quote(n.id());
          default -> null;
        };
    return entry == null ? null : "at-" + entry;
  }
}
