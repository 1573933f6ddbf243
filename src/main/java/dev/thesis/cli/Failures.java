package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.diag.Thrown;
import dev.thesis.engine.EvaluationException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Turns the library's failures into printed diagnostics and exit codes, the same in every command.
 */
final class Failures {
  private Failures() {}

  static int invalid(Console console, InvalidInputException e) {
    new DiagnosticPrinter().print(console.err(), e.diagnostics());
    if (memoryLimit(e.diagnostics())) {
      console.err().println("thesis: the rules were not built; no report was written");
      console.err().flush();
      return ExitCodes.MEMORY_LIMIT;
    }
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
    return switch (e.kind()) {
      case LIMIT_REACHED -> ExitCodes.LIMIT_REACHED;
      case MEMORY_LIMIT -> ExitCodes.MEMORY_LIMIT;
      case RULE_FAILED -> ExitCodes.INVALID_INPUT;
    };
  }

  /** Whether the diagnostics report the heap running out (exit 7 rather than 3). */
  static boolean memoryLimit(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> Thrown.MEMORY_CODE.equals(d.code()));
  }

  /**
   * The last resort for an Error no layer below turned into a located failure: the heap running out
   * is the memory limit (exit 7), anything else an internal error (exit 1), either without a stack
   * trace unless --verbose.
   */
  static int uncaught(PrintWriter err, Error e, boolean verbose) {
    boolean memory = Thrown.kind(e) == Thrown.Kind.MEMORY;
    err.println(
        "thesis: "
            + (memory ? Thrown.memory("running") : "internal error: " + e)
            + "; no report was written");
    if (verbose) {
      e.printStackTrace(err);
    } else if (!memory) {
      err.println("(run again with --verbose for the stack trace)");
    }
    err.flush();
    return memory ? ExitCodes.MEMORY_LIMIT : ExitCodes.INTERNAL;
  }

  static void warnings(Console console, List<Diagnostic> warnings) {
    if (!warnings.isEmpty()) {
      new DiagnosticPrinter().print(console.err(), warnings);
    }
  }
}
