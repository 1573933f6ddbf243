package dev.thesis.lint;

/** The stable codes of linter findings; the README documents each with an example. */
public final class Codes {
  public static final String UNKNOWN_REF = "unknown-ref";
  public static final String BAD_REF = "bad-ref";
  public static final String BAD_GRAPH = "bad-graph";
  public static final String UNUSED_TYPE = "unused-type";
  public static final String NEVER_FIRES = "never-fires";
  public static final String UNKNOWN_THESIS = "unknown-thesis";
  public static final String UNARGUED_THESIS = "unargued-thesis";
  public static final String BAD_STANCE = "bad-stance";
  public static final String UNCITED_SOURCE = "uncited-source";
  public static final String DUPLICATE_RULE = "duplicate-rule";
  public static final String UNKEYED_CONCLUSION = "unkeyed-conclusion";
  public static final String UNDECLARED_CONCLUSION = "undeclared-conclusion";
  public static final String NOT_LOGICAL = "not-logical";
  public static final String BAD_RATES = "bad-rates";
  public static final String UNKNOWN_QUESTION = "unknown-question";
  public static final String NOT_A_HYPOTHESIS = "not-a-hypothesis";
  public static final String UNRATED_HYPOTHESIS = "unrated-hypothesis";
  public static final String UNKNOWN_LITERAL = "unknown-literal";
  public static final String CROSS_PRODUCT = "cross-product";

  private Codes() {}
}
