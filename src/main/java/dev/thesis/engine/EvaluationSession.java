package dev.thesis.engine;

import dev.thesis.facts.BoundFact;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleSet;
import dev.thesis.trace.Conclusion;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A live Drools session over bound facts. Facts can be retracted and inserted after the first
 * firing; truth maintenance withdraws whatever rested on a retracted fact. No terminal I/O here.
 */
public final class EvaluationSession implements AutoCloseable {
  /** Firings allowed per {@link #fire()}; far above any real corpus, low enough to stop a loop. */
  public static final long DEFAULT_MAX_FIRINGS = 1_000_000;

  private final RuleSet rules;
  private final KieSession session;
  private final long maxFirings;
  private final Map<String, FactHandle> handles = new LinkedHashMap<>();
  private final Map<Object, String> factIds = new IdentityHashMap<>();

  private final Map<String, Integer> firings = new java.util.TreeMap<>();

  private EvaluationSession(RuleSet rules, long maxFirings) {
    this.rules = rules;
    this.session = rules.kieBase().newKieSession();
    this.maxFirings = maxFirings;
    session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
        org.kie.api.definition.rule.Rule r = event.getMatch().getRule();
        firings.merge(r.getPackageName() + "." + r.getName(), 1, Integer::sum);
      }
    });
  }

  /** How often each rule has fired in this session, by qualified name; rules that never fired are absent. */
  public Map<String, Integer> firings() {
    return java.util.Collections.unmodifiableMap(firings);
  }

  /** Inserts the facts and fires the rules. */
  public static EvaluationSession start(RuleSet rules, List<BoundFact> facts, long maxFirings)
      throws EvaluationException {
    EvaluationSession s = new EvaluationSession(rules, maxFirings);
    try {
      facts.forEach(s::insert);
      s.fire();
      return s;
    } catch (EvaluationException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public void insert(BoundFact fact) {
    String id = fact.record().id();
    if (handles.containsKey(id)) {
      throw new IllegalArgumentException("fact already in the session: " + id);
    }
    handles.put(id, session.insert(fact.instance()));
    factIds.put(fact.instance(), id);
  }

  /** Retracts a stated fact; returns false when no fact has that id. */
  public boolean retract(String factId) {
    FactHandle h = handles.remove(factId);
    if (h == null) {
      return false;
    }
    factIds.remove(session.getObject(h));
    session.delete(h);
    return true;
  }

  /** Fires until quiet; returns how many rules fired. */
  public int fire() throws EvaluationException {
    int fired;
    try {
      fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, maxFirings));
    } catch (ConsequenceException e) {
      RuleInfo rule = rules.rule(e.getMatch().getRule()).orElse(null);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new EvaluationException(EvaluationException.Kind.RULE_FAILED,
          rule == null ? null : rule.location(),
          "rule \"" + e.getMatch().getRule().getName() + "\" failed: " + cause, e);
    }
    if (fired >= maxFirings) {
      throw new EvaluationException(EvaluationException.Kind.LIMIT_REACHED, null,
          "stopped after " + fired + " rule firings; a rule may be re-triggering itself", null);
    }
    return fired;
  }

  /** Every conclusion that truth maintenance holds now, with all its justifications. */
  public List<Conclusion> conclusions() {
    return new JustificationReader(rules, factIds).read(session);
  }

  @Override
  public void close() {
    session.dispose();
  }
}
