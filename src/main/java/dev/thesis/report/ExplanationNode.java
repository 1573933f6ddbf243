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
    EVIDENCE
  }
}
