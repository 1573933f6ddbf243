package dev.thesis.cli;

import dev.thesis.diag.Timings;
import dev.thesis.report.EvidenceGraph;
import dev.thesis.report.GraphSvg;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "Print the evidence graph: entities, stated relations and derived conclusions, as SVG or DOT.")
final class GraphCommand implements Callable<Integer>, Verbose {
  private final Console console;

  @Mixin InputOptions inputs;

  @Spec CommandSpec spec;

  private boolean dot;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "svg", description = "svg or dot (default: ${DEFAULT-VALUE}).")
  void format(String f) {
    if (!f.equals("svg") && !f.equals("dot")) {
      throw new ParameterException(spec.commandLine(), "unknown format \"" + f + "\" (expected svg or dot)");
    }
    dot = f.equals("dot");
  }

  GraphCommand(Console console) {
    this.console = console;
  }

  @Override
  public boolean verbose() {
    return inputs.verbose;
  }

  @Override
  public Integer call() {
    Evaluation e = Evaluation.runQuietly(console, inputs, new Timings(console.progress()), 0);
    if (e.failed()) {
      return e.exitCode();
    }
    Failures.warnings(console, e.warnings());
    EvidenceGraph g = EvidenceGraph.of(e.result());
    if (g.nodes().isEmpty()) {
      console.err().println("thesis: no fact is of a type declared @entity or @edge, so the graph is empty");
    }
    console.out().print(dot ? GraphSvg.dot(g) : GraphSvg.svg(g));
    console.out().flush();
    return ExitCodes.OK;
  }
}
