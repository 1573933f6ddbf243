package dev.thesis.diag;

import java.util.List;

/** The rules or the facts have errors; nothing was evaluated. */
public final class InvalidInputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public InvalidInputException(List<Diagnostic> diagnostics) {
    super(diagnostics.size() + " problem(s) in the rules or facts");
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
