package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Timings;
import dev.thesis.inputs.Loaded;
import dev.thesis.inputs.Workspace;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Build the rules and load the facts; print every problem with its file, line and column.")
final class CheckCommand extends InputCommand {

  CheckCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    Loaded loaded = new Workspace(settings(), new Timings(console.progress())).load(inputs.spec());
    List<Diagnostic> diagnostics = loaded.diagnostics();
    new DiagnosticPrinter().print(console.err(), diagnostics);
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    if (errors > 0) {
      console.err().println("thesis: " + errors + " error(s), " + warnings + " warning(s)");
      console.err().flush();
      return Failures.memoryLimit(diagnostics) ? ExitCodes.MEMORY_LIMIT : ExitCodes.INVALID_INPUT;
    }
    console
        .out()
        .printf(
            java.util.Locale.ROOT,
            "ok: %d rules, %d declared types, %d facts, %d sources, %d theses (%d warning(s))%n",
            loaded.rules().rules().size(),
            loaded.rules().schema().types().size(),
            loaded.inputs().facts().size(),
            loaded.inputs().corpus().sources().size(),
            loaded.inputs().corpus().theses().size(),
            warnings);
    console.out().flush();
    return ExitCodes.OK;
  }
}
