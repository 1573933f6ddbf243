package dev.thesis.analysis;

import dev.thesis.engine.EvaluationException;
import dev.thesis.engine.EvaluationSession;
import dev.thesis.inputs.Inputs;
import dev.thesis.trace.Conclusion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Runs the rules over the facts and weighs the theses. */
public final class Evaluator {
  private final Thresholds thresholds;
  private final long maxFirings;
  private final int criticalMaxSize;
  private final boolean trace;
  private dev.thesis.diag.Progress progress = dev.thesis.diag.Progress.NONE;

  /**
   * @param criticalMaxSize the largest fact set tried in the critical-evidence analysis; 0 skips it
   */
  private Evaluator(Thresholds thresholds, long maxFirings, int criticalMaxSize, boolean trace) {
    this.thresholds = thresholds;
    this.maxFirings = maxFirings;
    this.criticalMaxSize = criticalMaxSize;
    this.trace = trace;
  }

  /**
   * An evaluator that keeps no explanations: variable bindings are not read, and once the theses
   * are weighed (which needs each justification's premises) conclusions keep no justifications. The
   * verdicts are the same; reports then show no argument trees, and no critical evidence is
   * searched for (it needs the justifications).
   */
  public Evaluator withoutTrace() {
    Evaluator e = new Evaluator(thresholds, maxFirings, 0, false);
    e.progress = progress;
    return e;
  }

  /** This evaluator, reporting long phases to {@code progress}. */
  public Evaluator reporting(dev.thesis.diag.Progress progress) {
    Evaluator e = new Evaluator(thresholds, maxFirings, criticalMaxSize, trace);
    e.progress = progress;
    return e;
  }

  /**
   * The evaluator the settings ask for, for a corpus of {@code facts} facts: thresholds, firing
   * limit, critical-evidence bound and explanation capture.
   */
  public static Evaluator of(
      dev.thesis.inputs.Settings settings, int facts, dev.thesis.diag.Progress progress) {
    Evaluator e =
        new Evaluator(
            Thresholds.of(settings),
            settings.maxFiringsFor(facts),
            settings.criticalMaxFor(facts),
            true);
    return (settings.trace() ? e : e.withoutTrace()).reporting(progress);
  }

  /**
   * A session with the inputs' facts inserted and the rules fired, for callers that go on using it.
   */
  EvaluationSession session(Inputs inputs) throws EvaluationException {
    return EvaluationSession.start(inputs.rules(), inputs.facts(), maxFirings, progress);
  }

  public EvaluationResult evaluate(Inputs inputs) throws EvaluationException {
    if (criticalMaxSize > 0) {
      try (LiveEvaluation live = LiveEvaluation.start(inputs, this)) {
        EvaluationResult base = live.result();
        return base.withCritical(CriticalEvidence.analyse(live, base, criticalMaxSize));
      }
    }
    try (EvaluationSession session =
        EvaluationSession.start(inputs.rules(), inputs.facts(), maxFirings, progress)) {
      List<Conclusion> conclusions;
      try (dev.thesis.diag.Progress.Task task = progress.start("reading conclusions", -1)) {
        conclusions = session.conclusions(trace);
      }
      try (dev.thesis.diag.Progress.Task task = progress.start("weighing", -1)) {
        return result(inputs, conclusions, session.firings());
      }
    }
  }

  /** Weighs the conclusions a session holds now (also after retractions). */
  public EvaluationResult result(
      Inputs inputs, List<Conclusion> conclusions, Map<String, Integer> firings) {
    // One numbering of the conclusions and the facts they rest on serves the arithmetic, the
    // weighing and the result's lookups; the confidences live in an array over it.
    IdGraph graph = IdGraph.of(inputs.facts(), conclusions);
    ConfidenceTable weighed = Confidences.compute(graph);
    QuestionWeighing.Worth worth = (number, j) -> weighed.justification(number);
    EvidenceRules evidence = EvidenceRules.of(inputs.rules().book(), inputs.corpus());
    List<Argument> arguments = Weighing.arguments(conclusions, worth, evidence);
    List<QuestionVerdict> questions =
        QuestionWeighing.weigh(
            evidence, conclusions, worth, thresholds.odds(), trace ? graph : null);
    List<ThesisVerdict> verdicts =
        Weighing.verdicts(
            inputs.corpus().theses(), arguments, thresholds, questions, inputs.rules().book());
    if (!trace) {
      List<Conclusion> bare = new ArrayList<>(conclusions.size());
      for (Conclusion c : conclusions) {
        bare.add(new Conclusion(c.id(), c.type(), c.fields(), List.of()));
      }
      conclusions = Collections.unmodifiableList(bare);
      graph = graph.withoutJustifications(conclusions);
    }
    return new EvaluationResult(
        new EvaluationResult.Evaluated(
            inputs.corpus(),
            inputs.rules().book(),
            inputs.facts(),
            conclusions,
            weighed.over(graph).asMap(),
            arguments,
            verdicts,
            Weighing.tensions(verdicts),
            questions,
            evidence,
            thresholds,
            new java.util.TreeMap<>(firings),
            inputs.files()),
        graph);
  }
}
