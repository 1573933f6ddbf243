package dev.thesis.analysis;

import dev.thesis.rules.RuleShape;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "What if these facts were gone", answered from the recorded justifications instead of the engine.
 *
 * <p>When every rule only concludes with {@code insertLogical} and matches positively, removing
 * facts can only withdraw conclusions, never create one: a conclusion stays exactly when one of its
 * justifications keeps all its premises, which is what truth maintenance computes. Removing a fact
 * that some rule tests with {@code not}, {@code exists}, an accumulate or an {@code or} branch can
 * change what fires, so such sets are left to the engine ({@link #answers} says which).
 */
final class JustificationGraph {
  private final EvaluationResult base;
  private final Set<String> needEngine;
  private final boolean usable;
  private final Map<String, List<Conclusion>> dependents = new HashMap<>();

  /**
   * @param tested ids of the facts some rule tests other than as a premise
   * @param anything whether such a test is on a derived type (then any removal may change it)
   */
  JustificationGraph(EvaluationResult base, Collection<String> tested, boolean anything) {
    this.base = base;
    this.needEngine = new HashSet<>(tested);
    this.usable = !anything && exact(base);
    for (Conclusion c : base.conclusions()) {
      Set<String> premises = new HashSet<>();
      c.justifications().forEach(j -> premises.addAll(j.premises()));
      premises.forEach(p -> dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
    }
  }

  /**
   * Whether removals can only withdraw what the recorded justifications say: every rule only
   * concludes; no query (a rule calling one matches what the query matched, not recorded as
   * premises); no stated fact of a type rules conclude (truth maintenance would merge them); and no
   * conclusion of a type with fields outside its key held by several justifications (withdrawing
   * one can change those fields and fire rules again).
   */
  private static boolean exact(EvaluationResult base) {
    var rules = base.rules();
    if (rules.hasQueries() || !rules.shapes().stream().allMatch(RuleShape::onlyConcludes)) {
      return false;
    }
    Set<String> concluded = new HashSet<>(rules.functionCreates());
    rules.shapes().forEach(r -> concluded.addAll(r.creates()));
    for (var f : base.facts()) {
      if (rules.schema().lineage(f.type().name()).stream().anyMatch(concluded::contains)) {
        return false;
      }
    }
    for (Conclusion c : base.conclusions()) {
      if (c.justifications().size() > 1
          && rules
              .schema()
              .type(c.type())
              .map(t -> t.fields().stream().anyMatch(fd -> !fd.key()))
              .orElse(true)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the graph alone gives the same verdicts as the engine without these facts. */
  boolean answers(Collection<String> removed) {
    return usable && removed.stream().noneMatch(needEngine::contains);
  }

  /** Whether removing this fact must be left to the engine. */
  boolean needsEngine(String fact) {
    return !usable || needEngine.contains(fact);
  }

  /** Every thesis's verdict without these facts. */
  Map<String, Standing> verdictsWithout(Collection<String> removed) {
    Set<String> gone = new HashSet<>(removed);
    ArrayDeque<String> work = new ArrayDeque<>(removed);
    while (!work.isEmpty()) {
      for (Conclusion c : dependents.getOrDefault(work.pop(), List.of())) {
        if (!gone.contains(c.id()) && c.justifications().stream().allMatch(j -> broken(j, gone))) {
          gone.add(c.id());
          work.push(c.id());
        }
      }
    }
    // Only what the removed facts reach can change; everything else keeps its confidence.
    Set<String> reached = new HashSet<>(removed);
    ArrayDeque<String> frontier = new ArrayDeque<>(removed);
    while (!frontier.isEmpty()) {
      for (Conclusion c : dependents.getOrDefault(frontier.pop(), List.of())) {
        if (reached.add(c.id())) {
          frontier.push(c.id());
        }
      }
    }
    List<Conclusion> kept = new ArrayList<>();
    List<Conclusion> changed = new ArrayList<>();
    for (Conclusion c : base.conclusions()) {
      if (gone.contains(c.id())) {
        continue;
      }
      List<Justification> holding =
          c.justifications().stream().filter(j -> !broken(j, gone)).toList();
      Conclusion now =
          holding.size() == c.justifications().size()
              ? c
              : new Conclusion(c.id(), c.type(), c.fields(), holding);
      kept.add(now);
      if (reached.contains(c.id())) {
        changed.add(now);
      }
    }
    Map<String, Double> known = new HashMap<>(base.confidence());
    known.keySet().removeAll(reached);
    Map<String, Double> confidence = Confidences.compute(known, changed);
    List<Argument> arguments = Weighing.arguments(kept, confidence, base.evidenceRules());
    Map<String, Standing> out =
        QuestionWeighing.standings(
            base.evidenceRules(), kept, confidence, base.thresholds().odds());
    for (ThesisVerdict v :
        Weighing.verdicts(base.corpus().theses(), arguments, base.thresholds())) {
      out.putIfAbsent(v.thesis().id(), Standing.of(v.verdict()));
    }
    return out;
  }

  private static boolean broken(Justification j, Set<String> gone) {
    return j.premises().stream().anyMatch(gone::contains);
  }
}
