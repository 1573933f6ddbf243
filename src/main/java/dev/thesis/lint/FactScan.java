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
  /** A {@code @ref} value of a fact that is no key of a fact of the type it names. */
  record Ref(BoundFact fact, DeclaredType.Field field, Object value) {}

  /** Keys by type, each fact's key counted for its type and every type it extends. */
  private final Map<String, Set<String>> keysByType = new HashMap<>();

  /** The types facts state, and every type they extend. */
  private final Set<String> produced = new HashSet<>();

  /** By "Type.field", the Strings facts hold there; only for the fields asked for. */
  private final Map<String, Set<String>> values = new HashMap<>();

  /** The sources the facts cite. */
  private final Set<String> cited = new HashSet<>();

  /** In fact order, then field order. */
  private final List<Ref> unknownRefs = new ArrayList<>();

  private final Schema schema;
  private final Set<String> badRefs;
  private final Set<String> wantedValues;
  private final Map<DeclaredType, Plan> plans = new IdentityHashMap<>();

  /** A field of a type and how to read it from an object without looking it up by name. */
  private record Getter(DeclaredType type, String name, DeclaredType.Accessor field) {
    static Getter of(DeclaredType type, String name) {
      return new Getter(type, name, type.accessor(name));
    }

    Object get(Object instance) {
      return field.get(instance);
    }
  }

  /** What one type's facts contribute, worked out once. */
  private final class Plan {
    final Getter identity;
    final List<Set<String>> keySets = new ArrayList<>();
    final List<Getter> valueFields = new ArrayList<>();
    final List<List<Set<String>>> valueSets = new ArrayList<>();
    final List<DeclaredType.Field> refFields = new ArrayList<>();
    final List<Getter> refGetters = new ArrayList<>();

    /** The keys each ref field may take, once all are gathered; null until then. */
    List<Set<String>> refKeys;

    Plan(DeclaredType type) {
      List<String> lineage = schema.lineage(type.name());
      produced.addAll(lineage);
      List<DeclaredType.Field> id = type.identity();
      identity = id.size() == 1 ? Getter.of(type, id.get(0).name()) : null;
      if (identity != null) {
        lineage.forEach(t -> keySets.add(keysByType.computeIfAbsent(t, x -> new HashSet<>())));
      }
      for (DeclaredType.Field field : type.fields()) {
        if (field.ref() != null && !badRefs.contains(type.name() + "." + field.name())) {
          refFields.add(field);
          refGetters.add(Getter.of(type, field.name()));
        }
        List<Set<String>> sets = new ArrayList<>();
        for (String t : lineage) {
          String key = t + "." + field.name();
          if (wantedValues.contains(key)) {
            sets.add(values.computeIfAbsent(key, k -> new HashSet<>()));
          }
        }
        if (!sets.isEmpty()) {
          valueFields.add(Getter.of(type, field.name()));
          valueSets.add(sets);
        }
      }
    }
  }

  private FactScan(Schema schema, Set<String> badRefs, Set<String> wantedValues) {
    this.schema = schema;
    this.badRefs = badRefs;
    this.wantedValues = wantedValues;
  }

  /**
   * Two passes: the first gathers every key, the second looks each {@code @ref} value up among them
   * (so a fact may refer to one stated after it), keeping only those that are not there.
   *
   * @param badRefs "Type.field" of the {@code @ref} fields not to check
   * @param wantedValues the "Type.field"s whose values to gather in {@link #values}
   */
  static FactScan of(
      Schema schema, List<BoundFact> facts, Set<String> badRefs, Set<String> wantedValues) {
    FactScan s = new FactScan(schema, badRefs, wantedValues);
    // Facts of one source come together and share its id's String: added once.
    String source = null;
    for (BoundFact f : facts) {
      if (f.record().source() != source) {
        source = f.record().source();
        s.cited.add(source);
      }
      s.add(f);
    }
    for (BoundFact f : facts) {
      s.checkRefs(f);
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

  /** The {@code @ref} values that are no key of their type. */
  List<Ref> unknownRefs() {
    return unknownRefs;
  }

  private void add(BoundFact f) {
    Plan plan = plans.computeIfAbsent(f.type(), Plan::new);
    Object instance = f.instance();
    if (plan.identity != null) {
      String key = String.valueOf(plan.identity.get(instance));
      for (Set<String> keys : plan.keySets) {
        keys.add(key);
      }
    }
    for (int i = 0; i < plan.valueFields.size(); i++) {
      if (plan.valueFields.get(i).get(instance) instanceof String s) {
        for (Set<String> set : plan.valueSets.get(i)) {
          set.add(s);
        }
      }
    }
  }

  private void checkRefs(BoundFact f) {
    Plan plan = plans.get(f.type());
    if (plan.refKeys == null) {
      // Every key is known by now: each ref field's keys are looked up once per type.
      plan.refKeys = new ArrayList<>();
      plan.refFields.forEach(
          field -> plan.refKeys.add(keysByType.getOrDefault(field.ref(), Set.of())));
    }
    for (int i = 0; i < plan.refFields.size(); i++) {
      Object value = plan.refGetters.get(i).get(f.instance());
      if (value == null) {
        continue;
      }
      DeclaredType.Field field = plan.refFields.get(i);
      if (!plan.refKeys.get(i).contains(String.valueOf(value))) {
        unknownRefs.add(new Ref(f, field, value));
      }
    }
  }
}
