package dev.thesis.analysis;

import dev.thesis.facts.BoundFact;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Derivations;
import dev.thesis.trace.Justification;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a conclusion rests on, over the justification graph of one evaluation: the facts and sources
 * underneath, and whether a justification leans on the conclusion itself.
 */
final class Provenance {
  /** The facts and conclusions of an evaluation, by id. */
  interface Lookup {
    /** The conclusion with this id, or null. */
    Conclusion conclusion(String id);

    /** The fact with this id, or null. */
    BoundFact fact(String id);

    /** Every conclusion. */
    Collection<Conclusion> all();
  }

  private final Lookup lookup;

  Provenance(Lookup lookup) {
    this.lookup = lookup;
  }

  /**
   * The ids of the facts a fact or conclusion rests on, through every justification, transitively.
   */
  SortedSet<String> factsUnder(String id) {
    TreeSet<String> out = new TreeSet<>();
    Derivations.walk(
        id,
        next -> Derivations.premises(lookup.conclusion(next)),
        next -> {
          if (lookup.fact(next) != null) {
            out.add(next);
          }
        });
    return out;
  }

  /** The sources of the facts an id rests on. */
  SortedSet<String> sourcesUnder(String id) {
    TreeSet<String> out = new TreeSet<>();
    factsUnder(id).forEach(f -> out.add(lookup.fact(f).record().source()));
    return out;
  }

  /**
   * Whether some justification of a conclusion supports it only through itself: one of its premises
   * cannot be derived from the facts without the conclusion. (X justified by a base fact and by Y,
   * with Y justified by X: X's justification through Y is such a one; Y's through X is not, since X
   * stands on the base fact.)
   */
  boolean cyclic(String conclusionId) {
    Conclusion c = lookup.conclusion(conclusionId);
    if (c == null || !reachesItself(conclusionId)) {
      return false;
    }
    Set<String> grounded = groundedWithout(conclusionId);
    for (Justification j : c.justifications()) {
      if (!allGrounded(j.premises(), grounded)) {
        return true;
      }
    }
    return false;
  }

  private boolean reachesItself(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    lookup.conclusion(id).justifications().forEach(j -> todo.addAll(j.premises()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (next.equals(id)) {
        return true;
      }
      if (seen.add(next)) {
        Conclusion p = lookup.conclusion(next);
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
    // The facts are grounded too: asked of the lookup rather than copied into the set.
    Set<String> grounded = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Conclusion c : lookup.all()) {
        if (c.id().equals(excluded) || isGrounded(c.id(), grounded)) {
          continue;
        }
        for (Justification j : c.justifications()) {
          if (allGrounded(j.premises(), grounded)) {
            grounded.add(c.id());
            grew = true;
            break;
          }
        }
      }
    }
    return grounded;
  }

  private boolean isGrounded(String id, Set<String> grounded) {
    return grounded.contains(id) || lookup.fact(id) != null;
  }

  private boolean allGrounded(java.util.List<String> ids, Set<String> grounded) {
    for (String id : ids) {
      if (!isGrounded(id, grounded)) {
        return false;
      }
    }
    return true;
  }
}
