package dev.thesis.engine;

import dev.thesis.diag.Thrown;
import dev.thesis.drools.Handles;
import dev.thesis.facts.BoundFact;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleSet;
import dev.thesis.trace.Conclusion;
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
  public static final long DEFAULT_MAX_FIRINGS = dev.thesis.inputs.Settings.DEFAULT_MAX_FIRINGS;

  private final RuleSet rules;
  private final KieSession session;
  private final long maxFirings;

  /** The rule whose consequence runs now, to name it when the consequence throws an Error. */
  private volatile org.kie.api.definition.rule.Rule firingNow;

  /** Stated facts' ids by handle number, for reading conclusions' premises. */
  private final IdTable factIds;

  /**
   * Stated facts' handles by id, for retracting and for refusing a second insert; made at the first
   * call that needs it, so that a run that only inserts, fires and reads never builds it.
   */
  private Map<String, FactHandle> handles;

  /** The facts {@link #start} inserted, in order, beside their handles (until {@link #handles}). */
  private List<BoundFact> started = List.of();

  private FactHandle[] startedHandles = new FactHandle[0];

  /** Firings by rule object: counted per firing without building its name (a million times). */
  private final Map<org.kie.api.definition.rule.Rule, int[]> firingsByRule =
      new java.util.IdentityHashMap<>();

  private dev.thesis.diag.Progress.Task firingTask = dev.thesis.diag.Progress.SILENT_TASK;
  private final dev.thesis.diag.Progress progress;
  private final boolean followFirings;
  private long firedTotal;

  private EvaluationSession(
      RuleSet rules, long maxFirings, dev.thesis.diag.Progress progress, int facts) {
    this.rules = rules;
    this.factIds = new IdTable(facts + 16);
    this.progress = progress;
    this.followFirings = progress.followsFirings();
    this.session = rules.kieBase().newKieSession();
    this.maxFirings = maxFirings;
    session.addEventListener(
        new org.kie.api.event.rule.DefaultAgendaEventListener() {
          @Override
          public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
            firingNow = event.getMatch().getRule();
            if (followFirings) {
              org.kie.api.definition.rule.Rule r = event.getMatch().getRule();
              progress.firing(r.getPackageName() + "." + r.getName());
            }
          }

          @Override
          public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
            if (followFirings) {
              progress.fired();
            }
            firingsByRule.computeIfAbsent(event.getMatch().getRule(), r -> new int[1])[0]++;
            if (++firedTotal % 10_000 == 0) {
              firingTask.stepBy(10_000);
            }
          }
        });
  }

  /**
   * How often each rule has fired in this session, by qualified name; rules that never fired are
   * absent.
   */
  public Map<String, Integer> firings() {
    Map<String, Integer> firings = new java.util.TreeMap<>();
    firingsByRule.forEach(
        (r, n) -> firings.merge(r.getPackageName() + "." + r.getName(), n[0], Integer::sum));
    return java.util.Collections.unmodifiableMap(firings);
  }

  /** Inserts the facts and fires the rules. */
  public static EvaluationSession start(RuleSet rules, List<BoundFact> facts, long maxFirings)
      throws EvaluationException {
    return start(rules, facts, maxFirings, dev.thesis.diag.Progress.NONE);
  }

  /** As {@link #start(RuleSet, List, long)}, reporting inserts and firings. */
  public static EvaluationSession start(
      RuleSet rules, List<BoundFact> facts, long maxFirings, dev.thesis.diag.Progress progress)
      throws EvaluationException {
    EvaluationSession s = new EvaluationSession(rules, maxFirings, progress, facts.size());
    try {
      try (dev.thesis.diag.Progress.Task task = progress.start("inserting facts", facts.size())) {
        // The corpus loader has refused repeated ids already: no map by id is needed to insert.
        s.started = facts;
        s.startedHandles = new FactHandle[facts.size()];
        int n = 0;
        for (BoundFact f : facts) {
          s.startedHandles[n] = s.add(f);
          if (++n % 10_000 == 0) {
            task.stepBy(10_000);
          }
        }
        task.stepBy(n % 10_000);
      }
      try (dev.thesis.diag.Progress.Task task = progress.start("firing rules", -1)) {
        s.firingTask = task;
        s.fire();
      } finally {
        s.firingTask = dev.thesis.diag.Progress.SILENT_TASK;
      }
      return s;
    } catch (EvaluationException | RuntimeException | Error e) {
      s.close();
      throw e;
    }
  }

  /**
   * An Error from the rules' code, as the failure of the rule that was firing (when known), or the
   * memory limit; the session is left to be closed, which frees what the rules held.
   */
  private EvaluationException errorFrom(
      Error e, org.kie.api.definition.rule.Rule firing, String matching) {
    Thrown.Kind kind = Thrown.kind(e);
    RuleInfo rule = firing == null ? null : rules.rule(firing).orElse(null);
    String who =
        firing == null
            ? "a rule"
            : "rule \""
                + firing.getName()
                + "\""
                + (rule == null ? "" : " (" + rule.location() + ")");
    if (kind == Thrown.Kind.MEMORY) {
      return new EvaluationException(
          EvaluationException.Kind.MEMORY_LIMIT,
          null,
          Thrown.memory(
              firing != null
                  ? "firing " + who
                  : matching != null ? matching.substring("while ".length()) : "firing the rules"),
          null);
    }
    return new EvaluationException(
        EvaluationException.Kind.RULE_FAILED,
        rule == null ? null : rule.location(),
        (firing == null ? who : "rule \"" + firing.getName() + "\"")
            + " failed"
            + (matching == null ? "" : " " + matching)
            + ": "
            + Thrown.describe(e),
        null);
  }

  /** Inserts a fact; a rule constraint that throws on it is reported as that rule's failure. */
  public void insert(BoundFact fact) throws EvaluationException {
    String id = fact.record().id();
    Map<String, FactHandle> byId = handles();
    if (byId.containsKey(id)) {
      throw new IllegalArgumentException("fact already in the session: " + id);
    }
    byId.put(id, add(fact));
  }

  private FactHandle add(BoundFact fact) throws EvaluationException {
    String id = fact.record().id();
    FactHandle h;
    try {
      h = session.insert(fact.instance());
    } catch (RuntimeException e) {
      throw ruleFailed(e, "while matching fact \"" + id + "\"");
    } catch (Error e) {
      throw errorFrom(e, null, "while matching fact \"" + id + "\"");
    }
    factIds.put(Handles.number(h), fact.instance(), id);
    return h;
  }

  private Map<String, FactHandle> handles() {
    if (handles == null) {
      handles = new java.util.HashMap<>(started.size() * 4 / 3 + 16);
      for (int i = 0; i < started.size(); i++) {
        if (startedHandles[i] != null) {
          handles.put(started.get(i).record().id(), startedHandles[i]);
        }
      }
      started = List.of();
      startedHandles = null;
    }
    return handles;
  }

  /** Retracts a stated fact; returns false when no fact has that id. */
  public boolean retract(String factId) {
    FactHandle h = handles().remove(factId);
    if (h == null) {
      return false;
    }
    factIds.remove(Handles.number(h));
    session.delete(h);
    return true;
  }

  /** Fires until quiet; returns how many rules fired. */
  public int fire() throws EvaluationException {
    int fired;
    try {
      // One firing more than allowed tells a run that needs exactly the limit from one that needs
      // more.
      fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE - 1L, maxFirings) + 1);
    } catch (ConsequenceException e) {
      RuleInfo rule = rules.rule(e.getMatch().getRule()).orElse(null);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new EvaluationException(
          EvaluationException.Kind.RULE_FAILED,
          rule == null ? null : rule.location(),
          "rule \"" + e.getMatch().getRule().getName() + "\" failed: " + cause,
          e);
    } catch (RuntimeException e) {
      throw ruleFailed(e, "while firing");
    } catch (Error e) {
      // Drools hands consequences' Errors through unwrapped; they are the rule's doing, not ours.
      throw errorFrom(e, firingNow, null);
    }
    if (fired > maxFirings) {
      fired = (int) maxFirings;
      throw new EvaluationException(
          EvaluationException.Kind.LIMIT_REACHED,
          null,
          "stopped after "
              + fired
              + " rule firings (--max-firings); a rule may be re-triggering itself."
              + " Fired most: "
              + mostFired(3),
          null);
    }
    return fired;
  }

  /** The rules that fired most, with where they are written: a loop names itself. */
  String mostFired(int n) {
    return firings().entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(
            e -> {
              String at =
                  rules.rules().stream()
                      .filter(r -> r.qualifiedName().equals(e.getKey()))
                      .findFirst()
                      .map(r -> " (" + r.location() + ")")
                      .orElse("");
              return "\""
                  + e.getKey().substring(e.getKey().lastIndexOf('.') + 1)
                  + "\""
                  + at
                  + " "
                  + e.getValue()
                  + " times";
            })
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * A rule's constraint threw; Drools names the rule only in the message ("Rule \"r\" in file").
   */
  private EvaluationException ruleFailed(RuntimeException e, String when) {
    String rule = dev.thesis.drools.EngineMessages.ruleName(e).orElse(null);
    dev.thesis.diag.Location at =
        rule == null
            ? null
            : rules.rules().stream()
                .filter(r -> r.name().equals(rule))
                .map(RuleInfo::location)
                .findFirst()
                .orElse(null);
    String what = rule == null ? "a rule failed " + when : "rule \"" + rule + "\" failed " + when;
    return new EvaluationException(
        EvaluationException.Kind.RULE_FAILED,
        at,
        what + ": " + dev.thesis.drools.EngineMessages.reason(e),
        e);
  }

  /** Every conclusion that truth maintenance holds now, with all its justifications. */
  public List<Conclusion> conclusions() throws EvaluationException {
    return conclusions(true);
  }

  /** As {@link #conclusions()}; without bindings (premises only) when {@code bindings} is false. */
  public List<Conclusion> conclusions(boolean bindings) throws EvaluationException {
    return new JustificationReader(rules, factIds, bindings).read(session);
  }

  @Override
  public void close() {
    session.dispose();
  }
}
