package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern whose {@code (} is never closed makes the parser stop at the next word it cannot place
 * ("mismatched input 'then'"), a line or more after the mistake. The useful place is the {@code (}
 * itself: the one still open, in the rule, where the parser gave up.
 */
final class UnclosedParen {
  private static final Pattern MISMATCHED = Pattern.compile("^mismatched input '([^']*)'");
  private static final Pattern RULE_START = Pattern.compile("(?m)^[ \\t]*(?:rule|query)\\b");

  private UnclosedParen() {}

  /**
   * The open {@code (} before a parse error at {@code line} and {@code column} (from 1), when the
   * error is a word the parser did not expect; empty otherwise.
   */
  static Optional<Diagnostic> explain(
      String text, String file, int line, int column, String message) {
    Matcher m = MISMATCHED.matcher(message == null ? "" : message);
    if (!m.find() || line < 1 || column < 1) {
      return Optional.empty();
    }
    int error = AnnotationSpot.offset(text, line, column);
    if (error < 0) {
      return Optional.empty();
    }
    int start = -1;
    Matcher r = RULE_START.matcher(text);
    while (r.find() && r.start() < error) {
      start = r.start();
    }
    if (start < 0) {
      return Optional.empty();
    }
    String code = TypeUses.Code.blank(text.substring(start, error));
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        open.push(start + i);
      } else if (c == ')' && !open.isEmpty()) {
        open.pop();
      }
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    String found = m.group(1);
    return Optional.of(
        Diagnostic.error(
            AnnotationSpot.at(text, file, open.peek()),
            "unclosed \"(\": its \")\" is missing before \"" + found + "\" on line " + line));
  }
}
