package dev.thesis.cli;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Evaluator;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.diag.Timings;
import dev.thesis.engine.EvaluationException;
import dev.thesis.inputs.Inputs;
import dev.thesis.inputs.LoadSpec;
import dev.thesis.inputs.Settings;
import dev.thesis.inputs.Workspace;
import java.util.List;

/**
 * Loading and evaluating as the commands that need a result do it: a failure is printed and becomes
 * its exit code.
 */
record Evaluation(EvaluationResult result, int exitCode, List<Diagnostic> warnings) {

  boolean failed() {
    return result == null;
  }

  /**
   * Loads through the workspace and evaluates as {@code settings} ask. With {@code announce}, the
   * warnings and a skipped critical-evidence search are printed; otherwise the caller prints them.
   */
  static Evaluation run(
      Console console, Settings settings, LoadSpec spec, Timings clock, boolean announce) {
    try {
      Inputs in = new Workspace(settings, clock).load(spec).orThrow();
      int facts = in.facts().size();
      long start = System.nanoTime();
      clock.begin("evaluate");
      EvaluationResult result = Evaluator.of(settings, facts, clock.progress()).evaluate(in);
      clock.add("evaluate", System.nanoTime() - start);
      if (announce) {
        if (settings.criticalSkippedFor(facts)) {
          console
              .err()
              .println(
                  "thesis: critical evidence not searched: "
                      + facts
                      + " facts, more than "
                      + Settings.CRITICAL_AUTO_LIMIT
                      + " (pass --critical-max N to search anyway)");
        }
        Failures.warnings(console, in.warnings());
      }
      return new Evaluation(result, ExitCodes.OK, in.warnings());
    } catch (InvalidInputException e) {
      return new Evaluation(null, Failures.invalid(console, e), List.of());
    } catch (EvaluationException e) {
      return new Evaluation(null, Failures.evaluation(console, e), List.of());
    }
  }
}
