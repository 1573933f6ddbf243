package dev.thesis.engine;

import dev.thesis.drools.Handles;
import dev.thesis.drools.TruthMaintenance;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleSet;
import dev.thesis.schema.DeclaredType;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.ConclusionIds;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kie.api.definition.type.FactField;
import org.kie.api.runtime.KieSession;

/**
 * Turns what truth maintenance holds after firing ({@link TruthMaintenance}) into conclusions: ids
 * from the declared types' keys, premises by fact and conclusion id, bindings as reports show them.
 * Objects are named through {@link IdTable}s by handle number, never hashed.
 */
final class JustificationReader {
  private final RuleSet rules;
  private final IdTable facts;
  private final boolean bindings;
  private final Map<Class<?>, Shape> shapes = new HashMap<>();
  private final Map<org.kie.api.definition.rule.Rule, RuleInfo> ruleInfos = new HashMap<>();

  JustificationReader(RuleSet rules, IdTable facts, boolean bindings) {
    this.rules = rules;
    this.facts = facts;
    this.bindings = bindings;
  }

  /** A declared type as the reader needs it: its id prefix and its fields' accessors. */
  private record Shape(
      DeclaredType type, String idPrefix, FactField[] identity, String[] names, FactField[] all) {
    static Shape of(DeclaredType type) {
      List<DeclaredType.Field> keys = type.identity();
      FactField[] identity = new FactField[keys.size()];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = type.factType().getField(keys.get(i).name());
      }
      String[] names = new String[type.fields().size()];
      FactField[] all = new FactField[names.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = type.fields().get(i).name();
        all[i] = type.factType().getField(names[i]);
      }
      return new Shape(type, ConclusionIds.kebab(type.name()), identity, names, all);
    }

    String idOf(Object o) {
      StringBuilder sb = new StringBuilder(idPrefix);
      for (FactField f : identity) {
        Object v = f.get(o);
        sb.append(':').append(v == null ? "-" : String.valueOf(v));
      }
      return sb.toString();
    }

