package dev.thesis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The string literals of DRL text, read with a small lexer: those a constraint compares with a
 * field ({@code scale == "heavy"}, {@code "heavy" != scale}, {@code scale in ("a", "b")}, {@code
 * scale == "a" || == "b"}), and the arguments of a constructor call in a consequence. The parser
 * keeps a constraint as text, so the literals are found in it, at their offsets in the file.
 */
final class DrlLiterals {
  private DrlLiterals() {}

  /** A literal compared with a field, at its offset (its opening quote) in the text. */
  record Compared(String field, String value, int offset) {}

  private enum Kind {
    STRING,
    WORD,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    OTHER
  }

  private record Token(Kind kind, String text, int offset) {
    boolean is(Kind k, String t) {
      return kind == k && text.equals(t);
    }
  }

  private static final Set<String> NOT_FIELDS = Set.of("this", "null", "true", "false", "in");

  /**
   * The literals one constraint compares with fields; the constraint starts at {@code from} and
   * ends at the first comma or closing parenthesis outside parentheses (the pattern's next
   * constraint or its end).
   */
  static List<Compared> compared(String text, int from) {
    List<Token> t = tokens(text, from, false);
    List<Compared> out = new ArrayList<>();
    String last = null;
    for (int i = 0; i < t.size(); i++) {
      Token a = t.get(i);
      if (field(a) && i + 2 < t.size() && comparison(t.get(i + 1))) {
        last = a.text();
        if (t.get(i + 2).kind() == Kind.STRING) {
          out.add(new Compared(a.text(), t.get(i + 2).text(), t.get(i + 2).offset()));
        }
      } else if (a.kind() == Kind.STRING
          && i + 2 < t.size()
          && comparison(t.get(i + 1))
          && field(t.get(i + 2))) {
        out.add(new Compared(t.get(i + 2).text(), a.text(), a.offset()));
      } else if (field(a) && i + 1 < t.size() && inList(t, i + 1) > 0) {
        last = a.text();
        int j = inList(t, i + 1);
        for (; j < t.size() && t.get(j).kind() != Kind.CLOSE; j++) {
          if (t.get(j).kind() == Kind.STRING) {
            out.add(new Compared(a.text(), t.get(j).text(), t.get(j).offset()));
          }
        }
        i = j;
      } else if (last != null
          && (a.is(Kind.OPERATOR, "||") || a.is(Kind.OPERATOR, "&&"))
          && i + 2 < t.size()
          && comparison(t.get(i + 1))
          && t.get(i + 2).kind() == Kind.STRING) {
        // `scale == "a" || == "b"`: the field is the one before.
        out.add(new Compared(last, t.get(i + 2).text(), t.get(i + 2).offset()));
      }
    }
    return out;
  }

  /**
   * The arguments of the call whose opening parenthesis is at {@code open}: each a string literal's
   * value, or null when it is anything else (a variable, an expression).
   */
  static List<String> arguments(String code, int open) {
    List<Token> t = tokens(code, open + 1, true);
    List<String> out = new ArrayList<>();
    List<Token> arg = new ArrayList<>();
    int depth = 0;
    for (Token k : t) {
      if (depth == 0 && (k.kind() == Kind.COMMA || k.kind() == Kind.CLOSE)) {
        if (!arg.isEmpty() || k.kind() == Kind.COMMA) {
          out.add(arg.size() == 1 && arg.get(0).kind() == Kind.STRING ? arg.get(0).text() : null);
        }
        arg.clear();
        if (k.kind() == Kind.CLOSE) {
          break;
        }
        continue;
      }
      depth += k.kind() == Kind.OPEN ? 1 : k.kind() == Kind.CLOSE ? -1 : 0;
      arg.add(k);
    }
    return out;
  }

  private static boolean field(Token t) {
    return t.kind() == Kind.WORD
        && !t.text().startsWith("$")
        && !t.text().contains(".")
        && !NOT_FIELDS.contains(t.text());
  }

  private static boolean comparison(Token t) {
    return t.is(Kind.OPERATOR, "==") || t.is(Kind.OPERATOR, "!=");
  }

  /** Where the items of {@code in (...)} or {@code not in (...)} start after {@code at}, or -1. */
  private static int inList(List<Token> t, int at) {
    int i = at;
    if (i < t.size() && t.get(i).is(Kind.WORD, "not")) {
      i++;
    }
    if (i + 1 < t.size() && t.get(i).is(Kind.WORD, "in") && t.get(i + 1).kind() == Kind.OPEN) {
      return i + 2;
    }
    return -1;
  }

  /**
   * The tokens from {@code from} to the end of one constraint (a comma or closing parenthesis at
   * depth 0, not included), or with {@code call} to the closing parenthesis of a call (included).
   */
  private static List<Token> tokens(String s, int from, boolean call) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        StringBuilder value = new StringBuilder();
        while (end < s.length() && s.charAt(end) != c) {
          if (s.charAt(end) == '\\' && end + 1 < s.length()) {
            end++;
          }
          value.append(s.charAt(end));
          end++;
        }
        out.add(new Token(Kind.STRING, value.toString(), i));
        i = end + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i + 1;
        while (end < s.length()
            && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '.')) {
          end++;
        }
        out.add(new Token(Kind.WORD, s.substring(i, end), i));
        i = end;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        out.add(new Token(Kind.OPEN, String.valueOf(c), i++));
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          if (call) {
            out.add(new Token(Kind.CLOSE, ")", i));
          }
          return out;
        }
        depth--;
        out.add(new Token(Kind.CLOSE, String.valueOf(c), i++));
      } else if (c == ',') {
        if (depth == 0 && !call) {
          return out;
        }
        out.add(new Token(Kind.COMMA, ",", i++));
      } else if (c == ';') {
        return out;
      } else if ("=!<>&|".indexOf(c) >= 0) {
        int end = i + 1;
        while (end < s.length() && "=!<>&|".indexOf(s.charAt(end)) >= 0) {
          end++;
        }
        out.add(new Token(Kind.OPERATOR, s.substring(i, end), i));
        i = end;
      } else {
        out.add(new Token(Kind.OTHER, String.valueOf(c), i++));
      }
    }
    return out;
  }
}
