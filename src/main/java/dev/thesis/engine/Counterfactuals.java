package dev.thesis.engine;

import dev.thesis.facts.BoundFact;
import dev.thesis.trace.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdicts without some facts, for the critical-evidence search: from the justification graph
 * where that is exact, else from the live session. A fact that only the engine can take out is
 * taken out once; the graph of what remains then answers every pair it is in with a fact the graph
 * can take out. Only a pair of two such facts goes back to the engine.
 */
final class Counterfactuals {
  private final LiveEvaluation live;
  private final Map<String, BoundFact> byId = new HashMap<>();
  private final CriticalEvidence.Tests tests;
  private final JustificationGraph graph;
  private final Map<String, JustificationGraph> without = new HashMap<>();
  int engineRuns;

  Counterfactuals(LiveEvaluation live, EvaluationResult base) {
    this.live = live;
    live.facts().forEach(f -> byId.put(f.record().id(), f));
    this.tests = CriticalEvidence.Tests.of(base);
    this.graph = new JustificationGraph(base, tests.facts(), tests.anything());
  }

  /** Every thesis's verdict without these facts (the session holds all of them again afterwards). */
  Map<String, Verdict> verdictsWithout(List<String> facts) throws EvaluationException {
    if (needsSession(facts)) {
      return CriticalEvidence.verdicts(inSession(facts));
    }
    prepare(List.of(facts));
    return fromGraph(facts);
  }

  /** Whether only a session run answers for this set (not even after taking one fact out there). */
  boolean needsSession(List<String> facts) {
    long engine = facts.stream().filter(graph::needsEngine).count();
    return engine > 1 || engine == 1 && (tests.anything() || !graph.answers(List.of()));
  }

  /** Runs, in the session, what {@link #fromGraph} needs for these sets (one at a time). */
  void prepare(List<List<String>> sets) throws EvaluationException {
    for (List<String> facts : sets) {
      String first = engineFact(facts);
      if (first != null && !without.containsKey(first)) {
        without.put(first, new JustificationGraph(inSession(List.of(first)), tests.facts(), false));
      }
    }
  }

  /**
   * The verdicts for a set that does not {@link #needsSession need the session}, once
   * {@link #prepare prepared}; safe to call from several threads.
   */
  Map<String, Verdict> fromGraph(List<String> facts) {
    String first = engineFact(facts);
    if (first == null) {
      return graph.verdictsWithout(facts);
    }
    List<String> others = new ArrayList<>(facts);
    others.remove(first);
    return without.get(first).verdictsWithout(others);
  }

  private String engineFact(List<String> facts) {
    return facts.stream().filter(graph::needsEngine).findFirst().orElse(null);
  }

  /** The engine's answer alone, for checking the others. */
  Map<String, Verdict> engineVerdictsWithout(List<String> facts) throws EvaluationException {
    return CriticalEvidence.verdicts(inSession(facts));
  }

  /** The evaluation with these facts retracted; the facts are back in the session when this returns. */
  private EvaluationResult inSession(List<String> facts) throws EvaluationException {
    engineRuns++;
    live.retract(facts);
    try {
      return live.result();
    } finally {
      List<BoundFact> back = new ArrayList<>();
      facts.forEach(f -> back.add(byId.get(f)));
      live.insert(back);
    }
  }
}
