package dev.thesis.report;

import dev.thesis.analysis.EvaluationDelta;
import dev.thesis.analysis.Tension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An {@link EvaluationDelta} for the terminal, one change a line. */
public final class DeltaText {
  private DeltaText() {}

  public static String render(EvaluationDelta d) {
    if (d.isEmpty()) {
      return "  no change in conclusions or verdicts\n";
    }
    StringBuilder sb = new StringBuilder();
    d.thesesAdded().forEach(id -> sb.append("  + thesis  ").append(id).append(" added\n"));
    d.thesesRemoved().forEach(id -> sb.append("  - thesis  ").append(id).append(" removed\n"));
    d.questionsAdded().forEach(id -> sb.append("  + question ").append(id).append(" added\n"));
    d.questionsRemoved().forEach(id -> sb.append("  - question ").append(id).append(" removed\n"));
    d.lost().forEach(id -> sb.append("  - lost    ").append(id).append('\n'));
    d.gained().forEach(id -> sb.append("  + gained  ").append(id).append('\n'));
    for (EvaluationDelta.ThesisChange c : d.theses()) {
      sb.append("  ~ thesis  ").append(c.thesis()).append(": ");
      if (c.verdictMoved()) {
        sb.append(c.before()).append(" -> ").append(c.after()).append(", ");
      } else {
        sb.append(c.after()).append(", ");
      }
      if (c.hypothesis()) {
        sb.append("posterior ")
            .append(c.posteriorBefore() == null ? "-" : Numbers.two(c.posteriorBefore()))
            .append(" -> ")
            .append(c.posteriorAfter() == null ? "-" : Numbers.two(c.posteriorAfter()))
            .append('\n');
        continue;
      }
      sb.append("support ")
          .append(Numbers.two(c.supportBefore()))
          .append(" -> ")
          .append(Numbers.two(c.supportAfter()))
          .append(", opposition ")
          .append(Numbers.two(c.oppositionBefore()))
          .append(" -> ")
          .append(Numbers.two(c.oppositionAfter()))
          .append('\n');
    }
    d.questions().forEach(c -> question(sb, c));
    for (Tension t : d.tensionsAppeared()) {
      sb.append("  ! tension ").append(t.a()).append(" <> ").append(t.b()).append(" appeared\n");
    }
    for (Tension t : d.tensionsDissolved()) {
      sb.append("  ! tension ").append(t.a()).append(" <> ").append(t.b()).append(" dissolved\n");
    }
    return sb.toString();
  }

  /**
   * "why: UNDECIDED, leader defence -> bubble, posterior bubble 0.19 -> 0.33, ...": what did not
   * move is named once, and every weighed hypothesis's posterior is shown.
   */
  private static void question(StringBuilder sb, EvaluationDelta.QuestionChange c) {
    sb.append("  ~ question ").append(c.question()).append(": ");
    if (c.verdictMoved()) {
      sb.append(c.before()).append(" -> ");
    }
    sb.append(c.after()).append(", leader ");
    if (c.leaderMoved()) {
      sb.append(c.leaderBefore()).append(" -> ");
    }
    sb.append(c.leaderAfter()).append(", posterior ");
    List<String> hypotheses = new ArrayList<>(c.posteriorsAfter().keySet());
    c.posteriorsBefore().keySet().stream()
        .filter(h -> !hypotheses.contains(h))
        .forEach(hypotheses::add);
    sb.append(
            hypotheses.stream()
                .map(
                    h ->
                        h
                            + " "
                            + two(c.posteriorsBefore().get(h))
                            + " -> "
                            + two(c.posteriorsAfter().get(h)))
                .collect(Collectors.joining(", ")))
        .append('\n');
  }

  private static String two(Double v) {
    return v == null ? "-" : Numbers.two(v);
  }
}
