package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints diagnostics as {@code path:line:col: severity: message}, then the line and a caret. */
final class DiagnosticPrinter {
  private final Map<String, List<String>> files = new HashMap<>();

  void print(PrintWriter err, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      err.println(d);
      String line = sourceLine(d.location().file(), d.location().line());
      if (line != null) {
        err.println("    " + line);
        if (d.location().column() > 0) {
          err.println("    " + caretPadding(line, d.location().column()) + "^");
        }
      }
    }
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

  /** Spaces up to the column, keeping tabs so that the caret lines up under tabbed text. */
  private static String caretPadding(String line, int column) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return sb.toString();
  }
}
