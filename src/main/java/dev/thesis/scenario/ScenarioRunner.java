package dev.thesis.scenario;

import dev.thesis.diag.Diagnostic;
import dev.thesis.engine.EvaluationException;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.engine.EvaluationSession;
import dev.thesis.analysis.Evaluator;
import dev.thesis.inputs.Inputs;
import dev.thesis.facts.Corpus;
import dev.thesis.facts.CorpusLoader;
import dev.thesis.facts.FactBinder;
import dev.thesis.facts.FactRecord;
import dev.thesis.lint.Linter;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.analysis.Thresholds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs scenarios. Each rules folder is compiled once however many scenarios use it; each scenario
 * gets its own session.
 */
public final class ScenarioRunner {
  private final Path rulesOverride;
  private final Path defaultRules;
  private final Map<Path, RuleCompiler.Result> compiled = new HashMap<>();
  private final boolean trustRules;

  /**
   * @param rulesOverride when set, every scenario runs against it (`thesis test --rules DIR`)
   * @param defaultRules for scenarios that name no rules folder
   */
  public ScenarioRunner(Path rulesOverride, Path defaultRules) {
    this(rulesOverride, defaultRules, false);
  }

  /** @param trustRules compile without the safe-mode check */
  public ScenarioRunner(Path rulesOverride, Path defaultRules, boolean trustRules) {
    this.rulesOverride = rulesOverride;
    this.defaultRules = defaultRules;
    this.trustRules = trustRules;
  }

  /** The rule sets that compiled, by folder, for coverage. */
  public Map<Path, dev.thesis.rules.RuleSet> ruleSets() {
    Map<Path, dev.thesis.rules.RuleSet> out = new java.util.TreeMap<>();
    compiled.forEach((dir, result) -> {
      if (result.ruleSet() != null) {
        out.put(dir, result.ruleSet());
      }
    });
    return out;
  }

  public Outcome run(Scenario s) {
    long start = System.nanoTime();
    Path rulesDir = (rulesOverride != null ? rulesOverride : s.rules() != null ? s.rules() : defaultRules)
        .toAbsolutePath().normalize();
    RuleCompiler.Result rules = compiled.computeIfAbsent(rulesDir,
        dir -> RuleCompiler.compile(dir, dev.thesis.rules.CompiledRulesCache.userDefault(), trustRules));
    List<Diagnostic> problems = new ArrayList<>(rules.diagnostics().stream().filter(Diagnostic::isError).toList());
    CorpusLoader.Result loaded = CorpusLoader.load(s.facts(),
        s.inline() == null ? List.of() : List.of(s.inline()), List.of());
    problems.addAll(loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    if (loaded.corpus().facts().isEmpty() && problems.isEmpty()) {
      problems.add(Diagnostic.error(s.location(), "the scenario has no facts (give \"facts\" or \"corpus\")"));
    }
    Corpus corpus = without(loaded.corpus(), s, problems);
    if (rules.ruleSet() != null) {
      problems.addAll(Expectations.validate(s, rules.ruleSet().schema(), loaded.corpus()));
    }
    if (!problems.isEmpty() || rules.ruleSet() == null) {
      return error(s, rulesDir, start, problems);
    }
    FactBinder.Result bound = FactBinder.bind(corpus, rules.ruleSet().schema());
    problems.addAll(bound.diagnostics());
    // A scenario may leave out an entity on purpose, so dangling references are no error here.
    problems.addAll(Linter.lint(rules.ruleSet(), corpus, bound.facts()).stream()
        .filter(d -> d.isError() && !dev.thesis.lint.Codes.UNKNOWN_REF.equals(d.code())).toList());
    if (!problems.isEmpty()) {
      return error(s, rulesDir, start, problems);
    }
    Inputs inputs = new Inputs(rules.ruleSet(), corpus, bound.facts(), List.of());
    EvaluationResult result;
    try {
      result = new Evaluator(Thresholds.DEFAULT, EvaluationSession.DEFAULT_MAX_FIRINGS).evaluate(inputs);
    } catch (EvaluationException e) {
      return error(s, rulesDir, start, List.of(Diagnostic.error(
          e.location() == null ? s.location() : e.location(), e.getMessage())));
    }
    List<Failure> failures = new ArrayList<>();
    for (Expectation e : s.expectations()) {
      Optional<Failure> f = Checks.check(e, result);
      f.ifPresent(failures::add);
    }
    return new Outcome(s, rulesDir, failures.isEmpty() ? Outcome.Status.PASS : Outcome.Status.FAIL,
        seconds(start), failures, List.of(), result.firings());
  }

  private static Corpus without(Corpus corpus, Scenario s, List<Diagnostic> problems) {
    Set<String> ids = new HashSet<>();
    corpus.facts().forEach(f -> ids.add(f.id()));
    for (String w : s.without()) {
      if (!ids.contains(w)) {
        problems.add(Diagnostic.error(s.withoutLocation(), "\"without\" names fact \"" + w
            + "\", which the scenario does not have"));
      }
    }
    Set<String> drop = new HashSet<>(s.without());
    List<FactRecord> kept = corpus.facts().stream().filter(f -> !drop.contains(f.id())).toList();
    return new Corpus(corpus.sources(), corpus.theses(), kept);
  }

  private static Outcome error(Scenario s, Path rulesDir, long start, List<Diagnostic> problems) {
    return new Outcome(s, rulesDir, Outcome.Status.ERROR, seconds(start), List.of(), problems, Map.of());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
