package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A question weighed, in report.json: its hypotheses' posteriors, the evidence item by item, what
 * the verdict hinges on and what would settle it. Verdicts and ratings are kept as the strings
 * written, as in {@link ThesisEntry}.
 *
 * @param leader the top named hypothesis, even when undecided
 * @param runnerUp the top of the rest, which may be "other"
 * @param odds the leader's posterior over the runner-up's
 * @param other the posterior of "none of these"; null (written) when the question is closed
 * @param priorShift the factor on the leader's prior odds against the runner-up at which the
 *     verdict changes
 */
public record QuestionEntry(
    String id,
    String title,
    String verdict,
    boolean incomplete,
    String leader,
    @JsonProperty("runner_up") String runnerUp,
    double odds,
    Double other,
    List<Hypothesis> hypotheses,
    List<Evidence> evidence,
    List<Critical> critical,
    List<Linchpin> linchpins,
    @JsonProperty("prior_shift") double priorShift,
    List<Next> next) {

  /** A named hypothesis: a thesis id, its posterior and where that leaves it. */
  public record Hypothesis(String id, double posterior, String verdict, boolean untested) {}

  /**
   * One rule's conclusions, counted once however often it fired.
   *
   * @param ratings as the rule rates the hypotheses ("other" when it rates it)
   * @param unrated named hypotheses it does not rate (counted as N)
   * @param weights the discounted likelihood weight for every weighed hypothesis
   */
  public record Evidence(
      String rule,
      String file,
      int line,
      double confidence,
      Map<String, String> ratings,
      List<String> unrated,
      Map<String, Double> weights,
      double diagnosticity,
      List<String> conclusions,
      @JsonProperty("shares_premises_with") List<String> sharesPremisesWith) {}

  /**
   * A smallest set of facts whose removal changes the verdict or the favoured leader.
   *
   * @param leader the top named hypothesis without them
   */
  public record Critical(List<String> facts, String verdict, String leader) {}

  /**
   * A change to one evidence item that alone changes the verdict or the favoured leader.
   *
   * @param change "without" (the item removed) or "rating" (one rating a step up or down)
   * @param hypothesis for a rating change only, as {@code from} and {@code to}
   */
  public record Linchpin(
      String rule,
      String change,
      @JsonInclude(Include.NON_NULL) String hypothesis,
      @JsonInclude(Include.NON_NULL) String from,
      @JsonInclude(Include.NON_NULL) String to,
      String verdict,
      String leader) {}

  /**
   * An evidence rule that did not fire, and how well it would tell the leader from the runner-up.
   */
  /**
   * @param favours the leader or the runner-up, whichever its evidence would favour; else null
   */
  public record Next(String rule, String file, int line, double discrimination, String favours) {}
}
