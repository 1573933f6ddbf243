package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.List;

/**
 * A rule's conditions as written, as a tree the "why not?" analysis walks: patterns with their
 * constraints, joined by and, or, not and exists. What it does not take apart (accumulate, collect,
 * from, eval, forall) is kept as {@link Unchecked}, with its text, so that it can be named rather
 * than guessed at.
 */
public sealed interface Condition {

  /**
   * One pattern: {@code $var : Type( constraint, ... )}.
   *
   * @param variable the variable bound to the matched object ({@code $c : Claim(...)}), or null
   */
  record Pattern(String type, String variable, List<Constraint> constraints, Location location)
      implements Condition {
    public Pattern {
      constraints = List.copyOf(constraints);
    }

    /** The pattern as written, constraints in order: {@code Claim( $n : name )}. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      if (variable != null) {
        sb.append(variable).append(" : ");
      }
      sb.append(type).append("( ");
      for (int i = 0; i < constraints.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(constraints.get(i).text());
      }
      return sb.append(constraints.isEmpty() ? ")" : " )").toString();
    }
  }

  /** Every part must hold, in order (a rule's conditions are one of these). */
  record And(List<Condition> parts) implements Condition {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** One branch is enough. */
  record Or(List<Condition> branches) implements Condition {
    public Or {
      branches = List.copyOf(branches);
    }
  }

  /** Nothing may match the inner condition. */
  record Not(Condition inner, Location location) implements Condition {}

  /** Something must match the inner condition; it is a condition, not a premise. */
  record Exists(Condition inner, Location location) implements Condition {}

  /**
   * A condition the analysis does not evaluate.
   *
   * @param what what it is ("accumulate", "collect", "from", "eval", "forall"), with the pattern it
   *     binds when there is one
   */
  record Unchecked(String what, Location location) implements Condition {}
}
