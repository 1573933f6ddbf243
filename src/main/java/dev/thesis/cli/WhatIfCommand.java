package dev.thesis.cli;

import dev.thesis.analysis.Evaluator;
import dev.thesis.analysis.WhatIf;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.diag.TerminalText;
import dev.thesis.diag.Timings;
import dev.thesis.engine.EvaluationException;
import dev.thesis.inputs.Inputs;
import dev.thesis.inputs.Loaded;
import dev.thesis.inputs.Settings;
import dev.thesis.inputs.Workspace;
import dev.thesis.report.DeltaJson;
import dev.thesis.report.DeltaText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate, then take facts out or put facts in, in the same session, and print what changed.")
final class WhatIfCommand extends InputCommand {

  @Option(names = "--without", paramLabel = "FACT_ID")
  List<String> without = new ArrayList<>();

  @Option(names = "--without-source", paramLabel = "SOURCE_ID")
  List<String> withoutSources = new ArrayList<>();

  @Option(names = "--with", paramLabel = "FILE")
  List<Path> with = new ArrayList<>();

  @Mixin TextOrJson output;

  WhatIfCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    if (without.isEmpty() && withoutSources.isEmpty() && with.isEmpty()) {
      console
          .err()
          .println(
              "thesis: say what to change: --without FACT_ID, --without-source SOURCE_ID or --with FILE");
      return ExitCodes.USAGE;
    }
    WhatIf.Outcome o;
    try {
      Settings settings = settings().withCriticalMax(0);
      Loaded loaded = new Workspace(settings, new Timings()).load(inputs.spec().with(with));
      Inputs in = loaded.orThrow();
      Failures.warnings(console, in.warnings());
      o =
          new WhatIf(without, withoutSources)
              .run(
                  in,
                  loaded.added(),
                  Evaluator.of(settings, in.facts().size(), console.progress()));
    } catch (WhatIf.UnknownIdException e) {
      // As `explain` of an unknown id: the command line is wrong, not the corpus.
      for (String problem : e.problems()) {
        console.err().println("thesis: " + TerminalText.escape(problem));
      }
      console.err().flush();
      return ExitCodes.USAGE;
    } catch (InvalidInputException e) {
      return Failures.invalid(console, e);
    } catch (EvaluationException e) {
      return Failures.evaluation(console, e);
    }
    if (output.json()) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("removed", o.removed());
      header.put("added", o.added());
      console.out().print(DeltaJson.render(o.delta(), header));
    } else {
      console
          .out()
          .print(
              TerminalText.lines(
                  "Without: "
                      + (o.removed().isEmpty() ? "-" : String.join(", ", o.removed()))
                      + "\nWith:    "
                      + (o.added().isEmpty() ? "-" : String.join(", ", o.added()))
                      + "\n"
                      + DeltaText.render(o.delta())));
    }
    console.out().flush();
    return ExitCodes.OK;
  }
}
