package dev.thesis.lint;

import dev.thesis.facts.BoundFact;
import dev.thesis.rules.RuleBook;
import dev.thesis.rules.RuleShape;
import dev.thesis.schema.DeclaredType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values each String field of each declared type can hold: those its facts state, and those
 * rules conclude with a literal in the constructor ({@code new RoundTrip($a, $b, "cloud")}, the
 * arguments in the order the fields are declared). A field some rule or function may fill otherwise
 * is unknown: nothing can be said of it.
 */
final class FieldValues {
  private final Map<String, Set<String>> values = new HashMap<>();
  private final Set<String> produced = new HashSet<>();
  private final Set<String> unknown = new HashSet<>();

  private FieldValues() {}

  static FieldValues of(RuleBook rules, List<BoundFact> facts) {
    FieldValues v = new FieldValues();
    var schema = rules.schema();
    for (BoundFact f : facts) {
      for (String t : schema.lineage(f.type().name())) {
        v.produced.add(t);
        for (DeclaredType.Field field : f.type().fields()) {
          if (f.type().get(f.instance(), field.name()) instanceof String s) {
            v.values.computeIfAbsent(key(t, field.name()), k -> new HashSet<>()).add(s);
          }
        }
      }
    }
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
   * The values a field of a type can hold, sorted; empty when nothing can be said (nothing makes
   * the type, or something may fill the field with any value).
   */
  Optional<Set<String>> of(String type, String field) {
    if (!produced.contains(type) || unknown.contains(type) || unknown.contains(key(type, field))) {
      return Optional.empty();
    }
    return Optional.of(new TreeSet<>(values.getOrDefault(key(type, field), Set.of())));
  }

  private static String key(String type, String field) {
    return type + "." + field;
  }
}
