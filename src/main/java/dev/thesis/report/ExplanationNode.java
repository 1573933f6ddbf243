package dev.thesis.report;

import java.util.List;

/**
 * One node of an explanation tree: thesis, argument, conclusion, rule, fact or source; or a
 * question, its hypotheses and its evidence items. Renderers only format these; they never go back
 * to the evaluation.
 *
 * @param summary what the node says, e.g. {@code Competes(company=anthropic, rival=openai)}
 * @param location {@code file:line} of the rule, fact or evidence rule, or null
 * @param confidence of the conclusion, fact, justification or evidence item, or null
 * @param repeated shown in full earlier in the same tree (or a cycle), so without children here
 * @param marks notes on the node: "single source: seed-4", "cyclic", "hinges on: ...", "untested"
 *     <p>A conclusion justified several times by one rule has one {@link Kind#RULE} child for that
 *     rule, whose children are a {@link Kind#COMMON} node (the premises all its justifications
 *     share, when there are any) and then one {@link Kind#JUSTIFICATION} per justification (the
 *     premises that differ). Every premise of every justification is in the tree; how compactly it
 *     is drawn is up to the renderers ({@link Compact}).
 */
public record ExplanationNode(
    Kind kind,
    String id,
    String summary,
    String location,
    Double confidence,
    boolean repeated,
    List<ExplanationNode> children,
    List<String> marks) {

  public ExplanationNode {
    children = List.copyOf(children);
    marks = marks == null ? List.of() : List.copyOf(marks);
  }

  /** What a node stands for. */
  public enum Kind {
    THESIS,
    FOR,
    AGAINST,
    CONCLUSION,
    RULE,
    FACT,
    SOURCE,
    /** A question: its title and verdict; hypotheses, then evidence items, below. */
    QUESTION,
    /** A weighed hypothesis of a question ("other" included): its posterior and verdict. */
    HYPOTHESIS,
    /** One evidence rule's item: its ratings, above the trees of its conclusions. */
    EVIDENCE,
    /**
     * Under a rule that justifies one conclusion several times: the premises (and conditions) every
     * one of those justifications shares, shown once.
     */
    COMMON,
    /**
     * One of several justifications by one rule: what it rests on beyond the rule's common
     * premises; its summary gives its variables' values.
     */
    JUSTIFICATION,
    /**
     * A {@code not} or {@code exists} the rule held by, values put in: {@code no Competes( company
     * == acme )}. Not a premise: the engine records no fact for it.
     */
    CONDITION,
    /**
     * What a depth limit leaves out below a conclusion: how many premises, and the depth to see
     * them.
     */
    HIDDEN
  }

  /**
   * How many justifications a rule node groups: 0 for a rule node of one justification (its
   * premises are its children), else the number of its {@link Kind#JUSTIFICATION} children.
   */
  public int justifications() {
    return (int) children.stream().filter(c -> c.kind == Kind.JUSTIFICATION).count();
  }
}
