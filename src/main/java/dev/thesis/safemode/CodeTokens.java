package dev.thesis.safemode;

import java.util.ArrayList;
import java.util.List;

/**
 * DRL text cut into the tokens that Java and MVEL would see: identifiers, numbers, literals and
 * symbols, without whitespace and comments. Where the two languages could read the text
 * differently, the reading that shows more code wins, and what neither reading settles is a {@link
 * Problem}: a {@code \}{@code u} escape (Java decodes it before anything else, so it can end a
 * string or a comment early), a text block (MVEL reads it as three strings), an invisible character
 * inside an identifier (Java ignores it, so {@code Run<U+00AD>time} is {@code Runtime}), an
 * unterminated literal or comment.
 */
final class CodeTokens {
  enum Kind {
    IDENT,
    NUMBER,
    LITERAL,
    SYMBOL
  }

  /**
   * A token: its text (for literals, the literal as written) and its offsets [start, end) in the
   * file.
   */
  record Token(Kind kind, String text, int start, int end) {
    boolean is(String s) {
      return kind != Kind.LITERAL && text.equals(s);
    }

    boolean isIdent() {
      return kind == Kind.IDENT;
    }
  }

  /** Text that cannot be read safely, at an offset. */
  record Problem(int at, String message) {}

  record Lexed(List<Token> tokens, List<Problem> problems) {}

  private CodeTokens() {}

  static Lexed lex(String text) {
    List<Token> tokens = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    unicodeEscapes(text, problems);
    // An array, not charAt: the scan usually runs once per JVM, mostly interpreted, where this
    // counts.
    char[] cs = text.toCharArray();
    int n = cs.length;
    int i = n > 0 && cs[0] == '\uFEFF' ? 1 : 0;
    while (i < n) {
      char c = cs[i];
      if (isAsciiIdentifierStart(c)) {
        int start = i;
        while (i < n && isAsciiIdentifierPart(cs[i])) {
          i++;
        }
        if (i < n && cs[i] >= 0x80) {
          i = identifierEnd(text, start, problems); // non-ASCII letters: the slow, exact path
        }
        tokens.add(new Token(Kind.IDENT, text.substring(start, i), start, i));
      } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '/' && i + 1 < n && cs[i + 1] == '/') {
        // Java ends a line comment at \r or \n; ending it at the first of them shows the most code.
        while (i < n && cs[i] != '\n' && cs[i] != '\r') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && cs[i + 1] == '*') {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          problems.add(new Problem(i, "an unterminated comment"));
          break;
        }
        i = close + 2;
      } else if (c == '"' && i + 2 < n && cs[i + 1] == '"' && cs[i + 2] == '"') {
        problems.add(
            new Problem(
                i,
                "a text block (\"\"\"): Java reads it as one string and MVEL as three, "
                    + "so where it ends cannot be known"));
        break;
      } else if (c == '"' || c == '\'') {
        int end = literalEnd(cs, i);
        if (end < 0) {
          problems.add(
              new Problem(i, "an unterminated " + (c == '"' ? "string" : "quoted literal")));
          break;
        }
        tokens.add(new Token(Kind.LITERAL, text.substring(i, end), i, end));
        i = end;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(cs[i + 1]))) {
        int end = numberEnd(text, i);
        tokens.add(new Token(Kind.NUMBER, text.substring(i, end), i, end));
        i = end;
      } else if (c == ':' && i + 1 < n && cs[i + 1] == ':') {
        tokens.add(new Token(Kind.SYMBOL, "::", i, i + 2));
        i += 2;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
      } else if (c >= 0x80 && Character.isJavaIdentifierStart(text.codePointAt(i))) {
        int start = i;
        i = identifierEnd(text, i, problems);
        tokens.add(new Token(Kind.IDENT, text.substring(start, i), start, i));
      } else {
        int len = Character.charCount(text.codePointAt(i));
        tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + len), i, i + len));
        i += len;
      }
    }
    return new Lexed(tokens, problems);
  }

  private static boolean isAsciiIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isAsciiIdentifierPart(char c) {
    return isAsciiIdentifierStart(c) || isDigit(c);
  }

  /**
   * The end of the identifier at {@code start}, by Java's rules; one with a character that Java
   * ignores in names is a problem.
   */
  private static int identifierEnd(String text, int start, List<Problem> problems) {
    int i = start;
    boolean invisible = false;
    while (i < text.length() && Character.isJavaIdentifierPart(text.codePointAt(i))) {
      invisible |= Character.isIdentifierIgnorable(text.codePointAt(i));
      i += Character.charCount(text.codePointAt(i));
    }
    if (invisible) {
      problems.add(
          new Problem(
              start,
              "an identifier with an invisible character in it, "
                  + "which Java ignores (so it can spell a refused name)"));
    }
    return i;
  }

  /**
   * Every backslash-u in the text, in literals and comments too: javac turns {@code \}{@code u0022}
   * into a quote and {@code \}{@code u000a} into a line break before it reads strings and comments.
   */
  private static void unicodeEscapes(String text, List<Problem> problems) {
    for (int i = text.indexOf('\\');
        i >= 0 && i + 1 < text.length();
        i = text.indexOf('\\', i + 1)) {
      if (text.charAt(i + 1) == 'u') {
        problems.add(
            new Problem(
                i,
                "a \\u escape: Java decodes it before reading strings and comments, "
                    + "so it can hide code in them"));
      }
    }
  }

  /**
   * The end (exclusive) of the literal opening at {@code start}, or -1. A literal runs over line
   * breaks, as MVEL's do: stopping at the line's end would take the closing quote on a later line
   * for an opening one and hide the code after it.
   */
  private static int literalEnd(char[] cs, int start) {
    char quote = cs[start];
    for (int i = start + 1; i < cs.length; i++) {
      char c = cs[i];
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A number ends where a letter that no number takes begins: {@code 10s} is {@code 10} and {@code
   * s}, so a name glued to a number is still read as a name.
   */
  private static int numberEnd(String text, int start) {
    int n = text.length();
    int i = start;
    if (text.startsWith("0x", i)
        || text.startsWith("0X", i)
        || text.startsWith("0b", i)
        || text.startsWith("0B", i)) {
      i += 2;
      while (i < n && (Character.digit(text.charAt(i), 16) >= 0 || text.charAt(i) == '_')) {
        i++;
      }
    } else {
      while (i < n
          && (isDigit(text.charAt(i))
              || text.charAt(i) == '_'
              || (text.charAt(i) == '.' && i + 1 < n && isDigit(text.charAt(i + 1))))) {
        i++;
      }
      if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
        int j = i + 1;
        if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
          j++;
        }
        if (j < n && isDigit(text.charAt(j))) {
          i = j;
          while (i < n && isDigit(text.charAt(i))) {
            i++;
          }
        }
      }
    }
    if (i < n
        && "lLfFdD".indexOf(text.charAt(i)) >= 0
        && (i + 1 >= n || !Character.isJavaIdentifierPart(text.charAt(i + 1)))) {
      i++;
    }
    return i;
  }
}
