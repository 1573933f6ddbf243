package dev.thesis.rules;

import dev.thesis.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/** A compiled rules folder: the knowledge base a session runs, and the rules as users see them. */
public final class RuleSet {
  private final KieBase kieBase;
  private final RuleBook book;
  private final Map<String, RuleInfo> byName = new TreeMap<>();

  RuleSet(KieBase kieBase, RuleBook book) {
    this.kieBase = kieBase;
    this.book = book;
    book.rules().forEach(r -> byName.put(r.qualifiedName(), r));
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /** The rules, schema and shapes, without the knowledge base. */
  public RuleBook book() {
    return book;
  }

  public Schema schema() {
    return book.schema();
  }

  /** Every rule, sorted by package and name. */
  public List<RuleInfo> rules() {
    return book.rules();
  }

  /** The rule behind an engine rule. */
  public Optional<RuleInfo> rule(Rule rule) {
    return Optional.ofNullable(byName.get(rule.getPackageName() + "." + rule.getName()));
  }
}
