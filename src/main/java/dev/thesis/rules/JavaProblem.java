package dev.thesis.rules;

import dev.thesis.diag.Nearest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Java compiler says about a consequence, in the rule author's words: the declared type's
 * constructor spelled out, an unknown type with the declared one it probably meant, and no names of
 * the classes Drools generates around the consequence.
 */
final class JavaProblem {
  private static final Pattern MISSING =
      Pattern.compile("^Syntax error, insert \"(.+?)\" to complete");
  private static final Pattern UNKNOWN_TYPE =
      Pattern.compile("^([\\w$.]+) cannot be resolved to a type$");
  private static final Pattern UNKNOWN_NAME =
      Pattern.compile("^([\\w$]+) cannot be resolved(?: to a variable)?$");
  private static final Pattern CONSTRUCTOR =
      Pattern.compile("^The constructor ([\\w$]+)\\((.*)\\) is undefined$");
  private static final Pattern INTERNAL =
      Pattern.compile("\\bRule_\\w*?(?:Invoker|\\d{6,})\\w*|\\b(?:\\w+\\.)+KnowledgeHelper\\b");

  /** A syntax error the compiler words in its grammar's terms; dropped beside a clearer one. */
  static final String UNCLEAR = "syntax error here";

  private static final Pattern GRAMMAR = Pattern.compile("\\b[A-Z][a-z]+[A-Z]\\w*");

  private static final Pattern FOR_GENERATED =
      Pattern.compile(" for the type Rule_\\w*?(?:Invoker|\\d{6,})\\w*");
  private static final Pattern OBJECT =
      Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*@[0-9a-f]+\\b");

  private JavaProblem() {}

  /** The message and the column (from 1, or 0) to show it at, given where the compiler put it. */
  record Worded(String message, int column) {}

  static Worded of(String text, int column, String sourceLine, DrlOutline outline) {
    Matcher m = MISSING.matcher(text);
    if (m.find() && GRAMMAR.matcher(m.group(1)).find()) {
      // "insert ":: IdentifierOrNew" to complete ...": the compiler's grammar, not the author's.
      return new Worded(UNCLEAR, afterToken(sourceLine, column));
    }
    if (m.find(0)) {
      // The compiler points at the last token before the gap; the caret goes just after it.
      return new Worded(
          "missing \"" + m.group(1) + "\" after this", afterToken(sourceLine, column));
    }
    m = CONSTRUCTOR.matcher(text);
    if (m.find() && outline.fieldsOf(m.group(1)) != null) {
      return new Worded(constructor(m.group(1), arguments(m.group(2)), outline), column);
    }
    m = UNKNOWN_TYPE.matcher(text);
    if (m.find()) {
      return new Worded(unknownType(m.group(1), outline), column);
    }
    m = UNKNOWN_NAME.matcher(text);
    if (m.find()) {
      String name = m.group(1);
      return new Worded(
          name.startsWith("$")
              ? name + " is not bound in this rule (no pattern binds it)"
              : name + " is not defined here (not a variable, a bound $name, or a declared type)",
          column);
    }
    return new Worded(plain(text), column);
  }

  /** Without the names of what Drools generates: its helper is {@code drools} to the author. */
  static String plain(String text) {
    // "The method f(int) is undefined for the type Rule_x_123": a call in the consequence itself.
    String t = FOR_GENERATED.matcher(text).replaceAll(" in this consequence");
    t = INTERNAL.matcher(t).replaceAll("the rule");
    t = t.replace("KnowledgeHelper", "drools");
    // The engine's objects as Java prints them (AnnotationDescr@3492935): no name of the author's.
    t = OBJECT.matcher(t).replaceAll("it");
    return t.replaceAll("\\s*\\R\\s*", " ");
  }

  static String unknownType(String name, DrlOutline outline) {
    // A close spelling only: containment alone (Tie in TieBreak) is not a misspelling.
    List<String> near =
        Nearest.of(name, outline.typeNames(), 1).stream()
            .filter(n -> Nearest.close(name, n))
            .toList();
    return near.isEmpty()
        ? name + " is not declared: thesis sees only types declared in DRL"
        : "unknown type " + name + "; did you mean " + near.get(0) + "?";
  }

  private static String constructor(String type, int given, DrlOutline outline) {
    List<String> fields = outline.allFieldsOf(type);
    String takes =
        type
            + " takes "
            + count(fields.size(), "argument")
            + (fields.isEmpty()
                ? ""
                : " (" + String.join(", ", fields) + "), in declaration order");
    List<String> keys = outline.keysOf(type);
    if (!keys.isEmpty() && keys.size() < fields.size()) {
      takes += ", or its @key fields (" + String.join(", ", keys) + ")";
    }
    return takes + "; given " + given;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** How many arguments a compiler's signature lists: {@code String, List<Map<K, V>>} is two. */
  static int arguments(String signature) {
    if (signature.isBlank()) {
      return 0;
    }
    int n = 1;
    int depth = 0;
    for (char c : signature.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        n++;
      }
    }
    return n;
  }

  /** The column just after the token that starts at {@code column} (from 1), or 0. */
  private static int afterToken(String line, int column) {
    if (line == null || column < 1 || column > line.length()) {
      return column;
    }
    int i = column - 1;
    char c = line.charAt(i);
    if (c == '"' || c == '\'') {
      // A string or char literal: past its closing quote, escapes skipped.
      int j = i + 1;
      while (j < line.length() && line.charAt(j) != c) {
        j += line.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(j, line.length() - 1) + 2;
    }
    if (Character.isJavaIdentifierPart(c)) {
      while (i < line.length() && Character.isJavaIdentifierPart(line.charAt(i))) {
        i++;
      }
    } else {
      i++;
    }
    return i + 1;
  }
}
