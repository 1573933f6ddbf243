package dev.thesis.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A small reader for the constraint forms rules are written in: bindings, comparisons of fields,
 * variables and literals, joined by {@code ||} and {@code &&}. Anything else is kept whole as
 * {@link Constraint.Opaque}; the DRL parser has already checked the syntax, so nothing here reports
 * errors.
 */
final class ConstraintReader {
  private static final List<String> OPS = List.of("==", "!=", "<=", ">=", "<", ">");

  private final List<String> tokens;
  private int at;

  private ConstraintReader(List<String> tokens) {
    this.tokens = tokens;
  }

  static Constraint read(String text) {
    String t = text.strip();
    List<String> tokens = tokens(t);
    if (tokens == null) {
      return new Constraint(t, null, null, new Constraint.Opaque(t));
    }
    String binding = null;
    String rest = t;
    if (tokens.size() >= 2 && tokens.get(0).startsWith("$") && tokens.get(1).equals(":")) {
      binding = tokens.get(0);
      tokens = tokens.subList(2, tokens.size());
      rest = t.substring(t.indexOf(':') + 1).strip();
    }
    if (binding != null && tokens.size() == 1 && isField(tokens.get(0))) {
      return new Constraint(t, binding, tokens.get(0), null);
    }
    ConstraintReader r = new ConstraintReader(tokens);
    Constraint.Test test = r.disjunction();
    if (test == null || r.at != tokens.size()) {
      test = new Constraint.Opaque(rest);
    }
    return new Constraint(t, binding, binding == null ? null : firstField(test), test);
  }

  /** The field a binding in front of a test reads: {@code $old : provider != $added}. */
  private static String firstField(Constraint.Test test) {
    if (test instanceof Constraint.Compare c && c.left() instanceof Constraint.Field f) {
      return f.name();
    }
    if (test instanceof Constraint.AnyOf a) {
      return firstField(a.tests().get(0));
    }
    if (test instanceof Constraint.AllOf a) {
      return firstField(a.tests().get(0));
    }
    return null;
  }

  private Constraint.Test disjunction() {
    return joined("||", this::conjunction, Constraint.AnyOf::new);
  }

  private Constraint.Test conjunction() {
    return joined("&&", this::comparison, Constraint.AllOf::new);
  }

  /** One or more tests separated by {@code op}; null when one of them cannot be read. */
  private Constraint.Test joined(
      String op,
      java.util.function.Supplier<Constraint.Test> next,
      java.util.function.Function<List<Constraint.Test>, Constraint.Test> join) {
    List<Constraint.Test> parts = new ArrayList<>();
    do {
      Constraint.Test t = next.get();
      if (t == null) {
        return null;
      }
      parts.add(t);
    } while (accept(op));
    return parts.size() == 1 ? parts.get(0) : join.apply(parts);
  }

  private Constraint.Test comparison() {
    if (accept("(")) {
      Constraint.Test inner = disjunction();
      return inner != null && accept(")") ? inner : null;
    }
    Constraint.Operand left = operand();
    if (left == null || at >= tokens.size() || !OPS.contains(tokens.get(at))) {
      return null;
    }
    String op = tokens.get(at++);
    Constraint.Operand right = operand();
    return right == null ? null : new Constraint.Compare(left, op, right);
  }

  private Constraint.Operand operand() {
    if (at >= tokens.size()) {
      return null;
    }
    String t = tokens.get(at);
    Constraint.Operand o;
    if (t.startsWith("$")) {
      o = new Constraint.Variable(t);
    } else if (t.startsWith("\"")) {
      o = new Constraint.Literal(t.substring(1));
    } else if (Character.isDigit(t.charAt(0)) || (t.startsWith("-") && t.length() > 1)) {
      Object n = number(t);
      if (n == null) {
        return null;
      }
      o = new Constraint.Literal(n);
    } else if (t.equals("true") || t.equals("false")) {
      o = new Constraint.Literal(Boolean.valueOf(t));
    } else if (t.equals("null")) {
      o = new Constraint.Literal(null);
    } else if (isField(t)) {
      o = new Constraint.Field(t);
    } else {
      return null;
    }
    at++;
    return o;
  }

  /** A number literal's value, or null for a form not read here (hexadecimal, say). */
  private static Object number(String t) {
    String n = t.replaceAll("[lLdDfF]$", "");
    try {
      return n.contains(".") || n.contains("e") || n.contains("E")
          ? (Object) Double.valueOf(n)
          : (Object) Long.valueOf(n);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private boolean accept(String token) {
    if (at < tokens.size() && tokens.get(at).equals(token)) {
      at++;
      return true;
    }
    return false;
  }

  private static boolean isField(String t) {
    return Character.isJavaIdentifierStart(t.charAt(0)) && !t.startsWith("$");
  }

  /**
   * Operators, parentheses, {@code :}, names, numbers, and strings (kept as {@code "} then the
   * unescaped value); null when the text holds anything else (a call, a dot, arithmetic).
   */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        StringBuilder v = new StringBuilder("\"");
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          if (s.charAt(j) == '\\' && j + 1 < s.length()) {
            j++;
          }
          v.append(s.charAt(j++));
        }
        if (j >= s.length()) {
          return null;
        }
        out.add(v.toString());
        i = j + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)
          || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (OPS.contains(two) || two.equals("||") || two.equals("&&")) {
          out.add(two);
          i += 2;
        } else if ("<>():".indexOf(c) >= 0) {
          out.add(String.valueOf(c));
          i++;
        } else {
          return null;
        }
      }
    }
    return out;
  }
}
