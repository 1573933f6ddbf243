package dev.thesis.analysis;

import dev.thesis.facts.Question;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * A rule that bears on a question, with its ratings resolved against the question's hypotheses.
 *
 * @param ratings the hypotheses the rule rates ({@link Question#OTHER} included when it rates it),
 *     in the question's order; an {@code @thesis}/{@code @stance} rule rates its thesis C or I
 * @param unrated named hypotheses the rule does not rate: they count as N, and are shown as unrated
 */
public record EvidenceRule(
    RuleInfo rule, Question question, Map<String, Rating> ratings, List<String> unrated) {

  public EvidenceRule {
    ratings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ratings));
    unrated = List.copyOf(unrated);
  }

  /** The rating that counts for a named hypothesis: its own, or N when unrated. */
  public Rating ratingOf(String hypothesis) {
    return ratings.getOrDefault(hypothesis, Rating.N);
  }
}
