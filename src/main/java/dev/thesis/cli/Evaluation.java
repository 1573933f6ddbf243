package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.engine.EvaluationException;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Evaluator;
import dev.thesis.inputs.Inputs;
import dev.thesis.diag.Timings;
import java.util.List;

/**
 * Loading and evaluating as the commands that need a result do it: warnings and failures are
 * printed, and a failure becomes its exit code.
 */
record Evaluation(EvaluationResult result, int exitCode, List<Diagnostic> warnings) {

  boolean failed() {
    return result == null;
  }

  static Evaluation run(Console console, InputOptions options, Timings clock) {
    return run(console, options, clock, true);
  }

  static Evaluation run(Console console, InputOptions options, Timings clock, boolean trace) {
    Evaluation e = runQuietly(console, options, clock, -1, trace);
    if (e.result() != null && options.criticalMax < 0 && trace
        && e.result().facts().size() > InputOptions.CRITICAL_AUTO_LIMIT) {
      console.err().println("thesis: critical evidence not searched: " + e.result().facts().size()
          + " facts, more than " + InputOptions.CRITICAL_AUTO_LIMIT + " (pass --critical-max N to search anyway)");
    }
    Failures.warnings(console, e.warnings());
    return e;
  }

  /** As {@link #run}, but leaves printing the warnings to the caller. */
  static Evaluation runQuietly(Console console, InputOptions options, Timings clock) {
    return runQuietly(console, options, clock, -1);
  }

  /**
   * With a critical-evidence bound of the caller's choosing (explain shows none, so asks for none);
   * -1 for the options' own.
   */
  static Evaluation runQuietly(Console console, InputOptions options, Timings clock, int criticalMax) {
    return runQuietly(console, options, clock, criticalMax, true);
  }

  /** As {@link #runQuietly}, with explanation capture on or off. */
  static Evaluation runQuietly(Console console, InputOptions options, Timings clock, int criticalMax,
      boolean trace) {
    try {
      Inputs in = options.load(clock);
      int facts = in.facts().size();
      Evaluator evaluator = new Evaluator(options.thresholds(), options.maxFirings(facts),
          criticalMax >= 0 ? criticalMax : options.criticalMaxFor(facts));
      if (!trace) {
        evaluator = evaluator.withoutTrace();
      }
      evaluator = evaluator.reporting(clock.progress());
      long start = System.nanoTime();
      EvaluationResult result = evaluator.evaluate(in);
      clock.add("evaluate", System.nanoTime() - start);
      return new Evaluation(result, ExitCodes.OK, in.warnings());
    } catch (InvalidInputException e) {
      return new Evaluation(null, Failures.invalid(console, e), List.of());
    } catch (EvaluationException e) {
      return new Evaluation(null, Failures.evaluation(console, e), List.of());
    }
  }
}
