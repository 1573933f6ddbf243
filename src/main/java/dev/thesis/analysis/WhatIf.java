package dev.thesis.analysis;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.diag.Location;
import dev.thesis.engine.EvaluationException;
import dev.thesis.facts.BoundFact;
import dev.thesis.inputs.Inputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "What if these facts were not there, or those were": evaluates, then changes the facts in the
 * same live session and weighs again; truth maintenance does the work. The facts put in are loaded
 * with the corpus by {@link dev.thesis.inputs.Workspace} ({@code LoadSpec.with}), so they are
 * checked as part of it.
 */
public record WhatIf(List<String> withoutFacts, List<String> withoutSources) {

  /** Before and after, and the facts that were taken out and put in. */
  public record Outcome(
      EvaluationResult before, EvaluationResult after, List<String> removed, List<String> added) {
    public EvaluationDelta delta() {
      return EvaluationDelta.between(before, after);
    }
  }

  public Outcome run(Inputs inputs, List<BoundFact> added, Evaluator evaluator)
      throws InvalidInputException, EvaluationException {
    List<String> removed = removed(inputs);
    try (LiveEvaluation live = LiveEvaluation.start(inputs, evaluator)) {
      EvaluationResult before = live.result();
      live.retract(removed);
      live.insert(added);
      return new Outcome(
          before, live.result(), removed, added.stream().map(f -> f.record().id()).toList());
    }
  }

  private List<String> removed(Inputs inputs) throws InvalidInputException {
    Set<String> ids = new HashSet<>();
    Set<String> sources = new HashSet<>();
    inputs.facts().forEach(f -> ids.add(f.record().id()));
    inputs.corpus().sources().forEach(s -> sources.add(s.id()));
    List<Diagnostic> problems = new ArrayList<>();
    for (String id : withoutFacts) {
      if (!ids.contains(id)) {
        problems.add(
            Diagnostic.error(Location.ofFile("--without"), "no fact has the id \"" + id + "\""));
      }
    }
    for (String s : withoutSources) {
      if (!sources.contains(s)) {
        problems.add(
            Diagnostic.error(
                Location.ofFile("--without-source"), "no source has the id \"" + s + "\""));
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
}
