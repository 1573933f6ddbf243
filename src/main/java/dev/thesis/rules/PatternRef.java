package dev.thesis.rules;

import dev.thesis.diag.Location;

/** A pattern in a rule's conditions: the type it matches, where it is, and how it is used. */
public record PatternRef(String type, Location location, Use use) {

  /** How a pattern takes part in its rule. */
  public enum Use {
    /** Must match for the rule to fire. */
    POSITIVE,
    /** Inside {@code exists}: must match, but is not a premise. */
    EXISTS,
    /** Inside {@code not} or {@code forall}: the rule can fire without it. */
    NEGATED,
    /** The input of an {@code accumulate} or {@code collect}: may match nothing. */
    ACCUMULATED,
    /** In a branch of an {@code or}: another branch may match instead. */
    ALTERNATIVE
  }

  /** Whether the rule can only fire when something of this type exists. */
  public boolean required() {
    return use == Use.POSITIVE || use == Use.EXISTS;
  }
}
