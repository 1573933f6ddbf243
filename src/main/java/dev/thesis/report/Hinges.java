package dev.thesis.report;

import dev.thesis.analysis.CriticalSet;
import java.util.List;
import java.util.stream.Collectors;

/** Critical evidence in words: {@code f1 -> UNSUPPORTED; f2 + f3 -> CONTESTED}. */
final class Hinges {
  private Hinges() {}

  static String describe(List<CriticalSet> sets, int limit) {
    String shown =
        sets.stream()
            .limit(limit)
            .map(c -> String.join(" + ", c.facts()) + " -> " + c.flipsTo())
            .collect(Collectors.joining("; "));
    return sets.size() > limit ? shown + "; +" + (sets.size() - limit) + " more" : shown;
  }
}
