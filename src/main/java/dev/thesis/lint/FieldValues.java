package dev.thesis.lint;

import dev.thesis.rules.RuleBook;
import dev.thesis.rules.RuleShape;
import dev.thesis.schema.DeclaredType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values each String field of each declared type can hold: those its facts state, and those
 * rules conclude with a literal in the constructor ({@code new RoundTrip($a, $b, "cloud")}, the
 * arguments in the order the fields are declared). A field some rule or function may fill otherwise
 * is unknown: nothing can be said of it.
 */
final class FieldValues {
  private final Map<String, Set<String>> values;
  private final Set<String> produced;
  private final Set<String> unknown = new HashSet<>();

  private FieldValues(Map<String, Set<String>> values, Set<String> produced) {
    this.values = values;
    this.produced = produced;
  }

  /** From what the facts hold ({@code facts} gathered with its values), and what rules conclude. */
  static FieldValues of(RuleBook rules, FactScan facts) {
    FieldValues v = new FieldValues(facts.values(), new HashSet<>(facts.produced()));
    var schema = rules.schema();
    rules.functionCreates().forEach(t -> schema.lineage(t).forEach(x -> v.unknownType(x)));
    for (RuleShape r : rules.shapes()) {
      for (dev.thesis.rules.Insertion c : r.insertions()) {
        DeclaredType type = schema.type(c.simpleType()).orElse(null);
        if (type == null) {
          continue;
        }
        List<String> lineage = schema.lineage(type.name());
        v.produced.addAll(lineage);
        List<DeclaredType.Field> params = type.constructorFields(c.arguments().size());
        if (params == null) {
          lineage.forEach(v::unknownType);
          continue;
        }
        for (int i = 0; i < params.size(); i++) {
          String name = params.get(i).name();
          String literal = c.literal(i);
          for (String t : lineage) {
            if (literal == null) {
              v.unknown.add(key(t, name));
            } else {
              v.values.computeIfAbsent(key(t, name), k -> new HashSet<>()).add(literal);
            }
          }
        }
      }
    }
    return v;
  }

  private void unknownType(String type) {
    unknown.add(type);
  }

  /**
   * The values a field of a type can hold, in no order (a finding sorts the few it names; a copy
   * sorted for every literal would cost as much as the facts); empty when nothing can be said
   * (nothing makes the type, or something may fill the field with any value).
   */
  Optional<Set<String>> of(String type, String field) {
    if (!produced.contains(type) || unknown.contains(type) || unknown.contains(key(type, field))) {
      return Optional.empty();
    }
    return Optional.of(
        java.util.Collections.unmodifiableSet(values.getOrDefault(key(type, field), Set.of())));
  }

  private static String key(String type, String field) {
    return type + "." + field;
  }
}
