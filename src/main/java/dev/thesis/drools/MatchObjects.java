package dev.thesis.drools;

import java.util.ArrayList;
import java.util.List;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.SubnetworkTuple;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;

/**
 * What a match rests on. {@code Match.getObjects()} lists the objects of positive patterns, but for
 * an {@code accumulate} (and {@code collect}, built on it) only the result; the inputs hang off the
 * tuple that entered the accumulate node. This is the one place that reads Drools internals for it.
 */
final class MatchObjects {
  private MatchObjects() {}

  /** The objects of the positive patterns, in pattern order. */
  static List<Object> matched(InternalMatch match) {
    return match.getObjects();
  }

  /** The inputs of every accumulate in the match, in the engine's order. */
  static List<Object> accumulated(InternalMatch match) {
    List<Object> out = new ArrayList<>();
    for (TupleImpl t = match.getTuple(); t != null; t = t.getParent()) {
      if (t.getContextObject() instanceof AccumulateNode.AccumulateContext) {
        for (TupleImpl c = t.getFirstChild(); c != null; c = c.getHandleNext()) {
          TupleImpl right = c.getRightParent();
          if (right instanceof SubnetworkTuple) {
            // Several patterns in the accumulate's source: the row's chain holds one fact per
            // pattern
            // (and the facts matched before the accumulate, which are premises already).
            for (TupleImpl row = right; row != null; row = row.getParent()) {
              if (row.getFactHandle() != null) {
                out.add(row.getFactHandle().getObject());
              }
            }
          } else if (right != null && right.getFactHandle() != null) {
            out.add(right.getFactHandle().getObject());
          }
        }
      }
    }
    return out;
  }
}
