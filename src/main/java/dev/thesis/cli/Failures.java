package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.engine.EvaluationException;
import java.util.List;

/**
 * Turns the library's failures into printed diagnostics and exit codes, the same in every command.
 */
final class Failures {
  private Failures() {}

  static int invalid(Console console, InvalidInputException e) {
    new DiagnosticPrinter().print(console.err(), e.diagnostics());
    long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
    console
        .err()
        .println("thesis: " + errors + " error(s) in the rules or facts; nothing was evaluated");
    console.err().flush();
    return ExitCodes.INVALID_INPUT;
  }

  static int evaluation(Console console, EvaluationException e) {
    if (e.location() != null) {
      new DiagnosticPrinter()
          .print(console.err(), List.of(Diagnostic.error(e.location(), e.getMessage())));
    } else {
      console.err().println("thesis: " + e.getMessage());
    }
    console.err().println("thesis: evaluation did not finish; no report was written");
    console.err().flush();
    return e.kind() == EvaluationException.Kind.LIMIT_REACHED
        ? ExitCodes.LIMIT_REACHED
        : ExitCodes.INVALID_INPUT;
  }

  static void warnings(Console console, List<Diagnostic> warnings) {
    if (!warnings.isEmpty()) {
      new DiagnosticPrinter().print(console.err(), warnings);
    }
  }
}
