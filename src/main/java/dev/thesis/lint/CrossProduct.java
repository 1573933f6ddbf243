package dev.thesis.lint;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Severity;
import dev.thesis.rules.Condition;
import dev.thesis.rules.Constraint;
import dev.thesis.rules.RuleShape;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cross-product: a rule pattern of a large type joined to an earlier one of a large type with no
 * equality between them, so that every fact of the one meets every fact of the other. A type is
 * large when it is declared with a {@code @key} or {@code @ref} field: a relation over named
 * things, which grows with the corpus (a handful in the seed corpus, millions in a generated one).
 * Only the analyst's rules are read, not the facts: a corpus small enough to lint in a blink is
 * exactly where such a join does no visible harm.
 */
final class CrossProduct {
  private final Schema schema;
  private final RuleShape rule;
  private final List<Diagnostic> out;

  /** A large pattern earlier in the rule: the first one, named in the message. */
  private Condition.Pattern earlier;

  /** Variables bound to a field of an earlier large pattern, with what the field names. */
  private final List<Bound> bound = new ArrayList<>();

  private record Bound(String variable, String ref) {}

  private CrossProduct(Schema schema, RuleShape rule, List<Diagnostic> out) {
    this.schema = schema;
    this.rule = rule;
    this.out = out;
  }

  static List<Diagnostic> find(Schema schema, List<RuleShape> rules) {
    List<Diagnostic> out = new ArrayList<>();
    for (RuleShape r : rules) {
      new CrossProduct(schema, r, out).walk(r.conditions());
    }
    return out;
  }

  /**
   * Patterns in the order Drools joins them. A branch of an {@code or} is joined to what comes
   * before it, as a rule of its own; what follows the {@code or} is joined to every branch. Only
   * positive patterns count: {@code not}, {@code exists} and accumulate stop at the first match or
   * keep one result, whatever they are joined to.
   */
  private void walk(Condition c) {
    if (c instanceof Condition.And and) {
      and.parts().forEach(this::walk);
    } else if (c instanceof Condition.Or or) {
      Condition.Pattern before = earlier;
      Condition.Pattern first = before;
      for (Condition branch : or.branches()) {
        earlier = before;
        walk(branch);
        first = first != null ? first : earlier;
      }
      earlier = first;
    } else if (c instanceof Condition.Pattern p) {
      pattern(p);
    }
  }

  private void pattern(Condition.Pattern p) {
    Optional<DeclaredType> type = large(p.type());
    if (type.isEmpty() || keyedByLiterals(type.get(), p)) {
      return;
    }
    if (earlier != null && !joined(p)) {
      out.add(
          new Diagnostic(
              Severity.WARNING,
              p.location(),
              "rule \""
                  + rule.name()
                  + "\": "
                  + simple(p.type())
                  + " is joined to "
                  + simple(earlier.type())
                  + " (line "
                  + earlier.location().line()
                  + ") with no equality between them, so every "
                  + simple(p.type())
                  + " meets every "
                  + simple(earlier.type())
                  + ": the square of the corpus; "
                  + hint(type.get())
                  + ", or materialise the pairs in a classify rule",
              Codes.CROSS_PRODUCT));
    }
    if (earlier == null) {
      earlier = p;
    }
    for (Constraint k : p.constraints()) {
      if (k.binding() != null && k.boundField() != null) {
        bound.add(new Bound(k.binding(), refOf(type.get(), k.boundField())));
      }
    }
  }

  /** Whether a constraint of the pattern equates one of its fields with a variable bound before. */
  private static boolean joined(Condition.Pattern p) {
    for (Constraint k : p.constraints()) {
      if (k.test() != null && equatesToVariable(k.test())) {
        return true;
      }
    }
    return false;
  }

  /** field == $x (either way round), in every alternative of a {@code ||}, or in any part of &&. */
  private static boolean equatesToVariable(Constraint.Test t) {
    if (t instanceof Constraint.Compare c) {
      return c.op().equals("==")
          && (c.left() instanceof Constraint.Field && c.right() instanceof Constraint.Variable
              || c.left() instanceof Constraint.Variable && c.right() instanceof Constraint.Field);
    }
    if (t instanceof Constraint.AnyOf any) {
      return any.tests().stream().allMatch(CrossProduct::equatesToVariable);
    }
    return t instanceof Constraint.AllOf all
        && all.tests().stream().anyMatch(CrossProduct::equatesToVariable);
  }

  /** Whether the pattern gives every @key field a literal value: it matches one fact at most. */
  private static boolean keyedByLiterals(DeclaredType type, Condition.Pattern p) {
    List<String> keys =
        type.fields().stream()
            .filter(DeclaredType.Field::key)
            .map(DeclaredType.Field::name)
            .toList();
    return !keys.isEmpty()
        && keys.stream()
            .allMatch(
                k ->
                    p.constraints().stream()
                        .anyMatch(
                            c ->
                                c.test() instanceof Constraint.Compare cmp
                                    && cmp.op().equals("==")
                                    && cmp.left() instanceof Constraint.Field f
                                    && f.name().equals(k)
                                    && cmp.right() instanceof Constraint.Literal));
  }

  /** "join on company == $x" for a field that names what an earlier variable names, if any. */
  private String hint(DeclaredType type) {
    for (DeclaredType.Field f : type.fields()) {
      String names = refOf(type, f.name());
      for (Bound b : bound) {
        if (names != null && names.equals(b.ref())) {
          return "join on " + f.name() + " == " + b.variable();
        }
      }
    }
    return "join on a field equal to a variable bound above (such as company == $x)";
  }

  private Optional<DeclaredType> large(String type) {
    return schema
        .type(simple(type))
        .filter(t -> t.fields().stream().anyMatch(f -> f.key() || f.ref() != null));
  }

  /** The field's @ref target; a @key field refers to its own type. */
  private static String refOf(DeclaredType type, String field) {
    for (DeclaredType.Field f : type.fields()) {
      if (f.name().equals(field)) {
        return f.ref() != null ? f.ref() : f.key() ? type.name() : null;
      }
    }
    return null;
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
