package dev.thesis.analysis;

/**
 * Comparing field values as DRL constraints do, for the kinds of values facts and conclusions hold
 * (strings, numbers, booleans): numbers by value whatever their Java type, other values by their
 * text. An unknown value (a variable not bound, a field not declared) compares to nothing: the
 * answer is null, "not checked".
 */
final class Values {
  /** A value the analysis cannot know. */
  static final Object UNKNOWN =
      new Object() {
        @Override
        public String toString() {
          return "?";
        }
      };

  private Values() {}

  /** Whether {@code left op right} holds, or null when either side is unknown. */
  static Boolean compare(Object left, String op, Object right) {
    if (left == UNKNOWN || right == UNKNOWN) {
      return null;
    }
    if (op.equals("==")) {
      return equal(left, right);
    }
    if (op.equals("!=")) {
      return !equal(left, right);
    }
    if (left == null || right == null) {
      return false;
    }
    int c;
    double[] n = numbers(left, right);
    if (n != null) {
      c = Double.compare(n[0], n[1]);
    } else {
      c = String.valueOf(left).compareTo(String.valueOf(right));
    }
    return switch (op) {
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      case ">=" -> c >= 0;
      default -> null;
    };
  }

  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    double[] n = numbers(a, b);
    if (n != null) {
      return n[0] == n[1];
    }
    return String.valueOf(a).equals(String.valueOf(b));
  }

  /**
   * A key under which equal values meet in an index: numbers, and text that reads as one, by value
   * (as {@link #equal} has {@code "2" == 2}); the rest by text. Values that meet are then compared
   * with {@link #equal}.
   */
  static Object key(Object v) {
    if (v == null) {
      return null;
    }
    Double n = number(v);
    return n != null ? (Object) n : String.valueOf(v);
  }

  /**
   * Both as numbers when one is a number and the other a number or its text (MVEL coerces {@code
   * "2" == 2}); null otherwise.
   */
  private static double[] numbers(Object a, Object b) {
    if (!(a instanceof Number) && !(b instanceof Number)) {
      return null;
    }
    Double x = number(a);
    Double y = number(b);
    return x == null || y == null ? null : new double[] {x, y};
  }

  private static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return v instanceof String s ? Double.valueOf(s.strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A value as the text tree and messages show it. */
  static String show(Object v) {
    return v == null ? "null" : String.valueOf(v);
  }
}
