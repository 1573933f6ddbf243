package dev.thesis.drools;

import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.SubnetworkTuple;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.FactHandle;

/**
 * What a match rests on. {@code Match.getObjects()} lists the objects of positive patterns, but for
 * an {@code accumulate} (and {@code collect}, built on it) only the result; the inputs hang off the
 * tuple that entered the accumulate node. This is the one place that reads Drools internals for it.
 */
final class MatchObjects {
  private MatchObjects() {}

  /** Handles and objects side by side: the positive patterns' first, then accumulated inputs. */
  record Premises(long[] handles, Object[] objects, int matchedCount) {}

  static Premises of(InternalMatch match) {
    // The positive patterns' handles, as Match.getObjects() finds them (the tuple's chain, in
    // pattern order), without its list and copy.
    FactHandle[] positive = match.getTuple().toFactHandles();
    Buffer b = new Buffer(positive.length);
    for (FactHandle fh : positive) {
      InternalFactHandle h = (InternalFactHandle) fh;
      if (!(h.getObject() instanceof org.drools.core.common.QueryElementFactHandle)) {
        b.add(h);
      }
    }
    int matched = b.size;
    for (TupleImpl t = match.getTuple(); t != null; t = t.getParent()) {
      if (t.getContextObject() instanceof AccumulateNode.AccumulateContext) {
        for (TupleImpl c = t.getFirstChild(); c != null; c = c.getHandleNext()) {
          TupleImpl right = c.getRightParent();
          if (right instanceof SubnetworkTuple) {
            // Several patterns in the accumulate's source: the row's chain holds one fact per
            // pattern (and the facts matched before the accumulate, which are premises already).
            for (TupleImpl row = right; row != null; row = row.getParent()) {
              if (row.getFactHandle() != null) {
                b.add(row.getFactHandle());
              }
            }
          } else if (right != null && right.getFactHandle() != null) {
            b.add(right.getFactHandle());
          }
        }
      }
    }
    return b.premises(matched);
  }

  /** A growable pair of arrays: most matches have two to four premises and no accumulate. */
  private static final class Buffer {
    private long[] handles;
    private Object[] objects;
    private int size;

    Buffer(int capacity) {
      handles = new long[Math.max(capacity, 1)];
      objects = new Object[handles.length];
    }

    void add(InternalFactHandle h) {
      if (size == handles.length) {
        handles = java.util.Arrays.copyOf(handles, size * 2);
        objects = java.util.Arrays.copyOf(objects, size * 2);
      }
      handles[size] = h.getId();
      objects[size++] = h.getObject();
    }

    Premises premises(int matched) {
      return size == handles.length
          ? new Premises(handles, objects, matched)
          : new Premises(
              java.util.Arrays.copyOf(handles, size),
              java.util.Arrays.copyOf(objects, size),
              matched);
    }
  }
}
