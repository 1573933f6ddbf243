package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.Tension;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.diag.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table `thesis evaluate` prints: one row per thesis, a block per question, then what verdicts
 * hinge on and the tensions. Text from the inputs (ids, titles, rule names) is escaped with {@link
 * TerminalText}.
 */
public final class TerminalSummary {
  /** Evidence items shown per question; the reports have them all. */
  private static final int EVIDENCE_SHOWN = 3;

  private static final int BAR = 20;

  private TerminalSummary() {}

  public static String render(EvaluationResult r) {
    StringBuilder sb = new StringBuilder();
    table(r, sb);
    for (QuestionVerdict q : r.questions()) {
      question(q, r.thresholds().odds(), sb);
    }
    hingesOn(r, sb);
    sb.append('\n');
    if (r.tensions().isEmpty()) {
      sb.append("No tensions: no two rival theses both stand.\n");
    } else {
      sb.append("Tensions:\n");
      for (Tension t : r.tensions()) {
        sb.append("  ")
            .append(esc(t.a()))
            .append(" <> ")
            .append(esc(t.b()))
            .append(": ")
            .append(esc(t.why()))
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
   * One row per thesis. POSTERIOR appears only when the corpus has questions, and MARK only when
   * some thesis is marked, so a corpus without either reads as before.
   */
  private static void table(EvaluationResult r, StringBuilder sb) {
    int w =
        Math.max(
            6, r.verdicts().stream().mapToInt(v -> esc(v.thesis().id()).length()).max().orElse(6));
    boolean posteriors = !r.questions().isEmpty();
    boolean marks = r.verdicts().stream().anyMatch(v -> mark(v) != null);
    String fmt = "%-" + w + "s  %-11s  %7s  %10s  %3s  %7s";
    List<String> header =
        new ArrayList<>(List.of("THESIS", "VERDICT", "SUPPORT", "OPPOSITION", "FOR", "AGAINST"));
    if (posteriors) {
      fmt += "  %9s";
      header.add("POSTERIOR");
    }
    if (marks) {
      fmt += "  %s";
      header.add("MARK");
    }
    sb.append(String.format(Locale.ROOT, fmt, header.toArray()).stripTrailing()).append('\n');
    for (ThesisVerdict v : r.verdicts()) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  esc(v.thesis().id()),
                  v.verdict(),
                  // A hypothesis is weighed by its posterior: noisy-OR sums would mislead.
                  v.question() == null ? Numbers.two(v.support()) : "-",
                  v.question() == null ? Numbers.two(v.opposition()) : "-",
                  v.forArguments().size(),
                  v.againstArguments().size()));
      if (posteriors) {
        row.add(v.posterior() == null ? "" : Numbers.two(v.posterior()));
      }
      if (marks) {
        row.add(mark(v) == null ? "" : mark(v));
      }
      sb.append(String.format(Locale.ROOT, fmt, row.toArray()).stripTrailing()).append('\n');
    }
  }

  /**
   * "untested" for a hypothesis nothing could count against, "unchallenged" for a thesis outside
   * questions that no rule opposes: either verdict was never put to the test.
   */
  static String mark(ThesisVerdict v) {
    if (v.untested()) {
      return "untested";
    }
    return v.unchallenged() ? "unchallenged" : null;
  }

  /**
   * A question: a posterior bar per weighed hypothesis, the verdict, the most diagnostic evidence,
   * the linchpins and the best evidence still to look for.
   */
  private static void question(QuestionVerdict q, double odds, StringBuilder sb) {
    sb.append("\nQuestion ")
        .append(esc(q.id()))
        .append(": ")
        .append(esc(q.question().title()))
        .append('\n');
    int w = q.posteriors().keySet().stream().mapToInt(h -> esc(h).length()).max().orElse(5);
    for (var e : q.posteriors().entrySet()) {
      int full = (int) Math.round(e.getValue() * BAR);
      String verdict =
          q.hypotheses().stream()
              .filter(h -> h.id().equals(e.getKey()))
              .findFirst()
              .map(h -> "  " + h.verdict() + (h.untested() ? " (untested)" : ""))
              .orElse("");
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-" + w + "s  %s  %s%s%n",
              esc(e.getKey()),
              "\u2588".repeat(full) + "\u2591".repeat(BAR - full),
              Numbers.two(e.getValue()),
              verdict));
    }
    sb.append("  ").append(esc(QuestionWords.verdict(q, odds))).append('\n');
    if (q.evidence().isEmpty()) {
      sb.append("  No evidence rule of this question fired.\n");
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              "  Most diagnostic evidence (%d of %d):%n",
              Math.min(EVIDENCE_SHOWN, q.evidence().size()),
              q.evidence().size()));
      for (QuestionVerdict.Evidence e : q.evidence().stream().limit(EVIDENCE_SHOWN).toList()) {
        sb.append("    \"")
            .append(esc(e.rule().name()))
            .append("\"  [")
            .append(Numbers.two(e.confidence()))
            .append("]  ")
            .append(esc(QuestionWords.ratings(q, e)))
            .append(
                QuestionWords.nonDiagnostic(e)
                    ? "  (non-diagnostic)"
                    : "  (diagnosticity " + Numbers.two(e.diagnosticity()) + ")")
            .append('\n');
      }
    }
    for (String pair : QuestionWords.sharedPremises(q)) {
      sb.append("  Warning: ").append(esc(pair)).append(".\n");
    }
    if (!q.linchpins().isEmpty()) {
      sb.append("  Linchpins (this change alone changes the verdict):\n");
      for (QuestionVerdict.Linchpin l : q.linchpins()) {
        sb.append("    ").append(esc(QuestionWords.linchpin(l))).append('\n');
      }
    }
    q.next().stream()
        .filter(n -> n.discrimination() > 0)
        .findFirst()
        .ifPresentOrElse(
            n ->
                sb.append("  Best next evidence: \"")
                    .append(esc(n.rule().name()))
                    .append("\", would move the odds of ")
                    .append(esc(q.leader()))
                    .append(" against ")
                    .append(esc(q.runnerUp()))
                    .append(' ')
                    .append(esc(QuestionWords.factor(n)))
                    .append('\n'),
            () ->
                sb.append("  No evidence rule left would tell ")
                    .append(esc(q.leader()))
                    .append(" from ")
                    .append(esc(q.runnerUp()))
                    .append(".\n"));
  }

  /**
   * Per thesis and question, the smallest fact sets its verdict hinges on (a few; the reports have
   * them all).
   */
  private static void hingesOn(EvaluationResult r, StringBuilder sb) {
    List<String> ids = new ArrayList<>();
    r.verdicts().forEach(v -> ids.add(v.thesis().id()));
    r.questions().forEach(q -> ids.add(q.id()));
    boolean any = false;
    for (String id : ids) {
      var sets = r.critical(id);
      if (sets.isEmpty()) {
        continue;
      }
      if (!any) {
        sb.append("\nHinges on (removing these alone changes the verdict):\n");
        any = true;
      }
      sb.append("  ")
          .append(esc(id))
          .append(": ")
          .append(esc(Hinges.describe(sets, 3)))
          .append('\n');
    }
  }

  private static String esc(String text) {
    return TerminalText.escape(text);
  }
}
