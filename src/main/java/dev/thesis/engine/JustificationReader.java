package dev.thesis.engine;

import dev.thesis.rules.DeclaredType;
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

  JustificationReader(RuleSet rules, Map<Object, String> factIds) {
    this.rules = rules;
    this.factIds = factIds;
  }

  List<Conclusion> read(KieSession session) {
    Map<Object, String> ids = new IdentityHashMap<>(factIds);
    Map<InternalFactHandle, String> justified = new LinkedHashMap<>();
    Map<String, Integer> used = new TreeMap<>();
    for (FactHandle fh : session.getFactHandles()) {
      InternalFactHandle h = (InternalFactHandle) fh;
      EqualityKey key = h.getEqualityKey();
      if (key == null || key.getStatus() != EqualityKey.JUSTIFIED) {
        continue;
      }
      String id = idOf(h.getObject());
      int n = used.merge(id, 1, Integer::sum);
      // Two conclusions can only share an id if a key value contains ':'; keep them apart.
      String unique = n == 1 ? id : id + "#" + n;
      justified.put(h, unique);
      ids.put(h.getObject(), unique);
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
    DeclaredType type = rules.schema().typeOf(o).orElse(null);
    Map<String, Object> fields = new LinkedHashMap<>();
    String typeName = o.getClass().getSimpleName();
    if (type != null) {
      typeName = type.name();
      for (DeclaredType.Field f : type.fields()) {
        fields.put(f.name(), type.get(o, f.name()));
      }
    }
    return new Conclusion(id, typeName, fields, js);
  }

  private Justification justification(InternalMatch match, Map<Object, String> ids) {
    RuleInfo rule = rules.rule(match.getRule()).orElseThrow();
    Map<String, Object> bindings = new TreeMap<>();
    for (String d : match.getDeclarationIds()) {
      bindings.put(d, shown(match.getDeclarationValue(d), ids));
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
    return new Justification(rule, bindings, new ArrayList<>(premises));
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
    if (value instanceof Number n) {
      return n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
    }
    return String.valueOf(value);
  }

  private String idOf(Object o) {
    DeclaredType type = rules.schema().typeOf(o).orElse(null);
    if (type == null) {
      return ConclusionIds.of(o.getClass().getSimpleName(), List.of(String.valueOf(o)));
    }
    List<Object> keys = new ArrayList<>();
    for (DeclaredType.Field f : type.identity()) {
      keys.add(type.get(o, f.name()));
    }
    return ConclusionIds.of(type.name(), keys);
  }
}
