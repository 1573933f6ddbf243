package dev.thesis.analysis;

import dev.thesis.diag.Location;
import dev.thesis.rules.Condition;
import dev.thesis.rules.Constraint;
import dev.thesis.rules.RuleShape;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code not} and {@code exists} conditions a justification's rule held by, which the engine
 * does not record as premises: each as the absent (or present) pattern, with the justification's
 * variable values put in ({@code no Competes( company == bigcloud )}). What cannot be filled in is
 * left as written in the rule. Only conditions every firing had to meet are listed: those joined by
 * {@code and} at the top of the rule, not those inside an {@code or} branch.
 */
public final class Guards {
  private Guards() {}

  /**
   * A condition met without a premise.
   *
   * @param text {@code no Type( ... )} or {@code some Type( ... ) exists}, values put in
   * @param location where the {@code not} or {@code exists} is written, {@code file:line}
   */
  public record Guard(String text, String location) {}

  /** The guards of one justification, in the order the rule writes them; empty when none. */
  public static List<Guard> of(EvaluationResult result, Justification j) {
    for (RuleShape s : result.rules().shapes()) {
      if (s.packageName().equals(j.rule().packageName()) && s.name().equals(j.rule().name())) {
        List<Guard> out = new ArrayList<>();
        collect(s.conditions(), j.bindings(), out);
        return out;
      }
    }
    return List.of();
  }

  private static void collect(Condition c, Map<String, Object> values, List<Guard> out) {
    if (c instanceof Condition.And a) {
      a.parts().forEach(p -> collect(p, values, out));
    } else if (c instanceof Condition.Not n) {
      String inner = text(n.inner(), values);
      out.add(
          new Guard(
              n.inner() instanceof Condition.Pattern ? "no " + inner : "not ( " + inner + " )",
              where(n.location())));
    } else if (c instanceof Condition.Exists e) {
      String inner = text(e.inner(), values);
      out.add(
          new Guard(
              e.inner() instanceof Condition.Pattern
                  ? "some " + inner + " exists"
                  : "exists ( " + inner + " )",
              where(e.location())));
    }
  }

  /** A condition as written, with the variables that have a value put in. */
  static String text(Condition c, Map<String, Object> values) {
    if (c instanceof Condition.Pattern p) {
      List<String> parts = new ArrayList<>();
      for (Constraint k : p.constraints()) {
        parts.add(constraint(k, values));
      }
      return p.type() + (parts.isEmpty() ? "()" : "( " + String.join(", ", parts) + " )");
    }
    if (c instanceof Condition.And a) {
      return String.join(" and ", a.parts().stream().map(x -> text(x, values)).toList());
    }
    if (c instanceof Condition.Or o) {
      return "( "
          + String.join(" or ", o.branches().stream().map(x -> text(x, values)).toList())
          + " )";
    }
    if (c instanceof Condition.Not n) {
      return "not " + text(n.inner(), values);
    }
    if (c instanceof Condition.Exists e) {
      return "exists " + text(e.inner(), values);
    }
    return ((Condition.Unchecked) c).what();
  }

  private static String constraint(Constraint k, Map<String, Object> values) {
    if (k.test() == null || k.test() instanceof Constraint.Opaque) {
      return k.text();
    }
    String test = RuleWalk.render(k.test(), values);
    // A variable bound inside the not is the pattern's own: keep its binding as written.
    return k.binding() == null ? test : k.binding() + " : " + test;
  }

  private static String where(Location at) {
    return at == null ? null : at.file() + ":" + at.line();
  }
}
