package dev.thesis.report;

import java.util.List;

/**
 * How the terminal, report.md and report.html draw a tree compactly, alike: which nodes are only
 * named on their parent's line and which are drawn in full below it. The tree itself keeps every
 * node ({@link Explanations}); this only decides what takes a line of its own.
 *
 * <ul>
 *   <li>A justification of a group, and the premises its group shares, take one line naming their
 *       premises ({@code · a + b}); below it, only the premises that need lines of their own: a
 *       conclusion shown here for the first time, a fact whose source is quoted here for the first
 *       time, a condition.
 *   <li>A justification with a single premise that needs its own lines is drawn as that premise,
 *       marked {@code ·}.
 *   <li>A source already quoted is named on its fact's line ("seed-4, quoted above").
 * </ul>
 */
public final class Compact {
  private Compact() {}

  /** Whether a node is fully said by naming it on its parent's line. */
  public static boolean named(ExplanationNode n) {
    if (n.repeated()) {
      return n.kind() != ExplanationNode.Kind.SOURCE;
    }
    return n.kind() == ExplanationNode.Kind.FACT
        && n.children().stream().allMatch(Compact::isQuotedAbove);
  }

  /**
   * Whether a node lists premises on its own line: a justification of a group, or its common part.
   */
  public static boolean lists(ExplanationNode n) {
    return n.kind() == ExplanationNode.Kind.JUSTIFICATION
        || n.kind() == ExplanationNode.Kind.COMMON;
  }

  /** The premises a listing node names on its line, in order. */
  public static List<ExplanationNode> listed(ExplanationNode n) {
    return n.children().stream().filter(c -> c.kind() != ExplanationNode.Kind.CONDITION).toList();
  }

  /**
   * The children drawn below a node: for a listing node, those not fully said by their name; for a
   * fact, all but a source quoted above (named on the fact's line).
   */
  public static List<ExplanationNode> drawn(ExplanationNode n) {
    if (lists(n)) {
      return n.children().stream().filter(c -> !named(c)).toList();
    }
    if (n.kind() == ExplanationNode.Kind.FACT) {
      return n.children().stream().filter(c -> !isQuotedAbove(c)).toList();
    }
    return n.children();
  }

  /** The source already quoted that a fact's line names, or null. */
  public static ExplanationNode quotedAbove(ExplanationNode fact) {
    if (fact.kind() != ExplanationNode.Kind.FACT) {
      return null;
    }
    return fact.children().stream().filter(Compact::isQuotedAbove).findFirst().orElse(null);
  }

  private static boolean isQuotedAbove(ExplanationNode c) {
    return c.kind() == ExplanationNode.Kind.SOURCE && c.repeated();
  }

  /**
   * A justification drawn as its one premise (marked {@code ·}): it has exactly one child, and that
   * child needs lines of its own.
   */
  public static ExplanationNode single(ExplanationNode n) {
    if (n.kind() == ExplanationNode.Kind.JUSTIFICATION
        && n.children().size() == 1
        && !named(n.children().get(0))) {
      return n.children().get(0);
    }
    return null;
  }
}
