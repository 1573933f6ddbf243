package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.List;

/**
 * A pattern in a rule's conditions: the type it matches, where it is, and how it is used.
 *
 * @param literals the string literals its constraints compare with its fields
 */
public record PatternRef(String type, Location location, Use use, List<Literal> literals) {

  /** A string literal compared with a field ({@code scale == "heavy"}), where it is written. */
  public record Literal(String field, String value, Location location) {}

  public PatternRef {
    literals = List.copyOf(literals);
  }

  public PatternRef(String type, Location location, Use use) {
    this(type, location, use, List.of());
  }

  /** The type's simple name, as fact files and the schema name it. */
  public String simpleType() {
    return type.substring(type.lastIndexOf('.') + 1);
  }

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
