package dev.thesis.cli;

import dev.thesis.report.EvidenceGraph;
import dev.thesis.report.GraphSvg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description =
        "Print the evidence graph: entities, stated relations and derived conclusions, as SVG or DOT.")
final class GraphCommand extends InputCommand {

  enum Format {
    svg,
    dot
  }

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "svg",
      descriptionKey = "graph.format")
  Format format;

  GraphCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    Evaluation e = evaluateForReading();
    if (e.failed()) {
      return e.exitCode();
    }
    Failures.warnings(console, e.warnings());
    EvidenceGraph g = EvidenceGraph.of(e.result());
    if (g.nodes().isEmpty()) {
      console
          .err()
          .println("thesis: no fact is of a type declared @entity or @edge, so the graph is empty");
    }
    console.out().print(format == Format.dot ? GraphSvg.dot(g) : GraphSvg.svg(g));
    console.out().flush();
    return ExitCodes.OK;
  }
}
