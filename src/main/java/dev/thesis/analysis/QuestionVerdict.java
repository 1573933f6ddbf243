package dev.thesis.analysis;

import dev.thesis.facts.Question;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * A question weighed: posteriors over its hypotheses, its verdict, the evidence and how much each
 * item tells the hypotheses apart, what the verdict hinges on, and what to look for next.
 *
 * @param leader the top named hypothesis, even when undecided
 * @param runnerUp the top of the rest, which may be {@link Question#OTHER}
 * @param odds the leader's posterior over the runner-up's
 * @param posteriors by weighed hypothesis, in the question's order ({@link Question#OTHER} last)
 * @param evidence one item per rule that fired, most diagnostic first
 * @param priorShift the factor on the leader's prior odds against the runner-up at which the
 *     verdict changes: below 1 for a favoured leader (the verdict holds down to just above it),
 *     above 1 for an undecided question
 * @param next the question's evidence rules that did not fire, best discriminating first
 */
public record QuestionVerdict(
    Question question,
    Decision verdict,
    boolean incomplete,
    String leader,
    String runnerUp,
    double odds,
    Map<String, Double> posteriors,
    List<Hypothesis> hypotheses,
    List<Evidence> evidence,
    List<Linchpin> linchpins,
    double priorShift,
    List<Next> next) {

  public QuestionVerdict {
    posteriors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(posteriors));
    hypotheses = List.copyOf(hypotheses);
    evidence = List.copyOf(evidence);
    linchpins = List.copyOf(linchpins);
    next = List.copyOf(next);
  }

  public enum Decision {
    FAVOURS,
    UNDECIDED
  }

  public String id() {
    return question.id();
  }

  public Standing standing() {
    return new Standing(verdict.name(), leader);
  }

  /** The posterior of {@link Question#OTHER}, or null when the question is closed. */
  public Double other() {
    return posteriors.get(Question.OTHER);
  }

  /**
   * A named hypothesis weighed.
   *
   * @param untested no rule in the rule base rates it I or II: nothing could have counted against
   *     it
   */
  public record Hypothesis(String id, double posterior, Verdict verdict, boolean untested) {}

  /**
   * One rule's conclusions, counted once however often the rule fired.
   *
   * @param confidence the noisy-OR of each conclusion's confidence through this rule
   * @param ratings as the rule rates the hypotheses ({@link Question#OTHER} when it rates it)
   * @param unrated named hypotheses the rule does not rate (counted as N)
   * @param weights the discounted weight for each weighed hypothesis
   * @param diagnosticity max weight over min weight among the named hypotheses
   * @param sharesPremisesWith rules whose evidence rests on some of the same facts; null when that
   *     is not known (explanations were not kept: {@code --no-trace})
   */
  public record Evidence(
      RuleInfo rule,
      double confidence,
      Map<String, Rating> ratings,
      List<String> unrated,
      Map<String, Double> weights,
      double diagnosticity,
      List<String> conclusions,
      List<String> sharesPremisesWith) {
    public Evidence {
      ratings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ratings));
      unrated = List.copyOf(unrated);
      weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
      conclusions = List.copyOf(conclusions);
      sharesPremisesWith = sharesPremisesWith == null ? null : List.copyOf(sharesPremisesWith);
    }
  }

  /**
   * A change to one evidence item that alone changes the verdict (or the favoured leader).
   *
   * @param hypothesis, from, to for a rating change; null when the item is removed
   * @param leader the top named hypothesis after the change
   */
  public record Linchpin(
      String rule,
      Change change,
      String hypothesis,
      Rating from,
      Rating to,
      Decision verdict,
      String leader) {}

  public enum Change {
    WITHOUT,
    RATING;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * An evidence rule that did not fire, and how well it would tell the leader from the runner-up:
   * |log2 λ(leader) − log2 λ(runner-up)|.
   *
   * @param favours which of the two its evidence would favour; null when it tells them nothing
   *     apart
   */
  public record Next(RuleInfo rule, double discrimination, String favours) {}
}
