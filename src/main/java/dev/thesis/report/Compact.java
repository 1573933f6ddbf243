package dev.thesis.report;

import java.util.List;

/**
 * How the terminal, report.md and report.html draw a tree compactly, alike: which nodes are only
 * named on their parent's line and which are drawn in full below it. The tree itself keeps every
 * node ({@link Explanations}); this only decides what takes a line of its own.
 *
 * <ul>
 *   <li>A justification of a group, and the premises its group shares, take one line naming their
 *       premises and its own confidence ({@code · a + b [0.34]}); below it, only the premises drawn
 *       here for the first time (a conclusion, a fact, a condition). A premise drawn before in the
 *       tree is only named; so every fact states its fields, place and confidence once.
 *   <li>A justification with a single premise is drawn as that premise, marked {@code ·}, when the
 *       two have the same confidence (a rule of strength 1); otherwise the justification keeps its
 *       own line, so that no figure on a premise's line reads as the justification's.
 *   <li>A source already quoted is named on its fact's line ("seed-4, quoted above").
 * </ul>
 */
public final class Compact {
  private Compact() {}

  /** Whether a node is fully said by naming it on its parent's line. */
  public static boolean named(ExplanationNode n) {
    return n.repeated() && n.kind() != ExplanationNode.Kind.SOURCE;
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
   * A justification drawn as its one premise (marked {@code ·}): it has exactly one child, which
   * needs lines of its own and has the justification's confidence to two places.
   */
  public static ExplanationNode single(ExplanationNode n) {
    if (n.kind() != ExplanationNode.Kind.JUSTIFICATION || n.children().size() != 1) {
      return null;
    }
    ExplanationNode only = n.children().get(0);
    boolean sameFigure =
        n.confidence() != null
            && only.confidence() != null
            && Numbers.two(n.confidence()).equals(Numbers.two(only.confidence()));
    return !named(only) && sameFigure ? only : null;
  }
}
