package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/** Reads a {@link RuleShape} off a parsed rule. */
final class RuleShapes {
  private static final Pattern NEW =
      Pattern.compile("\\bnew\\s+(?:[\\w$]+\\.)*([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern LOGICAL =
      Pattern.compile(
          "\\binsertLogical\\s*\\(\\s*new\\s+((?:[\\w$]+\\.)*[A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern STATED = Pattern.compile("\\binsert\\s*\\(");
  private static final Pattern LOGICAL_VARIABLE =
      Pattern.compile("\\binsertLogical\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)");
  private static final Pattern OTHER_EFFECTS =
      Pattern.compile(
          "\\b(?:insert|modify|update|delete|retract|halt)\\s*\\(|\\b(?:drools|kcontext)\\s*\\.");

  /** Attributes that change when a rule fires, not what holds once all have fired. */
  private static final Set<String> ORDER_ONLY = Set.of("salience", "no-loop", "dialect");

  private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  /** Java comments out, so that `// we used to insert(...)` is no insert. */
  static String withoutComments(String code) {
    return COMMENTS.matcher(code).replaceAll(" ");
  }

  /** Types a function body instantiates (a rule calling it can create them). */
  static Set<String> created(String body) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = NEW.matcher(withoutComments(body == null ? "" : body));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private RuleShapes() {}

  /**
   * @param text the file's text, in which the constraints' literals are found
   */
  static RuleShape of(String packageName, RuleDescr rule, String file, String text) {
    List<PatternRef> patterns = new ArrayList<>();
    new Walk(file, text).walk(rule.getLhs(), PatternRef.Use.POSITIVE, patterns);
    Set<String> creates = new LinkedHashSet<>();
    Set<String> concludes = new LinkedHashSet<>();
    String consequence =
        withoutComments(rule.getConsequence() == null ? "" : String.valueOf(rule.getConsequence()));
    Matcher m = NEW.matcher(consequence);
    List<RuleShape.Creation> creations = new ArrayList<>();
    while (m.find()) {
      creates.add(m.group(1));
      creations.add(
          new RuleShape.Creation(m.group(1), DrlLiterals.arguments(consequence, m.end() - 1)));
    }
    Matcher l = LOGICAL.matcher(consequence);
    while (l.find()) {
      concludes.add(l.group(1));
    }
    // insertLogical( $x ) of a variable made in the consequence: `Merger m = new Merger(...)`.
    Matcher v = LOGICAL_VARIABLE.matcher(consequence);
    while (v.find()) {
      Matcher made =
          Pattern.compile(
                  "\\b((?:[\\w$]+\\.)*[A-Za-z_$][\\w$]*)\\s+"
                      + Pattern.quote(v.group(1))
                      + "\\s*=\\s*new\\s+(?:[\\w$]+\\.)*([A-Za-z_$][\\w$]*)\\s*\\(")
              .matcher(consequence);
      if (made.find()) {
        concludes.add(made.group(2));
      }
    }
    return new RuleShape(
        packageName,
        rule.getName(),
        new Location(file, rule.getLine(), rule.getColumn() + 1),
        patterns,
        creates,
        concludes,
        STATED.matcher(consequence).find(),
        !OTHER_EFFECTS.matcher(consequence.replaceAll("\\binsertLogical\\s*\\(", "(")).find()
            && ORDER_ONLY.containsAll(rule.getAttributes().keySet()),
        creations);
  }

  /** Collects a rule's patterns, and the literals their constraints compare with fields. */
  private record Walk(String file, String text) {
    void walk(BaseDescr d, PatternRef.Use use, List<PatternRef> out) {
      if (d == null) {
        return;
      }
      if (d instanceof PatternDescr p) {
        out.add(
            new PatternRef(
                p.getObjectType(),
                new Location(file, p.getLine(), p.getColumn() + 1),
                use,
                literals(p)));
        if (p.getSource() instanceof AccumulateDescr a) {
          // The input is one AND of the accumulated patterns (getDescrs() is empty for DRL input).
          walk(a.getInput(), PatternRef.Use.ACCUMULATED, out);
        } else if (p.getSource() instanceof CollectDescr c) {
          walk(c.getInputPattern(), PatternRef.Use.ACCUMULATED, out);
        }
        return;
      }
      PatternRef.Use inner = use;
      if (d instanceof NotDescr || d instanceof ForallDescr) {
        inner = PatternRef.Use.NEGATED;
      } else if (d instanceof ExistsDescr && use == PatternRef.Use.POSITIVE) {
        inner = PatternRef.Use.EXISTS;
      } else if (d instanceof OrDescr
          && (use == PatternRef.Use.POSITIVE || use == PatternRef.Use.EXISTS)) {
        // One branch of an `or` is enough for the rule to fire.
        inner = PatternRef.Use.ALTERNATIVE;
      }
      if (d instanceof ConditionalElementDescr ce) {
        for (Object child : ce.getDescrs()) {
          if (child instanceof BaseDescr b) {
            walk(b, inner, out);
          }
        }
      }
    }

    /** The literals each constraint of the pattern compares with a field, where they stand. */
    private List<PatternRef.Literal> literals(PatternDescr p) {
      List<PatternRef.Literal> out = new ArrayList<>();
      if (text == null || p.getConstraint() == null) {
        return out;
      }
      for (BaseDescr c : p.getConstraint().getDescrs()) {
        int start = c.getStartCharacter();
        if (c instanceof ExprConstraintDescr && start >= 0 && start < text.length()) {
          for (DrlLiterals.Compared l : DrlLiterals.compared(text, start)) {
            out.add(
                new PatternRef.Literal(
                    l.field(), l.value(), AnnotationSpot.at(text, file, l.offset())));
          }
        }
      }
      return out;
    }
  }
}
