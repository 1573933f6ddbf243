package dev.thesis.analysis;

import dev.thesis.engine.EvaluationException;
import dev.thesis.rules.PatternRef;
import dev.thesis.rules.RuleShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * For every thesis, the smallest sets of facts (up to a size) whose removal alone changes its
 * verdict. Each candidate set is retracted from one live session, the rules fire, the theses are
 * weighed, and the facts go back: truth maintenance redoes only what they touch.
 *
 * <p>Only relevant facts are tried for a thesis: those its arguments rest on, and those of a type
 * some rule tests with {@code not} or {@code exists} (removing them can create or remove an
 * argument without being a premise of one). A set is tried only if no part of it flips the thesis
 * alone.
 */
public final class CriticalEvidence {
  private CriticalEvidence() {}

  /** Thesis id to its critical sets, smallest first; theses without any are absent. */
  public static Map<String, List<CriticalSet>> analyse(
      LiveEvaluation live, EvaluationResult base, int maxSize) throws EvaluationException {
    Map<String, List<CriticalSet>> out = new TreeMap<>();
    if (maxSize < 1) {
      return out;
    }
    Map<String, Standing> before = base.standings();
    Map<String, TreeSet<String>> relevant = relevant(base);
    Counterfactuals counterfactuals = new Counterfactuals(live, base);

    TreeSet<String> singles = new TreeSet<>();
    relevant.values().forEach(singles::addAll);
    Map<String, Set<String>> flipsAlone = new HashMap<>();
    for (String f : singles) {
      Map<String, Standing> after = counterfactuals.verdictsWithout(List.of(f));
      for (var e : after.entrySet()) {
        if (!e.getValue().equals(before.get(e.getKey()))) {
          flipsAlone.computeIfAbsent(e.getKey(), t -> new HashSet<>()).add(f);
          out.computeIfAbsent(e.getKey(), t -> new ArrayList<>())
              .add(CriticalSet.of(List.of(f), e.getValue()));
        }
      }
    }
    if (maxSize >= 2) {
      pairs(counterfactuals, before, relevant, flipsAlone, out);
    }
    out.values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparingInt((CriticalSet c) -> c.facts().size())
                        .thenComparing(c -> String.join(",", c.facts()))));
    return out;
  }

  private static void pairs(
      Counterfactuals counterfactuals,
      Map<String, Standing> before,
      Map<String, TreeSet<String>> relevant,
      Map<String, Set<String>> flipsAlone,
      Map<String, List<CriticalSet>> out)
      throws EvaluationException {
    // Which theses each pair is worth trying for.
    Map<List<String>, Set<String>> pairs =
        new TreeMap<>(
            Comparator.comparing((List<String> p) -> p.get(0)).thenComparing(p -> p.get(1)));
    for (var e : relevant.entrySet()) {
      Set<String> alone = flipsAlone.getOrDefault(e.getKey(), Set.of());
      List<String> facts = e.getValue().stream().filter(f -> !alone.contains(f)).toList();
      for (int i = 0; i < facts.size(); i++) {
        for (int j = i + 1; j < facts.size(); j++) {
          pairs
              .computeIfAbsent(List.of(facts.get(i), facts.get(j)), p -> new HashSet<>())
              .add(e.getKey());
        }
      }
    }
    Map<List<String>, Map<String, Standing>> results =
        counterfactuals.verdictsWithoutAll(new ArrayList<>(pairs.keySet()));
    for (var p : pairs.entrySet()) {
      Map<String, Standing> after = results.get(p.getKey());
      for (String thesis : p.getValue()) {
        if (!after.get(thesis).equals(before.get(thesis))) {
          out.computeIfAbsent(thesis, t -> new ArrayList<>())
              .add(CriticalSet.of(p.getKey(), after.get(thesis)));
        }
      }
    }
  }

  static Map<String, Standing> verdicts(EvaluationResult r) {
    return r.standings();
  }

  /**
   * The facts some rule tests other than as a premise, and whether such a test is on a type that
   * rules derive (then any fact might feed it, and every fact counts as tested).
   */
  record Tests(List<String> facts, boolean anything) {
    static Tests of(EvaluationResult base) {
      Set<String> testedTypes = new HashSet<>();
      Set<String> derived = new HashSet<>(base.rules().functionCreates());
      for (RuleShape r : base.rules().shapes()) {
        derived.addAll(r.creates());
        for (PatternRef p : r.patterns()) {
          if (p.use() != PatternRef.Use.POSITIVE) {
            // Patterns may name a type with its package; the schema knows simple names.
            String simple = p.type().substring(p.type().lastIndexOf('.') + 1);
            testedTypes.add(simple);
            testedTypes.addAll(base.rules().schema().lineage(simple));
          }
        }
      }
      // A derived type is tested if it or any type it extends is: `not Claim()` sees a StrongClaim.
      boolean anything =
          derived.stream()
              .anyMatch(
                  d ->
                      testedTypes.contains(d)
                          || base.rules().schema().lineage(d).stream()
                              .anyMatch(testedTypes::contains));
      List<String> tested =
          base.facts().stream()
              .filter(
                  f ->
                      anything
                          || base.rules().schema().lineage(f.type().name()).stream()
                              .anyMatch(testedTypes::contains))
              .map(f -> f.record().id())
              .toList();
      return new Tests(tested, anything);
    }
  }

  /** Every fact tried alone: those whose removal could change some thesis's verdict. */
  public static java.util.SortedSet<String> candidates(EvaluationResult base) {
    TreeSet<String> out = new TreeSet<>();
    relevant(base).values().forEach(out::addAll);
    return out;
  }

  /**
   * Per thesis, the facts whose removal could change its verdict: those its arguments rest on, and
   * the facts that some rule tests without taking them as premises (in {@code not}, {@code exists},
   * an accumulate's input, a branch of {@code or}). When such a test is on a type that rules
   * derive, any fact might feed it, so every fact is a candidate: slower, never incomplete.
   */
  static Map<String, TreeSet<String>> relevant(EvaluationResult base) {
    List<String> tested = Tests.of(base).facts();
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (ThesisVerdict v : base.verdicts()) {
      TreeSet<String> facts = new TreeSet<>(tested);
      for (Argument a : v.arguments()) {
        facts.addAll(base.factsUnder(a.conclusion()));
      }
      out.put(v.thesis().id(), facts);
    }
    for (QuestionVerdict q : base.questions()) {
      TreeSet<String> facts = new TreeSet<>(tested);
      for (QuestionVerdict.Evidence e : q.evidence()) {
        e.conclusions().forEach(c -> facts.addAll(base.factsUnder(c)));
      }
      out.put(q.id(), facts);
      // A hypothesis stands by the whole question's evidence, not only by the items that rate it
      // other than N: a rival's evidence moves it as much.
      for (QuestionVerdict.Hypothesis h : q.hypotheses()) {
        out.computeIfAbsent(h.id(), k -> new TreeSet<>()).addAll(facts);
      }
    }
    return out;
  }
}
