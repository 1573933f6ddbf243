package dev.thesis.drools;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Drools build messages fit for people. The column is only in the text ("Line 7:4", from 0),
 * MVEL's constraint errors carry a column of their own that does not point at the mistake, and an
 * unknown field is reported as an unresolvable method; this finds the real column in the source
 * line and says what is wrong in the rule author's words.
 */
public final class BuildMessage {
  private static final Pattern LINE_COL = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");
  private static final Pattern ERR_CODE = Pattern.compile("^\\[ERR \\d+\\]\\s*");
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile(
          "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.([\\w$]+)\\(\\)");
  private static final Pattern MVEL_TAIL =
      Pattern.compile("\\s*\\^?\\s*\\[Line: \\d+, Column: \\d+\\]\\s*$");

  private BuildMessage() {}

  private static final Pattern BAD_BINDING =
      Pattern.compile(
          "Field Reader does not exist for declaration '([\\w$]+)' in '[^']*?:\\s*([\\w$]+)' in the rule '([^']*)'");
  private static final Pattern PATTERN_TYPE = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\(");

  /**
   * What was found: the message, the column (from 1, or 0) on the reported line, and the variable a
   * failed binding left undefined (whose later mentions are follow-on errors), or null.
   */
  public record Refined(String message, int column, String brokenVariable) {
    Refined(String message, int column) {
      this(message, column, null);
    }
  }

  public static Refined refine(
      String text,
      int line,
      String sourceLine,
      java.util.function.Function<String, List<String>> fieldsOf) {
    Matcher f = UNKNOWN_FIELD.matcher(text);
    if (f.find()) {
      String type = f.group(1);
      String field = f.group(2);
      if (field.startsWith("$")) {
        // MVEL reads an undefined variable as a field of the pattern's type.
        return new Refined(
            field + " is not bound in this rule (no pattern binds it)",
            wordColumn(sourceLine, field));
      }
      if (type.equals("KnowledgeHelper")) {
        // An MVEL consequence reads a name it cannot resolve as a member of the drools helper.
        return new Refined(
            field
                + " is not defined in this consequence (not a bound $variable or a declared type)",
            wordColumn(sourceLine, field));
      }
      String known = known(fieldsOf.apply(type), field);
      return new Refined(
          type + " has no field \"" + field + "\"" + known, wordColumn(sourceLine, field));
    }
    Matcher b = BAD_BINDING.matcher(text);
    if (b.find()) {
      String variable = b.group(1);
      String field = b.group(2);
      Matcher t = PATTERN_TYPE.matcher(sourceLine == null ? "" : sourceLine);
      String type = t.find() ? t.group(1) : null;
      String known = type == null ? "" : known(fieldsOf.apply(type), field);
      String what =
          type == null
              ? "no field \"" + field + "\""
              : type + " has no field \"" + field + "\"" + known;
      return new Refined(
          what + ", so " + variable + " is not bound", wordColumn(sourceLine, field), variable);
    }
    return new Refined(tidy(text), column(text, line));
  }

  /** {@code (fields: lab, provider); did you mean "provider"?}, or nothing for an unknown type. */
  private static String known(List<String> fields, String field) {
    return fields == null
        ? ""
        : " (fields: "
            + String.join(", ", fields)
            + ")"
            + dev.thesis.diag.Nearest.didYouMean(field, fields, 2);
  }

  /** Column (from 1) named in the text for {@code line}, or 0. */
  public static int column(String text, int line) {
    Matcher m = LINE_COL.matcher(text);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) == line) {
        return Integer.parseInt(m.group(2)) + 1;
      }
    }
    return 0;
  }

  /** Line named in the text, for messages whose line array is empty; or 0. */
  public static int line(String text) {
    Matcher m = LINE_COL.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * The message on one line, without the "[ERR n] Line l:c" prefix that the location now carries.
   */
  public static String tidy(String text) {
    String t = text.strip();
    t = ERR_CODE.matcher(t).replaceFirst("");
    t = LINE_COL.matcher(t).replaceFirst("").strip();
    t = MVEL_TAIL.matcher(t).replaceFirst("");
    return t.replaceAll("\\s*\\R\\s*", " ");
  }

  /** Column (from 1) of {@code word} as a whole word in {@code line}, or 0. */
  public static int wordColumn(String line, String word) {
    if (line == null) {
      return 0;
    }
    Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(line);
    return m.find() ? m.start() + 1 : 0;
  }
}
