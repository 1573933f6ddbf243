package dev.thesis.analysis;

import java.util.List;

/**
 * Facts whose removal together (and not of any part alone) changes a thesis's verdict, or a
 * question's verdict or favoured leader, and to what.
 *
 * @param flipsTo the verdict after the removal: a {@link Verdict} for a thesis, a {@link
 *     QuestionVerdict.Decision} for a question
 * @param leader for a question, its top named hypothesis after the removal; null for a thesis
 */
public record CriticalSet(List<String> facts, String flipsTo, String leader) {
  public CriticalSet {
    facts = List.copyOf(facts);
  }

  static CriticalSet of(List<String> facts, Standing after) {
    return new CriticalSet(facts, after.verdict(), after.leader());
  }
}
