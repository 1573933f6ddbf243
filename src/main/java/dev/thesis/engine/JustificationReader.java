package dev.thesis.engine;

import dev.thesis.drools.TruthMaintenance;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleSet;
import dev.thesis.schema.DeclaredType;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.ConclusionIds;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kie.api.runtime.KieSession;

/**
 * Turns what truth maintenance holds after firing ({@link TruthMaintenance}) into conclusions: ids
 * from the declared types' keys, premises by fact and conclusion id, bindings as reports show them.
 */
final class JustificationReader {
  private final RuleSet rules;
  private final Map<Object, String> factIds;
  private final boolean bindings;

  JustificationReader(RuleSet rules, Map<Object, String> factIds, boolean bindings) {
    this.rules = rules;
    this.factIds = factIds;
    this.bindings = bindings;
  }

  List<Conclusion> read(KieSession session) throws EvaluationException {
    // Conclusions' ids beside the facts', not in a copy of them: copying a million facts' ids
    // cost more than reading the conclusions of a generated corpus.
    Map<Object, String> conclusionIds = new IdentityHashMap<>();
    Ids ids =
        o -> {
          String id = factIds.get(o);
          return id != null ? id : conclusionIds.get(o);
        };
    Map<String, List<TruthMaintenance.Justified>> byId = new TreeMap<>();
    for (TruthMaintenance.Justified j : TruthMaintenance.read(session, bindings)) {
      if (rules.schema().typeOf(j.object()).isEmpty()) {
        throw new EvaluationException(
            EvaluationException.Kind.RULE_FAILED,
            null,
            "a rule inserted a "
                + j.object().getClass().getName()
                + " logically; conclusions must be of types declared in the"
                + " rule files",
            null);
      }
      byId.computeIfAbsent(idOf(j.object()), k -> new ArrayList<>()).add(j);
    }
    Map<TruthMaintenance.Justified, String> justified = new LinkedHashMap<>();
    for (var e : byId.entrySet()) {
      List<TruthMaintenance.Justified> same = e.getValue();
      // Ids collide only when a key value contains ':'; number them in an order of their own
      // values,
      // not the session's (hash) order, so reports stay byte-identical.
      same.sort(java.util.Comparator.comparing(j -> fieldsOf(j.object()).toString()));
      for (int i = 0; i < same.size(); i++) {
        String unique = i == 0 ? e.getKey() : e.getKey() + "#" + (i + 1);
        justified.put(same.get(i), unique);
        conclusionIds.put(same.get(i).object(), unique);
      }
    }
    List<Conclusion> out = new ArrayList<>();
    for (var e : justified.entrySet()) {
      out.add(conclusion(e.getKey(), e.getValue(), ids));
    }
    out.sort(java.util.Comparator.comparing(Conclusion::id));
    return out;
  }

  /** The id of a fact or conclusion object, or null. */
  private interface Ids {
    String get(Object o);
  }

  private Conclusion conclusion(TruthMaintenance.Justified j, String id, Ids ids) {
    List<Justification> js = new ArrayList<>();
    for (TruthMaintenance.Support s : j.supports()) {
      js.add(justification(s, ids));
    }
    return new Conclusion(
        id, rules.schema().typeOf(j.object()).orElseThrow().name(), fieldsOf(j.object()), js);
  }

  private Map<String, Object> fieldsOf(Object o) {
    DeclaredType type = rules.schema().typeOf(o).orElseThrow();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (DeclaredType.Field f : type.fields()) {
      fields.put(f.name(), type.get(o, f.name()));
    }
    return fields;
  }

  private Justification justification(TruthMaintenance.Support support, Ids ids) {
    RuleInfo rule = rules.rule(support.rule()).orElseThrow();
    Map<String, Object> bound = new TreeMap<>();
    support.declarations().forEach((d, v) -> bound.put(d, shown(v, ids)));
    LinkedHashSet<String> premises = new LinkedHashSet<>();
    for (Object o : support.matched()) {
      String pid = ids.get(o);
      if (pid != null) {
        premises.add(pid);
      }
    }
    // Accumulated inputs come in an order the engine chooses; sorted, the trace stays stable.
    if (!support.accumulated().isEmpty()) {
      TreeSet<String> accumulated = new TreeSet<>();
      for (Object o : support.accumulated()) {
        String pid = ids.get(o);
        if (pid != null) {
          accumulated.add(pid);
        }
      }
      premises.addAll(accumulated);
    }
    return new Justification(rule, bound, new ArrayList<>(premises));
  }

  private static Object shown(Object value, Ids ids) {
    if (value == null) {
      return null;
    }
    String id = ids.get(value);
    if (id != null) {
      return id;
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.util.Collection<?> items) {
      List<String> shownItems = new ArrayList<>();
      for (Object item : items) {
        shownItems.add(String.valueOf(shown(item, ids)));
      }
      shownItems.sort(null);
      return shownItems;
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return String.valueOf(value);
  }

  private String idOf(Object o) {
    DeclaredType type = rules.schema().typeOf(o).orElseThrow();
    List<Object> keys = new ArrayList<>();
    for (DeclaredType.Field f : type.identity()) {
      keys.add(type.get(o, f.name()));
    }
    return ConclusionIds.of(type.name(), keys);
  }
}
