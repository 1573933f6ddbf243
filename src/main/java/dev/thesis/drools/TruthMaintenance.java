package dev.thesis.drools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.rule.consequence.InternalMatch;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.ModedAssertion;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Every logically inserted fact and every match that justifies it, read off the truth-maintenance
 * system after firing, as plain data. An insert listener would see only the first justification of
 * an equal conclusion; the belief set holds all those that stand now, and nothing retracted.
 *
 * <p>Objects come with their handle numbers ({@link Handles}), so that a reader can name them by
 * array index instead of by an identity map over every fact.
 */
public final class TruthMaintenance {
  private TruthMaintenance() {}

  /**
   * One justifying match: the objects it rests on and their handle numbers, side by side; first
   * those of its positive patterns in pattern order, then the inputs of its accumulates in the
   * engine's order.
   *
   * @param declarations its variables' values by name, sorted (empty unless asked for; the reader
   *     may replace the values in place)
   */
  public record Support(
      Rule rule,
      long[] handles,
      Object[] objects,
      int matchedCount,
      Map<String, Object> declarations) {

    /** The objects of the positive patterns, in pattern order. */
    public List<Object> matched() {
      return Arrays.asList(objects).subList(0, matchedCount);
    }

    /** The inputs of its accumulates. */
    public List<Object> accumulated() {
      return Arrays.asList(objects).subList(matchedCount, objects.length);
    }
  }

  /**
   * A logically inserted object and its handle number; its justifications are read when asked, so
   * that a reader converting a million of them never holds every match's data at once.
   */
  public static final class Justified {
    private final long handle;
    private final Object object;
    private final BeliefSet<?> beliefs;

    private Justified(long handle, Object object, BeliefSet<?> beliefs) {
      this.handle = handle;
      this.object = object;
      this.beliefs = beliefs;
    }

    public long handle() {
      return handle;
    }

    public Object object() {
      return object;
    }

    /**
     * Its justifications in belief-set order; {@code declarations} also reads each match's
     * variables.
     */
    public List<Support> supports(boolean declarations) {
      List<Support> supports = new ArrayList<>(beliefs == null ? 0 : beliefs.size());
      if (beliefs != null) {
        for (ModedAssertion<?> m = beliefs.getFirst(); m != null; m = m.getNext()) {
          LogicalDependency<?> dep = (LogicalDependency<?>) ((SimpleMode) m).getObject();
          supports.add(support(dep.getJustifier(), declarations));
        }
      }
      return supports;
    }
  }

  /** Every justified object in the session, in the session's order. */
  public static List<Justified> read(KieSession session) {
    List<Justified> out = new ArrayList<>();
    for (FactHandle fh : session.getFactHandles()) {
      InternalFactHandle h = (InternalFactHandle) fh;
      EqualityKey key = h.getEqualityKey();
      if (key == null || key.getStatus() != EqualityKey.JUSTIFIED) {
        continue;
      }
      out.add(
          new Justified(
              h.getId(), h.getObject(), ((TruthMaintenanceSystemEqualityKey) key).getBeliefSet()));
    }
    return out;
  }

  private static Support support(InternalMatch match, boolean declarations) {
    Map<String, Object> values;
    if (declarations) {
      values = new TreeMap<>();
      for (String d : match.getDeclarationIds()) {
        values.put(d, match.getDeclarationValue(d));
      }
    } else {
      values = Map.of();
    }
    MatchObjects.Premises p = MatchObjects.of(match);
    return new Support(match.getRule(), p.handles(), p.objects(), p.matchedCount(), values);
  }
}
