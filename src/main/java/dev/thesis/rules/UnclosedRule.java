package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser reports a rule whose {@code end} is missing or misspelled at a line past the end of
 * the file; the useful place is the rule that was never closed.
 */
final class UnclosedRule {
  private static final Pattern AT_EOF =
      Pattern.compile("'<eof>' in rule \"(.*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern IN_RULE = Pattern.compile(" in rule \"(.*)\"");

  private UnclosedRule() {}

  /** The rule's start, if the rule has no {@code end} before the next rule or declaration. */
  private static Optional<Diagnostic> unclosed(Path file, String name, String rule) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Pattern start = Pattern.compile("^(\\s*)rule\\s+\"" + Pattern.quote(rule) + "\"");
      for (int i = 0; i < lines.size(); i++) {
        Matcher s = start.matcher(lines.get(i));
        if (s.find() && endOf(lines, i) < 0) {
          return Optional.of(
              Diagnostic.error(
                  new Location(name, i + 1, s.group(1).length() + 1),
                  "rule \""
                      + rule
                      + "\" is not closed: no \"end\" before the next rule or declaration"));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Index of the line holding the rule's {@code end}, or -1 when another rule or the file's end
   * comes first.
   */
  private static int endOf(List<String> lines, int start) {
    for (int i = start + 1; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.equals("end") || t.startsWith("end ") || t.startsWith("end//")) {
        return i;
      }
      if (t.startsWith("rule ")
          || t.startsWith("declare ")
          || t.startsWith("query ")
          || t.startsWith("function ")) {
        return -1;
      }
    }
    return -1;
  }

  static Optional<Diagnostic> explain(Path file, String name, String message) {
    String text = message == null ? "" : message;
    Matcher m = AT_EOF.matcher(text);
    boolean atEof = m.find();
    if (!atEof) {
      // Any other parse error inside a rule: blame a missing `end` only if the rule really has
      // none.
      m = IN_RULE.matcher(text);
      if (!m.find()) {
        return Optional.empty();
      }
      return unclosed(file, name, m.group(1));
    }
    String rule = m.group(1);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Pattern start = Pattern.compile("^(\\s*)rule\\s+\"" + Pattern.quote(rule) + "\"");
      for (int i = 0; i < lines.size(); i++) {
        Matcher s = start.matcher(lines.get(i));
        if (s.find()) {
          int end = endOf(lines, i);
          if (end < 0) {
            return Optional.of(
                Diagnostic.error(
                    new Location(name, i + 1, s.group(1).length() + 1),
                    "rule \"" + rule + "\" is not closed: the file ends before its \"end\""));
          }
          // The rule is closed; what follows its end is what the parser could not place.
          for (int j = end + 1; j < lines.size(); j++) {
            String after = lines.get(j);
            if (!after.isBlank() && !after.strip().startsWith("//")) {
              int col = after.length() - after.stripLeading().length() + 1;
              return Optional.of(
                  Diagnostic.error(
                      new Location(name, j + 1, col),
                      "unexpected text after the end of rule \""
                          + rule
                          + "\": not a rule, declare, function or import"));
            }
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
