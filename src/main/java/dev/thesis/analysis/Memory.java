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
   * A fact (with {@code conclusion} null) or a conclusion (with {@code fact} null). Field values
   * are read from it when asked, and what is shown of it is made only for what is listed: a corpus
   * of millions of facts is not copied.
   */
  record Obj(BoundFact fact, Conclusion conclusion) {
    String id() {
      return fact != null ? fact.record().id() : conclusion.id();
    }

    boolean isFact() {
      return fact != null;
    }

    /** Whether the type declares this field. */
    boolean has(String field) {
      return fact != null
          ? fact.type().field(field).isPresent()
          : conclusion.fields().containsKey(field);
    }

    /** A declared field's value, as the engine sees it (an unstated field has its default). */
    Object value(String field) {
      return fact != null
          ? fact.type().get(fact.instance(), field)
          : conclusion.fields().get(field);
    }

    WhyNot.Item item() {
      return fact != null ? item(fact) : item(conclusion);
    }

    private static WhyNot.Item item(BoundFact f) {
      Map<String, Object> shown = new LinkedHashMap<>();
      for (DeclaredType.Field field : f.type().fields()) {
        if (f.record().fields().containsKey(field.name())) {
          shown.put(field.name(), f.type().get(f.instance(), field.name()));
        }
      }
      String at = f.record().location().file() + ":" + f.record().location().line();
      return new WhyNot.Item(
          f.record().id(), WhyNot.ItemKind.FACT, f.type().name(), shown, at, List.of());
    }

    private static WhyNot.Item item(Conclusion c) {
      // A conclusion is placed by the first rule that derived it.
      String at = null;
      if (!c.justifications().isEmpty()) {
        Justification j = c.justifications().get(0);
        at = j.rule().location().file() + ":" + j.rule().location().line();
      }
      return new WhyNot.Item(
          c.id(), WhyNot.ItemKind.CONCLUSION, c.type(), c.fields(), at, List.of());
    }
  }

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

  /** Facts and conclusions a pattern on {@code type} can match, sorted by id. */
  List<Obj> ofType(String type) {
    return byType.computeIfAbsent(
        simple(type),
        t -> {
          List<Obj> out = new ArrayList<>();
          factsByType.forEach(
              (own, facts) -> {
                if (schema.lineage(own).contains(t)) {
                  facts.forEach(f -> out.add(new Obj(f, null)));
                }
              });
          conclusionsByType.forEach(
              (own, conclusions) -> {
                if (schema.lineage(own).contains(t)) {
                  conclusions.forEach(c -> out.add(new Obj(null, c)));
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
                if (o.has(field)) {
                  m.computeIfAbsent(Values.key(o.value(field)), x -> new ArrayList<>()).add(o);
                }
              }
              return m;
            });
    return index.getOrDefault(Values.key(value), List.of());
  }

  /** An object as listed; a conclusion with the facts it rests on, which a reader can check. */
  WhyNot.Item grounded(Obj o) {
    if (o.isFact()) {
      return o.item();
    }
    List<WhyNot.Item> facts = new ArrayList<>();
    for (String f : result.factsUnder(o.id())) {
      result.fact(f).ifPresent(b -> facts.add(new Obj(b, null).item()));
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
