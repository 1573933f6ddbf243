package dev.thesis.analysis;

import dev.thesis.engine.EvaluationException;
import dev.thesis.facts.BoundFact;
import dev.thesis.inputs.Inputs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The theses' and questions' verdicts at each date on which the corpus changes: first with the
 * undated facts only, then adding each date's facts, in order, to one live session.
 */
public final class Timeline {
  private Timeline() {}

  /**
   * The corpus as of one date.
   *
   * @param date null for the undated facts alone
   * @param added the facts dated that day
   * @param questions every question weighed then, in file order
   */
  public record Point(
      LocalDate date,
      List<String> added,
      List<ThesisVerdict> verdicts,
      List<QuestionVerdict> questions) {}

  public static List<Point> of(Inputs inputs, Evaluator evaluator) throws EvaluationException {
    List<BoundFact> undated =
        inputs.facts().stream().filter(f -> inputs.dateOf(f) == null).toList();
    Inputs start = new Inputs(inputs.rules(), inputs.corpus(), undated, inputs.warnings());
    List<Point> out = new ArrayList<>();
    try (LiveEvaluation live = LiveEvaluation.start(start, evaluator)) {
      EvaluationResult first = live.result();
      out.add(new Point(null, List.of(), first.verdicts(), first.questions()));
      for (LocalDate d : inputs.factDates()) {
        List<BoundFact> that =
            inputs.facts().stream().filter(f -> d.equals(inputs.dateOf(f))).toList();
        live.insert(that);
        EvaluationResult now = live.result();
        out.add(
            new Point(
                d,
                that.stream().map(f -> f.record().id()).toList(),
                now.verdicts(),
                now.questions()));
      }
    }
    return out;
  }
}
