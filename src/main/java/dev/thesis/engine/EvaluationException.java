package dev.thesis.engine;

import dev.thesis.diag.Location;

/** Evaluation could not finish: a rule failed, or a limit was reached. */
public final class EvaluationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why evaluation stopped. */
  public enum Kind {
    RULE_FAILED,
    LIMIT_REACHED,
    /** The heap ran out while the rules fired. */
    MEMORY_LIMIT
  }

  private final Kind kind;
  private final transient Location location;

  public EvaluationException(Kind kind, Location location, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.location = location;
  }

  public Kind kind() {
    return kind;
  }

  /** The rule that failed, when one did. */
  public Location location() {
    return location;
  }
}
