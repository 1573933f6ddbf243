package dev.thesis.analysis;

import dev.thesis.engine.EvaluationException;
import dev.thesis.engine.EvaluationSession;
import dev.thesis.facts.BoundFact;
import dev.thesis.inputs.Inputs;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation kept alive: facts can be taken out and put in, and the theses weighed again, in the
 * same Drools session. Truth maintenance withdraws and re-derives only what the change touches, so
 * asking "what if" costs far less than evaluating again from scratch.
 */
public final class LiveEvaluation implements AutoCloseable {
  private final Inputs inputs;
  private final Evaluator evaluator;
  private final EvaluationSession session;
  private final Map<String, BoundFact> present = new LinkedHashMap<>();
  private final Map<String, Integer> order = new java.util.HashMap<>();

  private LiveEvaluation(Inputs inputs, Evaluator evaluator, EvaluationSession session) {
    this.inputs = inputs;
    this.evaluator = evaluator;
    this.session = session;
    inputs.facts().forEach(f -> present.put(f.record().id(), f));
    for (BoundFact f : inputs.facts()) {
      order.put(f.record().id(), order.size());
    }
  }

  public static LiveEvaluation start(Inputs inputs, Evaluator evaluator)
      throws EvaluationException {
    return new LiveEvaluation(inputs, evaluator, evaluator.session(inputs));
  }

  /** The facts in the session now, in corpus order (facts put back keep their place). */
  public Collection<BoundFact> facts() {
    List<BoundFact> out = new java.util.ArrayList<>(present.values());
    out.sort(
        java.util.Comparator.comparingInt(
            f -> order.getOrDefault(f.record().id(), Integer.MAX_VALUE)));
    return out;
  }

  public boolean has(String factId) {
    return present.containsKey(factId);
  }

  /** Takes facts out and fires; unknown ids are ignored. */
  public void retract(Collection<String> factIds) throws EvaluationException {
    for (String id : factIds) {
      if (present.remove(id) != null) {
        session.retract(id);
      }
    }
    session.fire();
  }

  /** Puts facts in and fires. */
  public void insert(Collection<BoundFact> facts) throws EvaluationException {
    for (BoundFact f : facts) {
      session.insert(f);
      present.put(f.record().id(), f);
    }
    session.fire();
  }

  /** The theses weighed on what the session holds now. */
  public EvaluationResult result() throws EvaluationException {
    List<BoundFact> facts = List.copyOf(facts());
    Inputs now =
        new Inputs(inputs.rules(), inputs.corpus(), facts, inputs.warnings(), inputs.files());
    return evaluator.result(now, session.conclusions(), session.firings());
  }

  @Override
  public void close() {
    session.close();
  }
}
