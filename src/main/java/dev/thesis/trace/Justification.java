package dev.thesis.trace;

import dev.thesis.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * One reason a conclusion holds: the rule that fired, what its variables were bound to, and the ids
 * of the facts and conclusions it matched (not those of {@code not}/{@code exists} patterns; the
 * inputs of an {@code accumulate} or {@code collect} are included).
 *
 * @param bindings variable name to value; a variable bound to a fact or conclusion shows its id
 */
public record Justification(RuleInfo rule, Map<String, Object> bindings, List<String> premises) {

  public Justification {
    // Without explanations (--no-trace) a million justifications bind nothing: no map each.
    bindings =
        bindings.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bindings));
    premises = List.copyOf(premises);
  }
}
