package dev.thesis.report;

import dev.thesis.analysis.EvaluationDelta;
import dev.thesis.analysis.Tension;

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
    d.lost().forEach(id -> sb.append("  - lost    ").append(id).append('\n'));
    d.gained().forEach(id -> sb.append("  + gained  ").append(id).append('\n'));
    for (EvaluationDelta.ThesisChange c : d.theses()) {
      sb.append("  ~ thesis  ").append(c.thesis()).append(": ");
      if (c.verdictMoved()) {
        sb.append(c.before()).append(" -> ").append(c.after()).append(", ");
      } else {
        sb.append(c.after()).append(", ");
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
    for (Tension t : d.tensionsAppeared()) {
      sb.append("  ! tension ").append(t.a()).append(" <> ").append(t.b()).append(" appeared\n");
    }
    for (Tension t : d.tensionsDissolved()) {
      sb.append("  ! tension ").append(t.a()).append(" <> ").append(t.b()).append(" dissolved\n");
    }
    return sb.toString();
  }
}
