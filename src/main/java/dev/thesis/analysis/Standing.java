package dev.thesis.analysis;

import java.util.Objects;

/**
 * Where a thesis or a question stands, as far as "did removing this change it?" is concerned: a
 * thesis by its verdict; a question by its verdict and, when it favours one, its leader.
 *
 * @param leader the top named hypothesis of a question (null for a thesis); it counts towards
 *     equality only when the question favours it
 */
public record Standing(String verdict, String leader) {
  public static Standing of(Verdict v) {
    return new Standing(v.name(), null);
  }

  private boolean leaderCounts() {
    return QuestionVerdict.Decision.FAVOURS.name().equals(verdict);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standing s
        && verdict.equals(s.verdict)
        && (!leaderCounts() || Objects.equals(leader, s.leader));
  }

  @Override
  public int hashCode() {
    return leaderCounts() ? Objects.hash(verdict, leader) : verdict.hashCode();
  }
}
