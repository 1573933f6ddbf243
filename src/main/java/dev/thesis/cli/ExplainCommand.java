package dev.thesis.cli;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.diag.TerminalText;
import dev.thesis.report.ExplanationNode;
import dev.thesis.report.Explanations;
import dev.thesis.report.TextTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Print the derivation tree of a thesis, a conclusion or a fact, down to the quoted sources.",
      "For a question: its hypotheses with their posteriors and verdicts, its verdict, and each"
          + " evidence item's conclusions down to the quoted sources."
    })
final class ExplainCommand extends InputCommand {

  @Parameters(index = "0", paramLabel = "ID", descriptionKey = "explain.id")
  String id;

  ExplainCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    Evaluation evaluation = evaluateForReading();
    Failures.warnings(console, evaluation.warnings());
    if (evaluation.failed()) {
      return evaluation.exitCode();
    }
    EvaluationResult result = evaluation.result();
    Optional<ExplanationNode> tree = Explanations.of(result, id);
    if (tree.isEmpty()) {
      console
          .err()
          .println(
              "thesis: no thesis, question, conclusion or fact has the id \""
                  + TerminalText.escape(id)
                  + "\"");
      List<String> near = nearest(result, id);
      if (!near.isEmpty()) {
        console.err().println("Did you mean: " + TerminalText.escape(String.join(", ", near)));
      }
      console.err().flush();
      return ExitCodes.USAGE;
    }
    console.out().print(TextTree.render(tree.get()));
    console.out().flush();
    return ExitCodes.OK;
  }

  private static List<String> nearest(EvaluationResult r, String id) {
    List<String> all = new ArrayList<>();
    r.verdicts().forEach(v -> all.add(v.thesis().id()));
    r.questions().forEach(q -> all.add(q.id()));
    r.conclusions().forEach(c -> all.add(c.id()));
    r.facts().forEach(f -> all.add(f.record().id()));
    return dev.thesis.diag.Nearest.of(id, all, 8);
  }
}
