package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Tension;
import dev.thesis.analysis.ThesisVerdict;
import java.util.Locale;

/** The table `thesis evaluate` prints: one row per thesis, then the tensions. */
public final class TerminalSummary {
  private TerminalSummary() {}

  public static String render(EvaluationResult r) {
    int w =
        Math.max(6, r.verdicts().stream().mapToInt(v -> v.thesis().id().length()).max().orElse(6));
    StringBuilder sb = new StringBuilder();
    String fmt = "%-" + w + "s  %-11s  %7s  %10s  %3s  %7s%n";
    sb.append(
        String.format(
            Locale.ROOT, fmt, "THESIS", "VERDICT", "SUPPORT", "OPPOSITION", "FOR", "AGAINST"));
    for (ThesisVerdict v : r.verdicts()) {
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              v.thesis().id(),
              v.verdict(),
              Numbers.two(v.support()),
              Numbers.two(v.opposition()),
              v.forArguments().size(),
              v.againstArguments().size()));
    }
    hingesOn(r, sb);
    sb.append('\n');
    if (r.tensions().isEmpty()) {
      sb.append("No tensions: no two rival theses both stand.\n");
    } else {
      sb.append("Tensions:\n");
      for (Tension t : r.tensions()) {
        sb.append("  ")
            .append(t.a())
            .append(" <> ")
            .append(t.b())
            .append(": ")
            .append(t.why())
            .append('\n');
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%d rules, %d facts, %d sources, %d conclusions.%n",
            r.rules().rules().size(),
            r.facts().size(),
            r.corpus().sources().size(),
            r.conclusions().size()));
    return sb.toString().replace("\r\n", "\n");
  }

  /**
   * Per thesis, the smallest fact sets its verdict hinges on (a few; the reports have them all).
   */
  private static void hingesOn(EvaluationResult r, StringBuilder sb) {
    boolean any = false;
    for (ThesisVerdict v : r.verdicts()) {
      var sets = r.critical(v.thesis().id());
      if (sets.isEmpty()) {
        continue;
      }
      if (!any) {
        sb.append("\nHinges on (removing these alone changes the verdict):\n");
        any = true;
      }
      sb.append("  ")
          .append(v.thesis().id())
          .append(": ")
          .append(Hinges.describe(sets, 3))
          .append('\n');
    }
  }
}
