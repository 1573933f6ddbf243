package dev.thesis.cli;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Verdict;
import dev.thesis.analysis.WhyNot;
import dev.thesis.diag.TerminalText;
import dev.thesis.report.ExplanationNode;
import dev.thesis.report.Explanations;
import dev.thesis.report.JsonText;
import dev.thesis.report.TextTree;
import dev.thesis.report.WhyNotText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Print the derivation tree of a thesis, a conclusion or a fact, down to the quoted sources.",
      "For a question: its hypotheses with their posteriors and verdicts, its verdict, and each"
          + " evidence item's conclusions down to the quoted sources.",
      "For a conclusion id that nothing derived (type-in-kebab-case:key:...): why not, rule by"
          + " rule and pattern by pattern; for a thesis that is not SUPPORTED, also the rules"
          + " arguing for it that did not fire (nearest misses). Both exit 0."
    })
final class ExplainCommand extends InputCommand {

  @Parameters(index = "0", paramLabel = "ID", descriptionKey = "explain.id")
  String id;

  /** Unset: a derivation tree is drawn whole, a why-not follows one level of missing premises. */
  @Option(names = "--depth", paramLabel = "N", descriptionKey = "explain.depth")
  Integer depth;

  @Option(names = "--full-quotes", descriptionKey = "explain.full-quotes")
  boolean fullQuotes;

  /** Where a quote is cut on the terminal unless --full-quotes: a sentence's first line or so. */
  static final int QUOTE_CHARS = 100;

  /** How many levels of missing premises a why-not answer follows. */
  private int whyNotDepth() {
    return depth == null ? 1 : depth;
  }

  @Mixin TextOrJson output;

  ExplainCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    if (depth != null && depth < 0) {
      console.err().println("thesis: --depth must be 0 or more, not " + depth);
      console.err().flush();
      return ExitCodes.USAGE;
    }
    Evaluation evaluation = evaluateForReading();
    Failures.warnings(console, evaluation.warnings());
    if (evaluation.failed()) {
      return evaluation.exitCode();
    }
    EvaluationResult result = evaluation.result();
    Optional<ExplanationNode> tree =
        Explanations.of(result, id, depth == null ? Integer.MAX_VALUE : depth);
    if (tree.isPresent()) {
      WhyNot.Misses misses =
          result
              .verdict(id)
              .filter(v -> v.verdict() != Verdict.SUPPORTED)
              .map(v -> WhyNot.misses(result, v, whyNotDepth()))
              .orElse(null);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("explanation", tree.get());
      if (misses != null) {
        json.put("nearest_misses", misses);
      }
      String text = TextTree.render(tree.get(), fullQuotes ? Integer.MAX_VALUE : QUOTE_CHARS);
      print(json, text + (misses == null ? "" : WhyNotText.misses(misses)));
      return ExitCodes.OK;
    }
    return whyNot(result);
  }

  /** An id that names nothing evaluated: left out by --as-of, or a conclusion not derived. */
  private int whyNot(EvaluationResult result) {
    Optional<WhyNot.Target> target = WhyNot.target(result, id);
    Optional<WhyNot.LeftOut> left = Optional.empty();
    java.time.LocalDate asOf = settings().asOf();
    if (asOf != null) {
      EvaluationResult all = null;
      if (target.isPresent()) {
        // Whether it is derived from every fact takes an evaluation of every fact.
        Evaluation every =
            Evaluation.run(
                console,
                settings().withCriticalMax(0).withAsOf(null),
                inputs.spec(),
                new dev.thesis.diag.Timings(console.progress()),
                false);
        all = every.failed() ? null : every.result();
      }
      left = WhyNot.leftOut(result, all, id, asOf);
    }
    if (left.isEmpty() && target.isEmpty()) {
      return unknown(result);
    }
    if (left.isEmpty() && target.get().problem() != null) {
      console.err().println("thesis: " + TerminalText.escape(target.get().problem()));
      console.err().flush();
      return ExitCodes.USAGE;
    }
    WhyNot.Absence absence =
        target
            .filter(t -> t.problem() == null)
            .map(t -> WhyNot.of(result, t, whyNotDepth()))
            .orElse(null);
    Map<String, Object> json = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    left.ifPresent(
        l -> {
          json.put("left_out", l);
          text.append(WhyNotText.leftOut(l));
        });
    if (absence != null) {
      json.put("why_not", absence);
      text.append(WhyNotText.absence(absence));
    }
    print(json, text.toString());
    return ExitCodes.OK;
  }

  private void print(Map<String, Object> json, String text) {
    console.out().print(output.json() ? JsonText.write(json) : text);
    console.out().flush();
  }

  private int unknown(EvaluationResult result) {
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

  private static List<String> nearest(EvaluationResult r, String id) {
    List<String> all = new ArrayList<>();
    r.verdicts().forEach(v -> all.add(v.thesis().id()));
    r.questions().forEach(q -> all.add(q.id()));
    r.conclusions().forEach(c -> all.add(c.id()));
    r.facts().forEach(f -> all.add(f.record().id()));
    return dev.thesis.diag.Nearest.of(id, all, 8);
  }
}
