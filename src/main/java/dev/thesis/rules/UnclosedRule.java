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
  private static final Pattern AT_EOF = Pattern.compile("'<eof>' in rule \"(.*)\"", Pattern.CASE_INSENSITIVE);

  private UnclosedRule() {}

  /** Index of the line holding the rule's {@code end}, or -1 when another rule or the file's end comes first. */
  private static int endOf(List<String> lines, int start) {
    for (int i = start + 1; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.equals("end")) {
        return i;
      }
      if (t.startsWith("rule ") || t.startsWith("declare ")) {
        return -1;
      }
    }
    return -1;
  }

  static Optional<Diagnostic> explain(Path file, String name, String message) {
    Matcher m = AT_EOF.matcher(message == null ? "" : message);
    if (!m.find()) {
      return Optional.empty();
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
            return Optional.of(Diagnostic.error(new Location(name, i + 1, s.group(1).length() + 1),
                "rule \"" + rule + "\" is not closed: the file ends before its \"end\""));
          }
          // The rule is closed; what follows its end is what the parser could not place.
          for (int j = end + 1; j < lines.size(); j++) {
            String text = lines.get(j);
            if (!text.isBlank() && !text.strip().startsWith("//")) {
              int col = text.length() - text.stripLeading().length() + 1;
              return Optional.of(Diagnostic.error(new Location(name, j + 1, col),
                  "unexpected text after the end of rule \"" + rule + "\": not a rule, declare, function or import"));
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
