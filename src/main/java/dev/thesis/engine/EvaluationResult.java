package dev.thesis.engine;

import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.rules.RuleSet;
import dev.thesis.trace.Argument;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Tension;
import dev.thesis.trace.ThesisVerdict;
import dev.thesis.trace.Thresholds;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an evaluation found, as plain data: what renderers and explanations read. Nothing in
 * here refers to the Drools session.
 *
 * @param confidence of every fact and conclusion, by id
 * @param firings how often each rule fired, by qualified name ({@code package.name})
 */
public record EvaluationResult(
    Corpus corpus,
    RuleSet rules,
    List<BoundFact> facts,
    List<Conclusion> conclusions,
    Map<String, Double> confidence,
    List<Argument> arguments,
    List<ThesisVerdict> verdicts,
    List<Tension> tensions,
    Thresholds thresholds,
    Map<String, Integer> firings) {

  public Optional<Conclusion> conclusion(String id) {
    return conclusions.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<BoundFact> fact(String id) {
    return facts.stream().filter(f -> f.record().id().equals(id)).findFirst();
  }

  public Optional<ThesisVerdict> verdict(String thesisId) {
    return verdicts.stream().filter(v -> v.thesis().id().equals(thesisId)).findFirst();
  }

  /** The thesis arguments a conclusion makes (usually none or one). */
  public List<Argument> argumentsOf(String conclusionId) {
    return arguments.stream().filter(a -> a.conclusion().equals(conclusionId)).toList();
  }

  public int firings(dev.thesis.rules.RuleInfo rule) {
    return firings.getOrDefault(rule.qualifiedName(), 0);
  }

  /** The ids of the facts a fact or conclusion rests on, through every justification, transitively. */
  public java.util.SortedSet<String> factsUnder(String id) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(id));
    java.util.Map<String, Conclusion> byId = new java.util.HashMap<>();
    conclusions.forEach(c -> byId.put(c.id(), c));
    java.util.Set<String> factIds = new java.util.HashSet<>();
    facts.forEach(f -> factIds.add(f.record().id()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (factIds.contains(next)) {
        out.add(next);
      }
      Conclusion c = byId.get(next);
      if (c != null) {
        c.justifications().forEach(j -> todo.addAll(j.premises()));
      }
    }
    return out;
  }

  public double confidenceOf(String id) {
    return confidence.getOrDefault(id, 0.0);
  }
}
