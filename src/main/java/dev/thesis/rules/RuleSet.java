package dev.thesis.rules;

import dev.thesis.schema.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/** A compiled rules folder: the knowledge base, its rules as users see them, and its schema. */
public final class RuleSet {
  private final KieBase kieBase;
  private final Map<String, RuleInfo> rules;
  private final Schema schema;
  private final List<RuleShape> shapes;
  private final java.util.Set<String> functionCreates;
  private final boolean hasQueries;

  RuleSet(KieBase kieBase, List<RuleInfo> rules, Schema schema, List<RuleShape> shapes,
      java.util.Set<String> functionCreates, boolean hasQueries) {
    this.hasQueries = hasQueries;
    this.kieBase = kieBase;
    TreeMap<String, RuleInfo> m = new TreeMap<>();
    rules.forEach(r -> m.put(r.qualifiedName(), r));
    this.rules = m;
    this.schema = schema;
    this.shapes = List.copyOf(shapes);
    this.functionCreates = java.util.Set.copyOf(functionCreates);
  }

  /** Whether the rule files define a query (rules calling it match through it, not on facts). */
  public boolean hasQueries() {
    return hasQueries;
  }

  /** Types the rule files' functions instantiate (rules calling them may create these). */
  public java.util.Set<String> functionCreates() {
    return functionCreates;
  }

  /** Every rule as written in the files, for the linter. */
  public List<RuleShape> shapes() {
    return shapes;
  }

  public KieBase kieBase() {
    return kieBase;
  }

  public Schema schema() {
    return schema;
  }

  /** Every rule, sorted by package and name. */
  public List<RuleInfo> rules() {
    return List.copyOf(rules.values());
  }

  public Optional<RuleInfo> rule(Rule rule) {
    return Optional.ofNullable(rules.get(rule.getPackageName() + "." + rule.getName()));
  }
}
