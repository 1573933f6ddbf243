package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Timings;
import dev.thesis.facts.FactFileSchema;
import dev.thesis.inputs.LoadSpec;
import dev.thesis.inputs.Loaded;
import dev.thesis.inputs.Settings;
import dev.thesis.inputs.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Print a JSON Schema (draft 2020-12) of fact files, generated from the rules' declare"
            + " blocks, for an editor to check fact files as they are typed.")
final class SchemaCommand implements Callable<Integer>, SafetyOptions.Bounded {
  private final Console console;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      defaultValue = "rules",
      descriptionKey = "input.rules")
  Path rules;

  @Option(names = "--facts", paramLabel = "PATH", descriptionKey = "schema.facts")
  List<Path> facts = List.of();

  @Mixin SafetyOptions safety;

  SchemaCommand(Console console) {
    this.console = console;
  }

  @Override
  public SafetyOptions safety() {
    return safety;
  }

  @Override
  public List<Path> ruleFolders() {
    return List.of(rules);
  }

  @Override
  public Integer call() {
    Loaded loaded = load(console, rules, facts, safety.trustRules);
    if (loaded == null) {
      return ExitCodes.INVALID_INPUT;
    }
    Map<String, SortedSet<String>> keys =
        facts.isEmpty()
            ? null
            : FactFileSchema.keysByType(loaded.rules().schema(), loaded.inputs().facts());
    console
        .out()
        .print(dev.thesis.report.JsonText.write(FactFileSchema.of(loaded.rules().schema(), keys)));
    console.out().flush();
    return ExitCodes.OK;
  }

  /**
   * The rules compiled and the facts bound, or null after printing the errors. The linter's
   * warnings, and a fact naming an entity or a question no file defines, are not this command's
   * concern (`thesis check` reports them): a scenario's load, which leaves them out, is the one
   * that fits.
   */
  static Loaded load(Console console, Path rules, List<Path> facts, boolean trustRules) {
    Settings settings = Settings.defaults(console.environment(), trustRules);
    Loaded loaded =
        new Workspace(settings, new Timings(console.progress()))
            .load(LoadSpec.scenario(rules, facts, List.of(), List.of(), LoadSpec.Exclusion.NONE));
    List<Diagnostic> errors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (errors.isEmpty() && loaded.rules() != null) {
      return loaded;
    }
    new DiagnosticPrinter().print(console.err(), errors);
    console.err().println("thesis: " + errors.size() + " error(s)");
    console.err().flush();
    return null;
  }
}
