package dev.thesis.analysis;

import dev.thesis.facts.BoundFact;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Derivations;
import dev.thesis.trace.Justification;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a conclusion rests on, over the justification graph of one evaluation: the facts and sources
 * underneath, and whether a justification leans on the conclusion itself.
 */
final class Provenance {
  private final Map<String, Conclusion> conclusions;
  private final Map<String, BoundFact> facts;
  private final Collection<Conclusion> all;

  Provenance(
      Map<String, Conclusion> conclusions,
      Map<String, BoundFact> facts,
      Collection<Conclusion> all) {
    this.conclusions = conclusions;
    this.facts = facts;
    this.all = all;
  }

  /** Provenance over an evaluation's facts and conclusions, before a result holds them. */
  static Provenance over(java.util.List<BoundFact> facts, java.util.List<Conclusion> conclusions) {
    Map<String, Conclusion> ci = new java.util.HashMap<>();
    conclusions.forEach(c -> ci.put(c.id(), c));
    Map<String, BoundFact> fi = new java.util.HashMap<>();
    facts.forEach(f -> fi.put(f.record().id(), f));
    return new Provenance(ci, fi, conclusions);
  }

  /**
   * The ids of the facts a fact or conclusion rests on, through every justification, transitively.
   */
  SortedSet<String> factsUnder(String id) {
    TreeSet<String> out = new TreeSet<>();
    Derivations.walk(
        id,
        next -> Derivations.premises(conclusions.get(next)),
        next -> {
          if (facts.containsKey(next)) {
            out.add(next);
          }
        });
    return out;
  }

  /** The sources of the facts an id rests on. */
  SortedSet<String> sourcesUnder(String id) {
    TreeSet<String> out = new TreeSet<>();
    factsUnder(id).forEach(f -> out.add(facts.get(f).record().source()));
    return out;
  }

  /**
   * Whether some justification of a conclusion supports it only through itself: one of its premises
   * cannot be derived from the facts without the conclusion. (X justified by a base fact and by Y,
   * with Y justified by X: X's justification through Y is such a one; Y's through X is not, since X
   * stands on the base fact.)
   */
  boolean cyclic(String conclusionId) {
    Conclusion c = conclusions.get(conclusionId);
    if (c == null || !reachesItself(conclusionId)) {
      return false;
    }
    Set<String> grounded = groundedWithout(conclusionId);
    for (Justification j : c.justifications()) {
      if (!grounded.containsAll(j.premises())) {
        return true;
      }
    }
    return false;
  }

  private boolean reachesItself(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    conclusions.get(id).justifications().forEach(j -> todo.addAll(j.premises()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (next.equals(id)) {
        return true;
      }
      if (seen.add(next)) {
        Conclusion p = conclusions.get(next);
        if (p != null) {
          p.justifications().forEach(pj -> todo.addAll(pj.premises()));
        }
      }
    }
    return false;
  }

  /**
   * Facts and the conclusions derivable from them by some justification, never using {@code
   * excluded}.
   */
  private Set<String> groundedWithout(String excluded) {
    Set<String> grounded = new HashSet<>(facts.keySet());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Conclusion c : all) {
        if (c.id().equals(excluded) || grounded.contains(c.id())) {
          continue;
        }
        for (Justification j : c.justifications()) {
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
}
