package dev.thesis.drools;

import org.drools.core.common.InternalFactHandle;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Handle numbers: a session numbers its fact handles from one counter, in the order they are made
 * (stated facts, conclusions and accumulate results alike), and never reuses a number. Dense and
 * unique, they index arrays where an identity map over a million objects would otherwise be.
 */
public final class Handles {
  private Handles() {}

  /** The number of a handle the session gave. */
  public static long number(FactHandle handle) {
    return ((InternalFactHandle) handle).getId();
  }

  /** The number of the handle that holds {@code object} in the session, or -1. */
  public static long numberOf(KieSession session, Object object) {
    FactHandle h = session.getFactHandle(object);
    return h == null ? -1 : number(h);
  }
}
