package dev.thesis.inputs;

import dev.thesis.diag.Timings;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.facts.CorpusLoader;
import dev.thesis.facts.FactBinder;
import dev.thesis.lint.Linter;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A compiled rules folder and the facts bound to its schema: what an evaluation runs on. */
public record Inputs(RuleSet rules, Corpus corpus, List<BoundFact> facts, List<Diagnostic> warnings,
    List<InputFile> files) {

  public Inputs(RuleSet rules, Corpus corpus, List<BoundFact> facts, List<Diagnostic> warnings) {
    this(rules, corpus, facts, warnings, List.of());
  }

  /** A fact's date: its own, else its source's (a source's date dates what it says); or null. */
  public java.time.LocalDate dateOf(BoundFact f) {
    String d = f.record().date();
    if (d == null) {
      d = corpus.source(f.record().source()).map(dev.thesis.facts.Source::date).orElse(null);
    }
    return d == null ? null : java.time.LocalDate.parse(d);
  }

  /** These inputs without the facts dated after {@code date} (undated facts always count). */
  public Inputs asOf(java.time.LocalDate date) {
    if (date == null) {
      return this;
    }
    return new Inputs(rules, corpus, facts.stream().filter(f -> dateOf(f) == null || !dateOf(f).isAfter(date)).toList(),
        warnings, files);
  }

  /** The distinct dates of the facts, in order. */
  public List<java.time.LocalDate> factDates() {
    return facts.stream().map(this::dateOf).filter(java.util.Objects::nonNull).distinct().sorted().toList();
  }

  /** Compiles and loads, or throws with every problem found in the rules and facts at once. */
  public static Inputs load(Path rulesDir, List<Path> factPaths) throws InvalidInputException {
    return load(rulesDir, factPaths, new Timings());
  }

  /** As {@link #load(Path, List)}, timing rule compilation and fact loading. */
  public static Inputs load(Path rulesDir, List<Path> factPaths, Timings timings)
      throws InvalidInputException {
    return load(rulesDir, factPaths, timings, false);
  }

  /** As {@link #load(Path, List, Timings)}; {@code trustRules} skips the safe-mode check. */
  public static Inputs load(Path rulesDir, List<Path> factPaths, Timings timings, boolean trustRules)
      throws InvalidInputException {
    List<Diagnostic> all = new ArrayList<>();
    Inputs inputs = load(rulesDir, factPaths, all, timings, dev.thesis.rules.CompiledRulesCache.userDefault(),
        trustRules);
    if (inputs == null || all.stream().anyMatch(Diagnostic::isError)) {
      throw new InvalidInputException(all);
    }
    return inputs;
  }

  /**
   * Compiles and loads, adding every problem to {@code diagnostics}; returns null when the rules do
   * not compile (facts are then checked for JSON and references only).
   */
  public static Inputs load(Path rulesDir, List<Path> factPaths, List<Diagnostic> diagnostics) {
    return load(rulesDir, factPaths, diagnostics, false);
  }

  /** As {@link #load(Path, List, List)}; {@code trustRules} skips the safe-mode check. */
  public static Inputs load(Path rulesDir, List<Path> factPaths, List<Diagnostic> diagnostics,
      boolean trustRules) {
    return load(rulesDir, factPaths, diagnostics, new Timings(), dev.thesis.rules.CompiledRulesCache.userDefault(),
        trustRules);
  }

  /** As {@link #load(Path, List)}, with compiled rules kept in (and read from) {@code cache}. */
  public static Inputs load(Path rulesDir, List<Path> factPaths, dev.thesis.rules.CompiledRulesCache cache)
      throws InvalidInputException {
    List<Diagnostic> all = new ArrayList<>();
    Inputs inputs = load(rulesDir, factPaths, all, new Timings(), cache, false);
    if (inputs == null || all.stream().anyMatch(Diagnostic::isError)) {
      throw new InvalidInputException(all);
    }
    return inputs;
  }

  private static Inputs load(Path rulesDir, List<Path> factPaths, List<Diagnostic> diagnostics, Timings timings,
      dev.thesis.rules.CompiledRulesCache cache, boolean trustRules) {
    RuleCompiler.Result compiled =
        timings.time("compile rules", () -> RuleCompiler.compile(rulesDir, cache, trustRules));
    diagnostics.addAll(compiled.diagnostics());
    CorpusLoader.Result loaded = timings.time("load facts", () -> CorpusLoader.load(factPaths, timings.progress()));
    diagnostics.addAll(loaded.diagnostics());
    if (compiled.ruleSet() == null) {
      return null;
    }
    FactBinder.Result bound =
        timings.time("load facts", () -> FactBinder.bind(loaded.corpus(), compiled.ruleSet().schema(), timings.progress()));
    diagnostics.addAll(bound.diagnostics());
    // Linting half-loaded facts would only add noise to the errors that matter.
    boolean factsBroken = loaded.hasErrors() || !bound.diagnostics().isEmpty();
    List<Diagnostic> findings = factsBroken ? List.of() : timings.time("lint", () ->
        Linter.lint(compiled.ruleSet(), loaded.corpus(), bound.facts()));
    diagnostics.addAll(findings);
    List<Diagnostic> warnings = findings.stream().filter(d -> !d.isError()).toList();
    List<InputFile> files = new ArrayList<>();
    RuleCompiler.drlFiles(rulesDir, new ArrayList<>()).forEach(f -> files.add(InputFile.of("rules", rulesDir, f)));
    for (Path root : factPaths) {
      CorpusLoader.factFiles(List.of(root), new ArrayList<>()).forEach(f -> files.add(InputFile.of("facts", root, f)));
    }
    return new Inputs(compiled.ruleSet(), loaded.corpus(), bound.facts(), warnings, files);
  }

}
