package dev.thesis.analysis;

import dev.thesis.facts.Thesis;
import java.util.List;

/**
 * A thesis weighed: its verdict, the noisy-OR of each side, and the arguments on each side.
 *
 * @param question the question the thesis is a hypothesis of, or null; then the verdict is its
 *     standing among the rival hypotheses, and support and opposition only describe its arguments
 * @param posterior its posterior in that question, or null outside questions
 * @param untested in a question: no rule in the rule base rates it I or II
 * @param unchallenged outside questions: no rule in the rule base opposes it
 */
public record ThesisVerdict(
    Thesis thesis,
    Verdict verdict,
    double support,
    double opposition,
    List<Argument> arguments,
    List<String> rivals,
    String question,
    Double posterior,
    boolean untested,
    boolean unchallenged) {

  public ThesisVerdict {
    arguments = List.copyOf(arguments);
    rivals = List.copyOf(rivals);
  }

  /** A thesis outside questions. */
  public ThesisVerdict(
      Thesis thesis,
      Verdict verdict,
      double support,
      double opposition,
      List<Argument> arguments,
      List<String> rivals) {
    this(thesis, verdict, support, opposition, arguments, rivals, null, null, false, false);
  }

  /** This thesis as a hypothesis of a question, with its standing there. */
  ThesisVerdict inQuestion(QuestionVerdict.Hypothesis h, String questionId) {
    return new ThesisVerdict(
        thesis,
        h.verdict(),
        support,
        opposition,
        arguments,
        rivals,
        questionId,
        h.posterior(),
        h.untested(),
        false);
  }

  public List<Argument> forArguments() {
    return arguments.stream().filter(a -> a.stance() == dev.thesis.rules.Stance.SUPPORTS).toList();
  }

  public List<Argument> againstArguments() {
    return arguments.stream().filter(a -> a.stance() == dev.thesis.rules.Stance.OPPOSES).toList();
  }
}
