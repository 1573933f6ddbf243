package dev.thesis.analysis;

import dev.thesis.facts.BoundFact;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.Schema;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluated working memory as the "why not?" analysis reads it: every fact in force and every
 * derived conclusion, with plain field values, by declared type (a pattern on a type also matches
 * the types that extend it), indexed by field value on demand. Objects of a type are read only when
 * a pattern asks for that type: a large corpus is not copied for a question about one rule.
 */
final class Memory {
  /**
   * A fact or a conclusion, its declared fields' values, and what is shown of it.
   *
   * @param values every declared field, as the engine sees it (an unstated field has its default)
   */
  record Obj(String id, boolean fact, String type, Map<String, Object> values, WhyNot.Item item) {}

  private final EvaluationResult result;
  private final Schema schema;
  private final Map<String, List<BoundFact>> factsByType = new HashMap<>();
  private final Map<String, List<Conclusion>> conclusionsByType = new HashMap<>();
  private final Map<String, List<Obj>> byType = new HashMap<>();
  private final Map<String, Map<Object, List<Obj>>> indexes = new HashMap<>();

  Memory(EvaluationResult result) {
    this.result = result;
    this.schema = result.rules().schema();
    for (BoundFact f : result.facts()) {
      factsByType.computeIfAbsent(f.type().name(), t -> new ArrayList<>()).add(f);
    }
    for (Conclusion c : result.conclusions()) {
      conclusionsByType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
    }
  }

  private static Obj of(BoundFact f) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> shown = new LinkedHashMap<>();
    for (DeclaredType.Field field : f.type().fields()) {
      Object v = f.type().get(f.instance(), field.name());
      values.put(field.name(), v);
      if (f.record().fields().containsKey(field.name())) {
        shown.put(field.name(), v);
      }
    }
    String at = f.record().location().file() + ":" + f.record().location().line();
    return new Obj(
        f.record().id(),
        true,
        f.type().name(),
        values,
        new WhyNot.Item(
            f.record().id(), WhyNot.ItemKind.FACT, f.type().name(), shown, at, List.of()));
  }

  private static Obj of(Conclusion c) {
    // A conclusion is placed by the first rule that derived it.
    String at = null;
    if (!c.justifications().isEmpty()) {
      Justification j = c.justifications().get(0);
      at = j.rule().location().file() + ":" + j.rule().location().line();
    }
    return new Obj(
        c.id(),
        false,
        c.type(),
        c.fields(),
        new WhyNot.Item(c.id(), WhyNot.ItemKind.CONCLUSION, c.type(), c.fields(), at, List.of()));
  }

  /** Facts and conclusions a pattern on {@code type} can match, sorted by id. */
  List<Obj> ofType(String type) {
    return byType.computeIfAbsent(
        simple(type),
        t -> {
          List<Obj> out = new ArrayList<>();
          factsByType.forEach(
              (own, facts) -> {
                if (schema.lineage(own).contains(t)) {
                  facts.forEach(f -> out.add(of(f)));
                }
              });
          conclusionsByType.forEach(
              (own, conclusions) -> {
                if (schema.lineage(own).contains(t)) {
                  conclusions.forEach(c -> out.add(of(c)));
                }
              });
          out.sort(Comparator.comparing(Obj::id));
          return List.copyOf(out);
        });
  }

  /** The objects of a type whose field has this value (by {@link Values#key}). */
  List<Obj> withValue(String type, String field, Object value) {
    Map<Object, List<Obj>> index =
        indexes.computeIfAbsent(
            type + "\u0000" + field,
            k -> {
              Map<Object, List<Obj>> m = new HashMap<>();
              for (Obj o : ofType(type)) {
                if (o.values().containsKey(field)) {
                  m.computeIfAbsent(Values.key(o.values().get(field)), x -> new ArrayList<>())
                      .add(o);
                }
              }
              return m;
            });
    return index.getOrDefault(Values.key(value), List.of());
  }

  /** An object as listed; a conclusion with the facts it rests on, which a reader can check. */
  WhyNot.Item grounded(Obj o) {
    if (o.fact()) {
      return o.item();
    }
    List<WhyNot.Item> facts = new ArrayList<>();
    for (String f : result.factsUnder(o.id())) {
      result.fact(f).ifPresent(b -> facts.add(of(b).item()));
    }
    WhyNot.Item i = o.item();
    return new WhyNot.Item(i.id(), i.kind(), i.type(), i.fields(), i.location(), facts);
  }

  /** The declared type of this simple name, if any. */
  java.util.Optional<DeclaredType> type(String name) {
    return schema.type(simple(name));
  }

  /** Fact files and the schema name types simply; a pattern may qualify the name. */
  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
