package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a rule's annotation is written: at its {@code @}, and where the text inside its quotes
 * starts, so that a problem with one part of the value can be pointed at.
 */
record AnnotationSpot(Location at, Location value, String text, int valueOffset) {
  private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");

  /**
   * Where the character {@code offset} characters into the value is: a value may run over several
   * lines, so the offset is counted through the text, not added to a column.
   */
  Location valueColumn(int offset) {
    return at(text, value.file(), Math.min(text.length(), valueOffset + offset));
  }

  static AnnotationSpot find(String text, Location rule, String name) {
    int start = offset(text, rule.line(), rule.column());
    if (start < 0) {
      return null;
    }
    Matcher when = WHEN.matcher(text);
    int end = when.find(start) ? when.start() : text.length();
    Matcher m = Pattern.compile("@" + Pattern.quote(name) + "\\s*\\(\\s*(\"?)").matcher(text);
    m.region(start, end);
    if (!m.find()) {
      return null;
    }
    return new AnnotationSpot(
        at(text, rule.file(), m.start()), at(text, rule.file(), m.end()), text, m.end());
  }

  /** The character offset of a line and column (from 1), or -1 past the last line. */
  static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at);
      if (at < 0) {
        return -1;
      }
      at++;
    }
    return Math.min(text.length(), at + Math.max(0, column - 1));
  }

  /** The line and column of {@code offset} in {@code text}. */
  static Location at(String text, String file, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Location(file, line, offset - lineStart + 1);
  }
}