    Map<String, Object> fieldsOf(Object o) {
      Map<String, Object> fields = new LinkedHashMap<>(names.length * 2);
      for (int i = 0; i < names.length; i++) {
        fields.put(names[i], all[i].get(o));
      }
      return fields;
    }
  }

  /** One justified object, its type and its id. */
  private static final class Entry {
    final TruthMaintenance.Justified justified;
    final Shape shape;
    String id;

    Entry(TruthMaintenance.Justified justified, Shape shape, String id) {
      this.justified = justified;
      this.shape = shape;
      this.id = id;
    }
  }

  List<Conclusion> read(KieSession session) throws EvaluationException {
    List<TruthMaintenance.Justified> all = TruthMaintenance.read(session);
    Entry[] entries = new Entry[all.size()];
    long maxHandle = 0;
    for (int i = 0; i < entries.length; i++) {
      TruthMaintenance.Justified j = all.get(i);
      Shape shape = shapeOf(j.object());
      entries[i] = new Entry(j, shape, shape.idOf(j.object()));
      maxHandle = Math.max(maxHandle, j.handle());
    }
    Arrays.sort(entries, Comparator.comparing((Entry e) -> e.id));
    // Ids collide only when a key value contains ':'; number them in an order of their own values,
    // not the session's (hash) order, so reports stay byte-identical.
    boolean renamed = false;
    for (int i = 0; i < entries.length; ) {
      int end = i + 1;
      while (end < entries.length && entries[end].id.equals(entries[i].id)) {
        end++;
      }
      if (end - i > 1) {
        Arrays.sort(
            entries,
            i,
            end,
            Comparator.comparing((Entry e) -> e.shape.fieldsOf(e.justified.object()).toString()));
        for (int k = i + 1; k < end; k++) {
          entries[k].id = entries[k].id + "#" + (k - i + 1);
        }
        renamed = true;
      }
      i = end;
    }
    IdTable own = new IdTable((int) Math.min(Integer.MAX_VALUE - 16, maxHandle + 1));
    for (Entry e : entries) {
      own.put(e.justified.handle(), e.justified.object(), e.id);
    }
    Names names = new Names(session, facts, own);
    List<Conclusion> out = new ArrayList<>(entries.length);
    for (Entry e : entries) {
      out.add(conclusion(e, names));
    }
    if (renamed) {
      out.sort(Comparator.comparing(Conclusion::id));
    }
    return out;
  }

  private Shape shapeOf(Object o) throws EvaluationException {
    Shape shape = shapes.get(o.getClass());
    if (shape == null) {
      DeclaredType type = rules.schema().typeOf(o).orElse(null);
      if (type == null) {
        throw new EvaluationException(
            EvaluationException.Kind.RULE_FAILED,
            null,
            "a rule inserted a "
                + o.getClass().getName()
                + " logically; conclusions must be of types declared in the"
                + " rule files",
            null);
      }
      shape = Shape.of(type);
      shapes.put(o.getClass(), shape);
    }
    return shape;
  }

  /** Ids of facts and conclusions, by handle number; of other objects, through the session. */
  private record Names(KieSession session, IdTable facts, IdTable conclusions) {
    /** The id of the object a match holds under {@code handle}. */
    String get(long handle, Object o) {
      String id = held(handle, o);
      // Drools 10 matches a fact that `from` yields under the handle the session holds it by; were
      // it ever a handle of its own, the session's handle still names it. (An accumulate's result
      // is in no table and in no session: null, after one lookup.)
      return id != null || o == null ? id : of(o);
    }

    private String held(long handle, Object o) {
      String id = facts.get(handle, o);
      return id != null ? id : conclusions.get(handle, o);
    }

    /** The id of an object a variable is bound to, when it is a fact or a conclusion. */
    String of(Object o) {
      long handle = Handles.numberOf(session, o);
      return handle < 0 ? null : held(handle, o);
    }
  }

  private Conclusion conclusion(Entry e, Names names) {
    List<TruthMaintenance.Support> supports = e.justified.supports(bindings);
    List<Justification> js = new ArrayList<>(supports.size());
    for (TruthMaintenance.Support s : supports) {
      js.add(justification(s, names));
    }
    Object o = e.justified.object();
    return new Conclusion(e.id, e.shape.type().name(), e.shape.fieldsOf(o), js);
  }

  private Justification justification(TruthMaintenance.Support support, Names names) {
    RuleInfo rule = ruleInfos.computeIfAbsent(support.rule(), r -> rules.rule(r).orElseThrow());
    Map<String, Object> bound = support.declarations();
    if (!bound.isEmpty()) {
      bound.replaceAll((d, v) -> shown(v, names));
    }
    long[] handles = support.handles();
    Object[] objects = support.objects();
    int matched = support.matchedCount();
    List<String> premises;
    if (matched == objects.length) {
      premises = new ArrayList<>(matched);
      for (int i = 0; i < matched; i++) {
        String pid = names.get(handles[i], objects[i]);
        if (pid != null && !premises.contains(pid)) {
          premises.add(pid);
        }
      }
    } else {
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      for (int i = 0; i < matched; i++) {
        String pid = names.get(handles[i], objects[i]);
        if (pid != null) {
          distinct.add(pid);
        }
      }
      // Accumulated inputs come in an order the engine chooses; sorted, the trace stays stable.
      TreeSet<String> accumulated = new TreeSet<>();
      for (int i = matched; i < objects.length; i++) {
        String pid = names.get(handles[i], objects[i]);
        if (pid != null) {
          accumulated.add(pid);
        }
      }
      distinct.addAll(accumulated);
      premises = new ArrayList<>(distinct);
    }
    return new Justification(rule, bound, premises);
  }

  private static Object shown(Object value, Names names) {
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.util.Collection<?> items) {
      List<String> shownItems = new ArrayList<>();
      for (Object item : items) {
        shownItems.add(String.valueOf(shown(item, names)));
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
    String id = names.of(value);
    if (id != null) {
      return id;
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return String.valueOf(value);
  }
}
