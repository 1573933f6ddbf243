package dev.thesis.analysis;

import dev.thesis.inputs.InputFile;

import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.rules.RuleSet;
import dev.thesis.trace.Conclusion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an evaluation found, as plain data: what renderers and explanations read. Nothing in
 * here refers to the Drools session.
 *
 * @param confidence of every fact and conclusion, by id
 * @param firings how often each rule fired, by qualified name ({@code package.name})
 * @param critical per thesis id, the smallest fact sets whose removal changes its verdict (empty
 *     when that analysis was not asked for)
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
    Map<String, Integer> firings,
    Map<String, List<dev.thesis.analysis.CriticalSet>> critical,
    List<InputFile> inputFiles,
    Map<String, Conclusion> conclusionIndex,
    Map<String, BoundFact> factIndex) {

  /** Built once, so that lookups by id stay constant time however large the corpus. */
  public EvaluationResult {
    if (conclusionIndex == null) {
      Map<String, Conclusion> ci = new java.util.HashMap<>();
      conclusions.forEach(c -> ci.put(c.id(), c));
      conclusionIndex = java.util.Collections.unmodifiableMap(ci);
    }
    if (factIndex == null) {
      Map<String, BoundFact> fi = new java.util.HashMap<>();
      facts.forEach(f -> fi.put(f.record().id(), f));
      factIndex = java.util.Collections.unmodifiableMap(fi);
    }
  }

  /** This result with the critical evidence found for it. */
  public EvaluationResult withCritical(Map<String, List<dev.thesis.analysis.CriticalSet>> found) {
    return new EvaluationResult(corpus, rules, facts, conclusions, confidence, arguments, verdicts, tensions,
        thresholds, firings, Map.copyOf(found), inputFiles, conclusionIndex, factIndex);
  }

  public List<dev.thesis.analysis.CriticalSet> critical(String thesisId) {
    return critical.getOrDefault(thesisId, List.of());
  }

  /** The sources of the facts an id rests on. */
  public java.util.SortedSet<String> sourcesUnder(String id) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    factsUnder(id).forEach(f -> out.add(factIndex.get(f).record().source()));
    return out;
  }

  /** The sources a thesis's arguments, for and against, rest on. */
  public java.util.SortedSet<String> thesisSources(String thesisId) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    verdict(thesisId).ifPresent(v -> v.arguments().forEach(a -> out.addAll(sourcesUnder(a.conclusion()))));
    return out;
  }

  /** Whether everything a conclusion rests on comes from one source. */
  public boolean singleSource(String conclusionId) {
    return sourcesUnder(conclusionId).size() == 1;
  }

  /** The sources a thesis's support (its arguments for) rests on. */
  public java.util.SortedSet<String> supportSources(String thesisId) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    verdict(thesisId).ifPresent(v -> v.forArguments().forEach(a -> out.addAll(sourcesUnder(a.conclusion()))));
    return out;
  }

  /** Whether the support for a thesis comes from one source only. */
  public boolean thesisSingleSource(String thesisId) {
    return supportSources(thesisId).size() == 1;
  }

  /**
   * Whether some justification of a conclusion supports it only through itself: one of its premises
   * cannot be derived from the facts without the conclusion. (X justified by a base fact and by Y,
   * with Y justified by X: X's justification through Y is such a one; Y's through X is not, since X
   * stands on the base fact.)
   */
  public boolean cyclic(String conclusionId) {
    Conclusion c = conclusionIndex.get(conclusionId);
    if (c == null || !reachesItself(conclusionId)) {
      return false;
    }
    java.util.Set<String> grounded = groundedWithout(conclusionId);
    for (dev.thesis.trace.Justification j : c.justifications()) {
      if (!grounded.containsAll(j.premises())) {
        return true;
      }
    }
    return false;
  }

  private boolean reachesItself(String id) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>();
    conclusionIndex.get(id).justifications().forEach(j -> todo.addAll(j.premises()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (next.equals(id)) {
        return true;
      }
      if (seen.add(next)) {
        Conclusion p = conclusionIndex.get(next);
        if (p != null) {
          p.justifications().forEach(pj -> todo.addAll(pj.premises()));
        }
      }
    }
    return false;
  }

  /** Facts and the conclusions derivable from them by some justification, never using {@code excluded}. */
  private java.util.Set<String> groundedWithout(String excluded) {
    java.util.Set<String> grounded = new java.util.HashSet<>(factIndex.keySet());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Conclusion c : conclusions) {
        if (c.id().equals(excluded) || grounded.contains(c.id())) {
          continue;
        }
        for (dev.thesis.trace.Justification j : c.justifications()) {
          if (grounded.containsAll(j.premises())) {
            grounded.add(c.id());
            grew = true;
            break;
          }
        }
      }
    }
    return grounded;
  }

  public Optional<Conclusion> conclusion(String id) {
    return Optional.ofNullable(conclusionIndex.get(id));
  }

  public Optional<BoundFact> fact(String id) {
    return Optional.ofNullable(factIndex.get(id));
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
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (factIndex.containsKey(next)) {
        out.add(next);
      }
      Conclusion c = conclusionIndex.get(next);
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
