package dev.thesis.analysis;

import dev.thesis.engine.EvaluationException;
import dev.thesis.facts.BoundFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdicts without some facts, for the critical-evidence search: from the justification graph where
 * that is exact, else from the live session. A fact that only the engine can take out is taken out
 * once; the graph of what remains then answers every pair it is in with a fact the graph can take
 * out. Only a pair of two such facts goes back to the engine.
 */
final class Counterfactuals {
  private final LiveEvaluation live;
  private final Map<String, BoundFact> byId = new HashMap<>();
  private final CriticalEvidence.Tests tests;
  private final JustificationGraph graph;

  Counterfactuals(LiveEvaluation live, EvaluationResult base) {
    this.live = live;
    live.facts().forEach(f -> byId.put(f.record().id(), f));
    this.tests = CriticalEvidence.Tests.of(base);
    this.graph = new JustificationGraph(base, tests.facts(), tests.anything());
  }

  /**
   * Every thesis's verdict without these facts (the session holds all of them again afterwards).
   */
  Map<String, Standing> verdictsWithout(List<String> facts) throws EvaluationException {
    String first = engineFact(facts);
    if (first == null) {
      return graph.verdictsWithout(facts);
    }
    if (needsSession(facts)) {
      return CriticalEvidence.verdicts(inSession(facts));
    }
    return graphWithout(first).verdictsWithout(others(facts, first));
  }

  /**
   * The verdicts for many sets at once. Sets only the engine can answer run one by one in the
   * session; sets with one fact the engine must take out are grouped by that fact, whose graph is
   * built once, used and dropped (keeping them all would hold one evaluation per such fact); the
   * rest are pure functions of the recorded justifications and run on every core.
   */
  Map<List<String>, Map<String, Standing>> verdictsWithoutAll(List<List<String>> sets)
      throws EvaluationException {
    Map<List<String>, Map<String, Standing>> out = new HashMap<>();
    Map<String, List<List<String>>> byEngineFact = new java.util.TreeMap<>();
    List<List<String>> pure = new ArrayList<>();
    for (List<String> set : sets) {
      String first = engineFact(set);
      if (first == null) {
        pure.add(set);
      } else if (needsSession(set)) {
        out.put(set, CriticalEvidence.verdicts(inSession(set)));
      } else {
        byEngineFact.computeIfAbsent(first, k -> new ArrayList<>()).add(set);
      }
    }
    answer(graph, pure, null, out);
    for (var group : byEngineFact.entrySet()) {
      answer(graphWithout(group.getKey()), group.getValue(), group.getKey(), out);
    }
    return out;
  }

  private static void answer(
      JustificationGraph g,
      List<List<String>> sets,
      String alreadyOut,
      Map<List<String>, Map<String, Standing>> out) {
    List<Map<String, Standing>> computed =
        sets.parallelStream()
            .map(set -> g.verdictsWithout(alreadyOut == null ? set : others(set, alreadyOut)))
            .toList();
    for (int i = 0; i < sets.size(); i++) {
      out.put(sets.get(i), computed.get(i));
    }
  }

  /** Whether only a session run answers for this set (not even after taking one fact out there). */
  boolean needsSession(List<String> facts) {
    long engine = facts.stream().filter(graph::needsEngine).count();
    return engine > 1 || engine == 1 && (tests.anything() || !graph.answers(List.of()));
  }

  /**
   * The graph of the session without this fact. Kept for the pairs that follow while what is kept
   * stays small (graphs times facts under a bound): each holds a whole evaluation.
   */
  private JustificationGraph graphWithout(String fact) throws EvaluationException {
    JustificationGraph g = kept.get(fact);
    if (g == null) {
      g = new JustificationGraph(inSession(List.of(fact)), tests.facts(), false);
      if ((long) (kept.size() + 1) * byId.size() <= KEEP_FACTS) {
        kept.put(fact, g);
      }
    }
    return g;
  }

  /** Graphs kept times facts per graph: a few hundred megabytes at most. */
  private static final long KEEP_FACTS = 1_000_000;

  private final Map<String, JustificationGraph> kept = new HashMap<>();

  private static List<String> others(List<String> facts, String fact) {
    List<String> rest = new ArrayList<>(facts);
    rest.remove(fact);
    return rest;
  }

  private String engineFact(List<String> facts) {
    return facts.stream().filter(graph::needsEngine).findFirst().orElse(null);
  }

  /** The engine's answer alone, for checking the others. */
  Map<String, Standing> engineVerdictsWithout(List<String> facts) throws EvaluationException {
    return CriticalEvidence.verdicts(inSession(facts));
  }

  /**
   * The evaluation with these facts retracted; the facts are back in the session when this returns.
   */
  private EvaluationResult inSession(List<String> facts) throws EvaluationException {
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
