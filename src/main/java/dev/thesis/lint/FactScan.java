package dev.thesis.lint;

import dev.thesis.facts.BoundFact;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the linter needs of the facts, gathered in one pass over them: the keys each type's facts
 * give, the types facts make, the String values each field holds, the sources cited, and the
 * {@code @ref} values to check once every key is known. What depends only on a fact's type (its
 * lineage, its key field, the sets its values go into) is worked out once per type, not per fact.
 */
final class FactScan {
  /** A {@code @ref} value of a fact, to be looked up among the keys. */
  record Ref(BoundFact fact, DeclaredType.Field field, Object value) {}

  /** Keys by type, each fact's key counted for its type and every type it extends. */
  private final Map<String, Set<String>> keysByType = new HashMap<>();

  /** The types facts state, and every type they extend. */
  private final Set<String> produced = new HashSet<>();

  /** By "Type.field", the Strings facts hold there; filled only when asked for. */
  private final Map<String, Set<String>> values = new HashMap<>();

  /** The sources the facts cite. */
  private final Set<String> cited = new HashSet<>();

  /** In fact order, then field order. */
  private final List<Ref> refs = new ArrayList<>();

  private final Schema schema;
  private final Set<String> badRefs;
  private final boolean withValues;
  private final Map<DeclaredType, Plan> plans = new IdentityHashMap<>();

  /** What one type's facts contribute, worked out once. */
  private final class Plan {
    final String identity;
    final List<Set<String>> keySets = new ArrayList<>();
    final List<DeclaredType.Field> fields;
    final List<DeclaredType.Field> refFields = new ArrayList<>();
    final List<List<Set<String>>> valueSets = new ArrayList<>();

    Plan(DeclaredType type) {
      List<String> lineage = schema.lineage(type.name());
      produced.addAll(lineage);
      List<DeclaredType.Field> id = type.identity();
      identity = id.size() == 1 ? id.get(0).name() : null;
      if (identity != null) {
        lineage.forEach(t -> keySets.add(keysByType.computeIfAbsent(t, x -> new HashSet<>())));
      }
      fields = type.fields();
      for (DeclaredType.Field field : fields) {
        if (field.ref() != null && !badRefs.contains(type.name() + "." + field.name())) {
          refFields.add(field);
        }
        List<Set<String>> sets = new ArrayList<>();
        if (withValues) {
          lineage.forEach(
              t -> sets.add(values.computeIfAbsent(t + "." + field.name(), k -> new HashSet<>())));
        }
        valueSets.add(sets);
      }
    }
  }

  private FactScan(Schema schema, Set<String> badRefs, boolean withValues) {
    this.schema = schema;
    this.badRefs = badRefs;
    this.withValues = withValues;
  }

  /**
   * @param badRefs "Type.field" of the {@code @ref} fields not to check
   * @param withValues whether to gather {@link #values}
   */
  static FactScan of(
      Schema schema, List<BoundFact> facts, Set<String> badRefs, boolean withValues) {
    FactScan s = new FactScan(schema, badRefs, withValues);
    for (BoundFact f : facts) {
      s.add(f);
    }
    return s;
  }

  Map<String, Set<String>> keysByType() {
    return keysByType;
  }

  Set<String> produced() {
    return produced;
  }

  Map<String, Set<String>> values() {
    return values;
  }

  Set<String> cited() {
    return cited;
  }

  List<Ref> refs() {
    return refs;
  }

  private void add(BoundFact f) {
    DeclaredType type = f.type();
    Plan plan = plans.computeIfAbsent(type, Plan::new);
    Object instance = f.instance();
    cited.add(f.record().source());
    if (plan.identity != null) {
      String key = String.valueOf(type.get(instance, plan.identity));
      for (Set<String> keys : plan.keySets) {
        keys.add(key);
      }
    }
    if (withValues) {
      for (int i = 0; i < plan.fields.size(); i++) {
        List<Set<String>> sets = plan.valueSets.get(i);
        if (type.get(instance, plan.fields.get(i).name()) instanceof String s) {
          for (Set<String> set : sets) {
            set.add(s);
          }
        }
      }
    }
    for (DeclaredType.Field field : plan.refFields) {
      Object value = type.get(instance, field.name());
      if (value != null) {
        refs.add(new Ref(f, field, value));
      }
    }
  }
}
