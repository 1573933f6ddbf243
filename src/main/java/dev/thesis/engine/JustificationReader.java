package dev.thesis.engine;

import dev.thesis.drools.MatchObjects;

import dev.thesis.schema.DeclaredType;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleSet;
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
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.rule.consequence.InternalMatch;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.ModedAssertion;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Reads every logically inserted fact and every justification of it off the truth-maintenance
 * system, after firing. An insert listener would see only the first justification of an equal
 * conclusion; the belief set holds all those that currently stand, and nothing that was retracted.
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
    Map<Object, String> ids = new IdentityHashMap<>(factIds);
    Map<String, List<InternalFactHandle>> byId = new TreeMap<>();
    for (FactHandle fh : session.getFactHandles()) {
      InternalFactHandle h = (InternalFactHandle) fh;
      EqualityKey key = h.getEqualityKey();
      if (key == null || key.getStatus() != EqualityKey.JUSTIFIED) {
        continue;
      }
      if (rules.schema().typeOf(h.getObject()).isEmpty()) {
        throw new EvaluationException(EvaluationException.Kind.RULE_FAILED, null, "a rule inserted a "
            + h.getObject().getClass().getName() + " logically; conclusions must be of types declared in the"
            + " rule files", null);
      }
      byId.computeIfAbsent(idOf(h.getObject()), k -> new ArrayList<>()).add(h);
    }
    Map<InternalFactHandle, String> justified = new LinkedHashMap<>();
    for (var e : byId.entrySet()) {
      List<InternalFactHandle> same = e.getValue();
      // Ids collide only when a key value contains ':'; number them in an order of their own values,
      // not the session's (hash) order, so reports stay byte-identical.
      same.sort(java.util.Comparator.comparing(h -> fieldsOf(h.getObject()).toString()));
      for (int i = 0; i < same.size(); i++) {
        String unique = i == 0 ? e.getKey() : e.getKey() + "#" + (i + 1);
        justified.put(same.get(i), unique);
        ids.put(same.get(i).getObject(), unique);
      }
    }
    List<Conclusion> out = new ArrayList<>();
    for (var e : justified.entrySet()) {
      out.add(conclusion(e.getKey(), e.getValue(), ids));
    }
    out.sort(java.util.Comparator.comparing(Conclusion::id));
    return out;
  }

  private Conclusion conclusion(InternalFactHandle h, String id, Map<Object, String> ids) {
    Object o = h.getObject();
    List<Justification> js = new ArrayList<>();
    BeliefSet<?> beliefs = ((TruthMaintenanceSystemEqualityKey) h.getEqualityKey()).getBeliefSet();
    if (beliefs != null) {
      for (ModedAssertion<?> m = beliefs.getFirst(); m != null; m = m.getNext()) {
        LogicalDependency<?> dep = (LogicalDependency<?>) ((SimpleMode) m).getObject();
        js.add(justification(dep.getJustifier(), ids));
      }
    }
    return new Conclusion(id, rules.schema().typeOf(o).orElseThrow().name(), fieldsOf(o), js);
  }

  private Map<String, Object> fieldsOf(Object o) {
    DeclaredType type = rules.schema().typeOf(o).orElseThrow();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (DeclaredType.Field f : type.fields()) {
      fields.put(f.name(), type.get(o, f.name()));
    }
    return fields;
  }

  private Justification justification(InternalMatch match, Map<Object, String> ids) {
    RuleInfo rule = rules.rule(match.getRule()).orElseThrow();
    Map<String, Object> bound = new TreeMap<>();
    if (bindings) {
      for (String d : match.getDeclarationIds()) {
        bound.put(d, shown(match.getDeclarationValue(d), ids));
      }
    }
    LinkedHashSet<String> premises = new LinkedHashSet<>();
    for (Object o : MatchObjects.matched(match)) {
      String pid = ids.get(o);
      if (pid != null) {
        premises.add(pid);
      }
    }
    // Accumulated inputs come in an order the engine chooses; sorted, the trace stays stable.
    TreeSet<String> accumulated = new TreeSet<>();
    for (Object o : MatchObjects.accumulated(match)) {
      String pid = ids.get(o);
      if (pid != null) {
        accumulated.add(pid);
      }
    }
    premises.addAll(accumulated);
    return new Justification(rule, bound, new ArrayList<>(premises));
  }

  private static Object shown(Object value, Map<Object, String> ids) {
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
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
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
