package dev.thesis.drools;

import java.util.ArrayList;
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
 */
public final class TruthMaintenance {
  private TruthMaintenance() {}

  /**
   * One justifying match.
   *
   * @param matched the objects of its positive patterns, in pattern order
   * @param accumulated the inputs of its accumulates, in the engine's order
   * @param declarations its variables' values by name (empty unless asked for)
   */
  public record Support(
      Rule rule,
      List<Object> matched,
      List<Object> accumulated,
      Map<String, Object> declarations) {}

  /** A logically inserted object and its justifications, in the belief set's order. */
  public record Justified(Object object, List<Support> supports) {}

  /**
   * Every justified object in the session; {@code declarations} also reads each match's variables.
   */
  public static List<Justified> read(KieSession session, boolean declarations) {
    List<Justified> out = new ArrayList<>();
    for (FactHandle fh : session.getFactHandles()) {
      InternalFactHandle h = (InternalFactHandle) fh;
      EqualityKey key = h.getEqualityKey();
      if (key == null || key.getStatus() != EqualityKey.JUSTIFIED) {
        continue;
      }
      List<Support> supports = new ArrayList<>();
      BeliefSet<?> beliefs = ((TruthMaintenanceSystemEqualityKey) key).getBeliefSet();
      if (beliefs != null) {
        for (ModedAssertion<?> m = beliefs.getFirst(); m != null; m = m.getNext()) {
          LogicalDependency<?> dep = (LogicalDependency<?>) ((SimpleMode) m).getObject();
          supports.add(support(dep.getJustifier(), declarations));
        }
      }
      out.add(new Justified(h.getObject(), supports));
    }
    return out;
  }

  private static Support support(InternalMatch match, boolean declarations) {
    Map<String, Object> values = new TreeMap<>();
    if (declarations) {
      for (String d : match.getDeclarationIds()) {
        values.put(d, match.getDeclarationValue(d));
      }
    }
    return new Support(
        match.getRule(), MatchObjects.matched(match), MatchObjects.accumulated(match), values);
  }
}
