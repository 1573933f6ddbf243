package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics as {@code path:line:col: severity: message}, then the line and a caret.
 *
 * <p>Both are bounded, since a hostile file can be one long line with thousands of problems: a line
 * is echoed {@value #WINDOW} characters around the column at most, and a file gets {@value
 * #PER_FILE} diagnostics, then one line saying how many more it has. Input text is escaped with
 * {@link TerminalText}.
 */
final class DiagnosticPrinter {
  static final int WINDOW = 200;
  static final int PER_FILE = 100;

  private final Map<String, List<String>> files = new HashMap<>();

  void print(PrintWriter err, List<Diagnostic> diagnostics) {
    Map<String, Integer> shown = new HashMap<>();
    Map<String, Integer> hidden = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      String file = d.location().file();
      if (shown.merge(file, 1, Integer::sum) > PER_FILE) {
        hidden.merge(file, 1, Integer::sum);
        continue;
      }
      err.println(TerminalText.escape(d.toString()));
      String line = sourceLine(file, d.location().line());
      if (line != null) {
        Excerpt excerpt = Excerpt.of(line, d.location().column());
        err.println("    " + excerpt.text());
        if (d.location().column() > 0) {
          err.println("    " + excerpt.caretPadding() + "^");
        }
      }
    }
    hidden.forEach(
        (file, n) ->
            err.println(
                TerminalText.escape(file)
                    + ": "
                    + n
                    + " more diagnostic(s) for this file not shown (the first "
                    + PER_FILE
                    + " are above)"));
    err.flush();
  }

  private String sourceLine(String file, int line) {
    if (line <= 0) {
      return null;
    }
    List<String> lines =
        files.computeIfAbsent(
            file,
            f -> {
              try {
                return Files.readAllLines(Path.of(f), StandardCharsets.UTF_8);
              } catch (IOException | RuntimeException e) {
                return List.of();
              }
            });
    return line <= lines.size() ? lines.get(line - 1) : null;
  }

  /** At most {@link #WINDOW} characters of a line around a column, escaped, with "…" where cut. */
  record Excerpt(String text, String caretPadding) {

    static Excerpt of(String line, int column) {
      int at = Math.max(0, Math.min(column - 1, line.length()));
      int start = 0;
      int end = line.length();
      if (line.length() > WINDOW) {
        start = Math.max(0, at - WINDOW / 2);
        end = Math.min(line.length(), start + WINDOW);
        start = Math.max(0, end - WINDOW);
        // Never split a surrogate pair at a cut.
        if (start > 0 && Character.isLowSurrogate(line.charAt(start))) {
          start++;
        }
        if (end < line.length() && Character.isHighSurrogate(line.charAt(end - 1))) {
          end--;
        }
      }
      String head = start > 0 ? "…" : "";
      String tail = end < line.length() ? "…" : "";
      StringBuilder pad = new StringBuilder(head.isEmpty() ? "" : " ");
      for (int i = start; i < at; i++) {
        char c = line.charAt(i);
        // Tabs are kept so that the caret lines up under tabbed text.
        pad.append(c == '\t' ? "\t" : " ".repeat(TerminalText.width(c)));
      }
      return new Excerpt(
          head + TerminalText.escape(line.substring(start, end)) + tail, pad.toString());
    }
  }
}
