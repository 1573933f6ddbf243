package dev.thesis.analysis;

import dev.thesis.diag.InvalidInputException;
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

  /**
   * A fact or source id to take out that the corpus does not have: a usage error, not bad input.
   */
  public static final class UnknownIdException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    UnknownIdException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    /** One line per unknown id: what is unknown, and the nearest ids there are. */
    public List<String> problems() {
      return problems;
    }
  }

  public Outcome run(Inputs inputs, List<BoundFact> added, Evaluator evaluator)
      throws InvalidInputException, EvaluationException, UnknownIdException {
    List<String> removed = removed(inputs);
    try (LiveEvaluation live = LiveEvaluation.start(inputs, evaluator)) {
      EvaluationResult before = live.result();
      live.retract(removed);
      live.insert(added);
      return new Outcome(
          before, live.result(), removed, added.stream().map(f -> f.record().id()).toList());
    }
  }

  private static String unknown(String option, String kind, String id, Set<String> known) {
    return option
        + ": no "
        + kind
        + " has the id \""
        + id
        + "\""
        + dev.thesis.diag.Nearest.didYouMean(id, known, 5);
  }

  /**
   * Why {@code --without id} names no fact of the run: it is a source, or a fact that --as-of left
   * out, or a typo.
   */
  private static String notAFact(Inputs inputs, String id, Set<String> ids, Set<String> sources) {
    if (sources.contains(id)) {
      return "--without: \""
          + id
          + "\" is a source, not a fact; take out every fact citing it with --without-source "
          + id;
    }
    for (dev.thesis.facts.FactRecord f : inputs.corpus().facts()) {
      if (f.id().equals(id)) {
        String date =
            f.date() != null
                ? f.date()
                : inputs
                    .corpus()
                    .source(f.source())
                    .map(dev.thesis.facts.Source::date)
                    .orElse(null);
        return "--without: fact \""
            + id
            + "\" is dated "
            + date
            + ", after --as-of: it is not in the corpus evaluated";
      }
    }
    return unknown("--without", "fact", id, ids);
  }

  private List<String> removed(Inputs inputs) throws UnknownIdException {
    Set<String> ids = new HashSet<>();
    Set<String> sources = new HashSet<>();
    inputs.facts().forEach(f -> ids.add(f.record().id()));
    inputs.corpus().sources().forEach(s -> sources.add(s.id()));
    List<String> problems = new ArrayList<>();
    for (String id : withoutFacts) {
      if (!ids.contains(id)) {
        problems.add(notAFact(inputs, id, ids, sources));
      }
    }
    for (String s : withoutSources) {
      if (!sources.contains(s)) {
        problems.add(
            ids.contains(s)
                ? "--without-source: \""
                    + s
                    + "\" is a fact, not a source; take it out with --without "
                    + s
                : unknown("--without-source", "source", s, sources));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnknownIdException(problems);
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
