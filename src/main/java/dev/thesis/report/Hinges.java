package dev.thesis.report;

import dev.thesis.analysis.CriticalSet;
import dev.thesis.analysis.QuestionVerdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Critical evidence in words: {@code f1 -> UNSUPPORTED; f2 + f3 -> CONTESTED}; for a question,
 * {@code f1 -> FAVOURS bubble} or {@code f2 -> UNDECIDED (bubble leads)}.
 */
final class Hinges {
  private Hinges() {}

  static String describe(List<CriticalSet> sets, int limit) {
    String shown =
        sets.stream()
            .limit(limit)
            .map(c -> String.join(" + ", c.facts()) + " -> " + after(c))
            .collect(Collectors.joining("; "));
    return sets.size() > limit ? shown + "; +" + (sets.size() - limit) + " more" : shown;
  }

  private static String after(CriticalSet c) {
    return c.leader() == null
        ? c.flipsTo()
        : QuestionWords.outcome(QuestionVerdict.Decision.valueOf(c.flipsTo()), c.leader());
  }
}
