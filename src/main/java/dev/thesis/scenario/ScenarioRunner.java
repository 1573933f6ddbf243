package dev.thesis.scenario;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Evaluator;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Progress;
import dev.thesis.diag.Timings;
import dev.thesis.engine.EvaluationException;
import dev.thesis.inputs.LoadSpec;
import dev.thesis.inputs.Loaded;
import dev.thesis.inputs.Settings;
import dev.thesis.inputs.Workspace;
import dev.thesis.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs scenarios. Each rules folder is compiled once however many scenarios use it (one workspace
 * loads them all); each scenario gets its own session.
 */
public final class ScenarioRunner {
  private final Path rulesOverride;
  private final Path defaultRules;
  private final Workspace workspace;

  /**
   * @param rulesOverride when set, every scenario runs against it (`thesis test --rules DIR`)
   * @param defaultRules for scenarios that name no rules folder
   * @param settings how scenarios are loaded and weighed (`thesis test` gives the defaults, with
   *     --trust-rules when asked)
   */
  public ScenarioRunner(Path rulesOverride, Path defaultRules, Settings settings) {
    this.rulesOverride = rulesOverride;
    this.defaultRules = defaultRules;
    this.workspace = new Workspace(settings, new Timings());
  }

  /** The rule sets that compiled, by folder, for coverage. */
  public Map<Path, RuleSet> ruleSets() {
    return workspace.ruleSets();
  }

  public Outcome run(Scenario s) {
    long start = System.nanoTime();
    Path rulesDir =
        (rulesOverride != null ? rulesOverride : s.rules() != null ? s.rules() : defaultRules)
            .toAbsolutePath()
            .normalize();
    Loaded loaded =
        workspace.load(
            LoadSpec.scenario(
                rulesDir,
                s.facts(),
                s.inline() == null ? List.of() : List.of(s.inline()),
                List.of(),
                new LoadSpec.Exclusion(s.without(), s.withoutLocation(), "the scenario")));
    List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics());
    if (loaded.corpus().facts().isEmpty() && problems.isEmpty()) {
      problems.add(
          Diagnostic.error(
              s.location(), "the scenario has no facts (give \"facts\" or \"corpus\")"));
    }
    if (loaded.rules() != null) {
      problems.addAll(Expectations.validate(s, loaded.rules().schema(), loaded.corpus()));
    }
    if (!problems.isEmpty() || loaded.inputs() == null) {
      return error(s, rulesDir, start, problems);
    }
    EvaluationResult result;
    try {
      result =
          Evaluator.of(
                  workspace.settings().withCriticalMax(0),
                  loaded.inputs().facts().size(),
                  Progress.NONE)
              .evaluate(loaded.inputs());
    } catch (EvaluationException e) {
      return error(
          s,
          rulesDir,
          start,
          List.of(
              Diagnostic.error(
                  e.location() == null ? s.location() : e.location(), e.getMessage())));
    }
    List<Failure> failures = new ArrayList<>();
    for (Expectation e : s.expectations()) {
      Optional<Failure> f = Checks.check(e, result);
      f.ifPresent(failures::add);
    }
    return new Outcome(
        s,
        rulesDir,
        failures.isEmpty() ? Outcome.Status.PASS : Outcome.Status.FAIL,
        seconds(start),
        failures,
        List.of(),
        result.firings());
  }

  private static Outcome error(Scenario s, Path rulesDir, long start, List<Diagnostic> problems) {
    return new Outcome(
        s, rulesDir, Outcome.Status.ERROR, seconds(start), List.of(), problems, Map.of());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
