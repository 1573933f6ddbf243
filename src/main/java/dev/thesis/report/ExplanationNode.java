package dev.thesis.report;

import java.util.List;

/**
 * One node of an explanation tree: thesis, argument, conclusion, rule, fact or source. Renderers
 * only format these; they never go back to the evaluation.
 *
 * @param summary what the node says, e.g. {@code Competes(company=anthropic, rival=openai)}
 * @param location {@code file:line} of the rule or fact, or null
 * @param confidence of the conclusion, fact or justification, or null
 * @param repeated shown in full earlier in the same tree (or a cycle), so without children here
 * @param marks notes on the node: "single source: seed-4", "cyclic", "hinges on: ..."
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
    SOURCE
  }
}
