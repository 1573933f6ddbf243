package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.inputs.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Build the rules and load the facts; print every problem with its file, line and column.")
final class CheckCommand implements Callable<Integer>, Verbose {
  private final Console console;

  @Mixin InputOptions inputs;

  CheckCommand(Console console) {
    this.console = console;
  }

  @Override
  public boolean verbose() {
    return inputs.verbose;
  }

  @Override
  public Integer call() {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Inputs in = Inputs.load(inputs.rules, inputs.facts, diagnostics, inputs.trustRules);
    diagnostics = inputs.counted(diagnostics);
    new DiagnosticPrinter().print(console.err(), diagnostics);
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    if (errors > 0) {
      console.err().println("thesis: " + errors + " error(s), " + warnings + " warning(s)");
      console.err().flush();
      return ExitCodes.INVALID_INPUT;
    }
    console.out().printf(java.util.Locale.ROOT, "ok: %d rules, %d declared types, %d facts, %d sources, %d theses (%d warning(s))%n",
        in.rules().rules().size(), in.rules().schema().types().size(), in.facts().size(),
        in.corpus().sources().size(), in.corpus().theses().size(), warnings);
    console.out().flush();
    return ExitCodes.OK;
  }
}
