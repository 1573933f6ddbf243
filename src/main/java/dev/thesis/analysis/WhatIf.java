package dev.thesis.analysis;

import dev.thesis.engine.EvaluationException;
import dev.thesis.inputs.Inputs;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.diag.Location;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.CorpusLoader;
import dev.thesis.facts.FactBinder;
import dev.thesis.facts.FactRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "What if these facts were not there, or those were": evaluates, then changes the facts in the same
 * live session and weighs again; truth maintenance does the work.
 *
 * @param withFiles fact files whose facts are added (their sources and references are checked with the
 *     corpus's)
 */
public record WhatIf(List<String> withoutFacts, List<String> withoutSources, List<Path> withFiles,
    java.time.LocalDate asOf) {

  public WhatIf(List<String> withoutFacts, List<String> withoutSources, List<Path> withFiles) {
    this(withoutFacts, withoutSources, withFiles, null);
  }

  /** Before and after, and the facts that were taken out and put in. */
  public record Outcome(EvaluationResult before, EvaluationResult after, List<String> removed, List<String> added) {
    public EvaluationDelta delta() {
      return EvaluationDelta.between(before, after);
    }
  }

  public Outcome run(Inputs inputs, List<Path> corpusPaths, Evaluator evaluator)
      throws InvalidInputException, EvaluationException {
    List<BoundFact> added = added(inputs, corpusPaths);
    try (LiveEvaluation live = LiveEvaluation.start(inputs, evaluator)) {
      EvaluationResult before = live.result();
      List<String> removed = removed(inputs);
      live.retract(removed);
      live.insert(added);
      return new Outcome(before, live.result(), removed, added.stream().map(f -> f.record().id()).toList());
    }
  }

  /** Dated by itself, else by its source, as in {@link Inputs#dateOf}. */
  private boolean knownBy(FactRecord f, dev.thesis.facts.Corpus corpus) {
    String d = f.date() != null ? f.date()
        : corpus.source(f.source()).map(dev.thesis.facts.Source::date).orElse(null);
    return d == null || !java.time.LocalDate.parse(d).isAfter(asOf);
  }

  private List<String> removed(Inputs inputs) throws InvalidInputException {
    Set<String> ids = new HashSet<>();
    Set<String> sources = new HashSet<>();
    inputs.facts().forEach(f -> ids.add(f.record().id()));
    inputs.corpus().sources().forEach(s -> sources.add(s.id()));
    List<Diagnostic> problems = new ArrayList<>();
    for (String id : withoutFacts) {
      if (!ids.contains(id)) {
        problems.add(Diagnostic.error(Location.ofFile("--without"), "no fact has the id \"" + id + "\""));
      }
    }
    for (String s : withoutSources) {
      if (!sources.contains(s)) {
        problems.add(Diagnostic.error(Location.ofFile("--without-source"), "no source has the id \"" + s + "\""));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (BoundFact f : inputs.facts()) {
      if (withoutFacts.contains(f.record().id()) || withoutSources.contains(f.record().source())) {
        out.add(f.record().id());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The facts of the --with files (as of the date, when one is set), checked together with the whole
   * corpus: ids, sources, types, and the linter's errors (a misspelt company is an error here too).
   */
  private List<BoundFact> added(Inputs inputs, List<Path> corpusPaths) throws InvalidInputException {
    if (withFiles.isEmpty()) {
      return List.of();
    }
    List<Diagnostic> problems = new ArrayList<>();
    Set<Path> corpusFiles = new HashSet<>(CorpusLoader.factFiles(corpusPaths, new ArrayList<>()));
    Set<String> withNames = new HashSet<>();
    for (Path w : withFiles) {
      Path abs = w.toAbsolutePath().normalize();
      if (corpusFiles.contains(abs)) {
        problems.add(Diagnostic.error(Location.ofFile(dev.thesis.diag.DisplayPath.of(w)),
            "this file is already part of the corpus; --with adds facts from other files"));
      }
      withNames.add(dev.thesis.diag.DisplayPath.of(abs));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Path> all = new ArrayList<>(corpusPaths);
    all.addAll(withFiles);
    CorpusLoader.Result loaded = CorpusLoader.load(all);
    if (loaded.hasErrors()) {
      throw new InvalidInputException(loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    List<FactRecord> extra = loaded.corpus().facts().stream()
        .filter(f -> withNames.contains(f.location().file()))
        .filter(f -> asOf == null || knownBy(f, loaded.corpus())).toList();
    FactBinder.Result bound = FactBinder.bind(
        new dev.thesis.facts.Corpus(loaded.corpus().sources(), loaded.corpus().theses(), extra),
        inputs.rules().schema());
    if (!bound.diagnostics().isEmpty()) {
      throw new InvalidInputException(bound.diagnostics());
    }
    List<BoundFact> everything = new ArrayList<>(inputs.facts());
    everything.addAll(bound.facts());
    List<Diagnostic> lint = dev.thesis.lint.Linter.lint(inputs.rules(), loaded.corpus(), everything).stream()
        .filter(Diagnostic::isError).toList();
    if (!lint.isEmpty()) {
      throw new InvalidInputException(lint);
    }
    return bound.facts();
  }
}
