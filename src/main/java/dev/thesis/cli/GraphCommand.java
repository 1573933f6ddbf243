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
    if (format == Format.svg && g.nodes().size() > GraphSvg.MAX_DRAWN) {
      console
          .err()
          .println(
              "thesis: the evidence graph has "
                  + g.nodes().size()
                  + " entities, too many to lay out as SVG (at most "
                  + GraphSvg.MAX_DRAWN
                  + "); --format dot writes it for Graphviz");
      return ExitCodes.USAGE;
    }
    console.out().print(format == Format.dot ? GraphSvg.dot(g) : GraphSvg.standalone(g));
    console.out().flush();
    return ExitCodes.OK;
  }
}
