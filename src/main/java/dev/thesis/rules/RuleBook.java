package dev.thesis.rules;

import dev.thesis.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rules folder as its readers see it: the rules with their metadata and places, the schema, the
 * rules' shapes for the linter. Plain data: what a result and its reports keep once the engine is
 * gone (the knowledge base stays in {@link RuleSet}).
 *
 * @param functionCreates types the rule files' functions instantiate (rules calling them may create
 *     these)
 * @param hasQueries whether the rule files define a query (rules calling it match through it, not
 *     on facts)
 */
public record RuleBook(
    List<RuleInfo> rules,
    Schema schema,
    List<RuleShape> shapes,
    Set<String> functionCreates,
    boolean hasQueries) {

  /** Rules sorted by package and name. */
  public RuleBook {
    Map<String, RuleInfo> sorted = new TreeMap<>();
    rules.forEach(r -> sorted.put(r.qualifiedName(), r));
    rules = List.copyOf(sorted.values());
    shapes = List.copyOf(shapes);
    functionCreates = Set.copyOf(functionCreates);
  }

  /** The rule of this qualified name ({@code package.name}). */
  public Optional<RuleInfo> rule(String qualifiedName) {
    return rules.stream().filter(r -> r.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
