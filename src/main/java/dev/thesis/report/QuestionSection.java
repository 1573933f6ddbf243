package dev.thesis.report;

import static dev.thesis.report.MarkdownReport.anchor;
import static dev.thesis.report.MarkdownReport.md;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.facts.Question;

/**
 * A question in report.md: its verdict, posteriors, the ACH matrix, what the verdict hinges on, its
 * linchpins, what would settle it, and each evidence item's conclusions down to the sources.
 */
final class QuestionSection {
  private QuestionSection() {}

  static void render(QuestionVerdict q, EvaluationResult r, StringBuilder sb) {
    Question question = q.question();
    sb.append("\n### ").append(md(q.id())).append("\n\n");
    sb.append("**").append(md(question.title())).append("**");
    if (question.claim() != null) {
      sb.append(": ").append(md(question.claim()));
    }
    sb.append("\n\nVerdict **")
        .append(md(QuestionWords.verdict(q, r.thresholds().odds())).replaceFirst(":", "**:"))
        .append(". ")
        .append(md(QuestionWords.priorShift(q)))
        .append("\n\n");
    posteriors(q, r, sb);
    matrix(q, sb);
    for (String pair : QuestionWords.sharedPremises(q)) {
      sb.append("**Warning**: ").append(md(pair)).append(".\n\n");
    }
    if (!r.critical(q.id()).isEmpty()) {
      sb.append("Hinges on (removing these facts alone changes the verdict): ")
          .append(md(Hinges.describe(r.critical(q.id()), Integer.MAX_VALUE)))
          .append(".\n\n");
    }
    if (!q.linchpins().isEmpty()) {
      sb.append("Linchpins (this one change alone changes the verdict):\n\n");
      for (QuestionVerdict.Linchpin l : q.linchpins()) {
        sb.append("- ").append(md(QuestionWords.linchpin(l))).append('\n');
      }
      sb.append('\n');
    }
    settle(q, sb);
    for (QuestionVerdict.Evidence e : q.evidence()) {
      evidence(q, e, r, sb);
    }
  }

  private static void posteriors(QuestionVerdict q, EvaluationResult r, StringBuilder sb) {
    sb.append("| Hypothesis | Posterior | Verdict |\n|---|---:|---|\n");
    for (var p : q.posteriors().entrySet()) {
      var h = q.hypotheses().stream().filter(x -> x.id().equals(p.getKey())).findFirst();
      String name =
          h.isPresent()
              ? "[" + md(p.getKey()) + "](#" + anchor(p.getKey()) + ")"
              : md(p.getKey()) + " (none of these)";
      String verdict =
          h.map(x -> "**" + x.verdict() + "**" + (x.untested() ? " _(untested)_" : "")).orElse("");
      sb.append("| ")
          .append(name)
          .append(" | ")
          .append(Numbers.two(p.getValue()))
          .append(" | ")
          .append(verdict)
          .append(" |\n");
    }
    sb.append('\n');
  }

  /**
   * Evidence (rows, most diagnostic first) by hypothesis (columns, other included): each cell the
   * rating as written, then its weight once discounted by the item's confidence.
   */
  private static void matrix(QuestionVerdict q, StringBuilder sb) {
    if (q.evidence().isEmpty()) {
      sb.append("No evidence rule of this question fired.\n\n");
      return;
    }
    sb.append(
        "Evidence by hypothesis, most diagnostic first: each cell is the rating (CC, C, N, I, II)"
            + " and the weight it carries once discounted by the evidence's confidence. A"
            + " hypothesis the rule does not rate is _unrated_ (weighed as N); an unrated other"
            + " takes the weight the named ratings imply. Rows in italics are non-diagnostic:"
            + " they weigh every named hypothesis alike.\n\n");
    sb.append("| Evidence | Confidence |");
    q.question().weighed().forEach(h -> sb.append(' ').append(md(h)).append(" |"));
    sb.append(" Diagnosticity |\n|---|---:|");
    q.question().weighed().forEach(h -> sb.append("---|"));
    sb.append("---:|\n");
    for (QuestionVerdict.Evidence e : q.evidence()) {
      boolean grey = QuestionWords.nonDiagnostic(e);
      String link = "[" + md(e.rule().name()) + "](#" + anchor(evidenceHeading(q, e)) + ")";
      sb.append("| ")
          .append(grey ? "_" + link + "_" : link)
          .append(" `")
          .append(e.rule().location().file())
          .append(':')
          .append(e.rule().location().line())
          .append("` | ")
          .append(Numbers.two(e.confidence()))
          .append(" |");
      for (String h : q.question().weighed()) {
        String rating = QuestionWords.cell(e, h);
        String weight = Numbers.two(e.weights().get(h));
        String cell =
            rating == null
                ? weight
                : ("unrated".equals(rating) ? "_unrated_" : rating) + " " + weight;
        sb.append(' ').append(grey ? "_" + cell + "_" : cell).append(" |");
      }
      sb.append(' ')
          .append(grey ? "_1.00 non-diagnostic_" : Numbers.two(e.diagnosticity()))
          .append(" |\n");
    }
    sb.append('\n');
  }

  private static void settle(QuestionVerdict q, StringBuilder sb) {
    if (q.next().isEmpty()) {
      sb.append("What would settle it: every evidence rule of this question has fired.\n\n");
      return;
    }
    sb.append("What would settle it (evidence rules that did not fire, by how far each would move")
        .append(" the odds of ")
        .append(md(q.leader()))
        .append(" against ")
        .append(md(q.runnerUp()))
        .append("):\n\n");
    for (QuestionVerdict.Next n : q.next()) {
      sb.append("- ")
          .append(md(n.rule().name()))
          .append(" at `")
          .append(n.rule().location().file())
          .append(':')
          .append(n.rule().location().line())
          .append("`: ")
          .append(QuestionWords.factor(n))
          .append(n.discrimination() > 0 ? "" : " (would not tell them apart)")
          .append('\n');
    }
    sb.append('\n');
  }

  /** An evidence item's heading, which gives its anchor: unique per question. */
  static String evidenceHeading(QuestionVerdict q, QuestionVerdict.Evidence e) {
    return "Evidence: " + e.rule().name() + " (" + q.id() + ")";
  }

  private static void evidence(
      QuestionVerdict q, QuestionVerdict.Evidence e, EvaluationResult r, StringBuilder sb) {
    // After the trees of the item before, a blank line ends their list.
    if (sb.charAt(sb.length() - 2) != '\n') {
      sb.append('\n');
    }
    sb.append("#### ").append(md(evidenceHeading(q, e))).append("\n\n");
    sb.append("Rule **")
        .append(md(e.rule().name()))
        .append("** at `")
        .append(e.rule().location().file())
        .append(':')
        .append(e.rule().location().line())
        .append("`, confidence ")
        .append(Numbers.two(e.confidence()))
        .append(": ")
        .append(md(QuestionWords.ratings(q, e)))
        .append('.');
    if (QuestionWords.sharesWith(e) != null) {
      sb.append(" It ").append(md(QuestionWords.sharesWith(e))).append('.');
    }
    sb.append("\n\n");
    for (ExplanationNode c : Explanations.conclusionsOf(r, e)) {
      MarkdownReport.item(c, 0, sb);
    }
  }
}
