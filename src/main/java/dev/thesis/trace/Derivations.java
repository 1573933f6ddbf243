package dev.thesis.trace;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks down a derivation: from an id through its premises, each id once, nearest first. */
public final class Derivations {
  private Derivations() {}

  /**
   * The premises of a conclusion through all its justifications, in order; none for null (a fact).
   */
  public static java.util.List<String> premises(Conclusion c) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (c != null) {
      c.justifications().forEach(j -> out.addAll(j.premises()));
    }
    return out;
  }

  /**
   * Visits {@code start}, then its premises, then theirs, breadth first; an id reached twice is
   * visited once (derivations may share premises, and cycles end).
   *
   * @param premisesOf the premises of an id through all its justifications (none for a fact)
   */
  public static void walk(
      String start, Function<String, Collection<String>> premisesOf, Consumer<String> visit) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        visit.accept(next);
        todo.addAll(premisesOf.apply(next));
      }
    }
  }
}
