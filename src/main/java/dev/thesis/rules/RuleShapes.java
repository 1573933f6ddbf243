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
  private static final Pattern STATED = Pattern.compile("\\binsert\\s*\\(");
  private static final Pattern OTHER_EFFECTS =
      Pattern.compile(
          "\\b(?:insert|modify|update|delete|retract|halt)\\s*\\(|\\b(?:drools|kcontext)\\s*\\.");

  /** Attributes that change when a rule fires, not what holds once all have fired. */
  private static final Set<String> ORDER_ONLY = Set.of("salience", "no-loop", "dialect");

  /** Java comments out, so that `// we used to insert(...)` is no insert; strings are kept. */
  static String withoutComments(String code) {
    StringBuilder out = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c && code.charAt(j) != '\n') {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(j, code.length() - 1);
        out.append(code, i, j + 1);
        i = j;
      } else if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = (end < 0 ? code.length() : end) - 1;
        out.append(' ');
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = (end < 0 ? code.length() : end + 2) - 1;
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
    while (m.find()) {
      creates.add(m.group(1));
    }
    List<Insertion> insertions = insertions(consequence);
    insertions.stream().filter(Insertion::logical).forEach(ins -> concludes.add(ins.type()));
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
        Conditions.of(rule.getLhs(), file),
        insertions,
        CHANGES_VALUES.matcher(consequence).find(),
        body(rule, text));
  }

  /** From the first condition (or the rule's start, when it has none) to {@code end}. */
  static String body(RuleDescr rule, String text) {
    int from = rule.getLhs() == null ? -1 : rule.getLhs().getStartCharacter();
    if (from < 0) {
      from = rule.getStartCharacter();
    }
    int to = Math.min(text.length(), rule.getEndCharacter() + 1);
    if (from < 0 || to <= from) {
      return "";
    }
    return withoutComments(text.substring(from, to))
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** A consequence that changes a fact or an object's field: modify, update, a setter. */
  private static final Pattern CHANGES_VALUES =
      Pattern.compile("\\b(?:modify|update|delete|retract)\\s*\\(|\\.\\s*set[A-Z_$][\\w$]*\\s*\\(");

  private static final Pattern INSERTION =
      Pattern.compile(
          "\\b(insertLogical|insert)\\s*\\(\\s*new\\s+((?:[\\w$]+\\.)*[A-Za-z_$][\\w$]*)\\s*\\(");

  private static final Pattern INSERTED_VARIABLE =
      Pattern.compile("\\b(insertLogical|insert)\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)");

  /**
   * Each {@code insert[Logical](new Type(args))}, and each {@code insert[Logical](m)} of a variable
   * made in the consequence ({@code Type m = new Type(args);}), its arguments split at the
   * top-level commas.
   */
  static List<Insertion> insertions(String consequence) {
    List<Insertion> out = new ArrayList<>();
    Matcher m = INSERTION.matcher(consequence);
    while (m.find()) {
      List<String> args = arguments(consequence, m.end());
      if (args != null) {
        out.add(new Insertion(m.group(2), args, m.group(1).equals("insertLogical")));
      }
    }
    Matcher v = INSERTED_VARIABLE.matcher(consequence);
    while (v.find()) {
      Matcher made =
          Pattern.compile(
                  "\\b"
                      + Pattern.quote(v.group(2))
                      + "\\s*=\\s*new\\s+((?:[\\w$]+\\.)*[A-Za-z_$][\\w$]*)\\s*\\(")
              .matcher(consequence);
      if (made.find()) {
        List<String> args = arguments(consequence, made.end());
        if (args != null) {
          out.add(new Insertion(made.group(1), args, v.group(1).equals("insertLogical")));
        }
      }
    }
    return out;
  }

  /** The arguments of a call whose '(' ends just before {@code from}; null when unbalanced. */
  private static List<String> arguments(String code, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c) {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        i = j;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ')') {
        String last = code.substring(start, i).strip();
        if (!last.isEmpty() || !args.isEmpty()) {
          args.add(last);
        }
        return args;
      } else if (c == ',' && depth == 0) {
        args.add(code.substring(start, i).strip());
        start = i + 1;
      }
    }
    return null;
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
