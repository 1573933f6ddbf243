package dev.thesis.report;

import dev.thesis.report.ReportDiff.Change;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link ReportDiff} for the terminal: one section per kind of change, empty sections left out.
 */
final class DiffText {
  private DiffText() {}

  static String render(ReportDiff d) {
    if (d.isEmpty()) {
      return "The reports agree.\n";
    }
    StringBuilder sb = new StringBuilder();
    section(sb, "Inputs changed", d.inputsChanged());
    List<String> moves = d.theses().stream().map(DiffText::thesis).toList();
    section(sb, "Theses moved", moves);
    section(sb, "Questions moved", d.questions().stream().map(DiffText::question).toList());
    section(sb, "Conclusions lost", lines(d.lost()));
    section(sb, "Conclusions gained", lines(d.gained()));
    section(sb, "Conclusions now resting on other facts", lines(d.reexplained()));
    section(sb, "Facts removed", d.factsRemoved());
    section(sb, "Facts added", d.factsAdded());
    section(sb, "Facts changed", edits(d.factsChanged(), ""));
    section(sb, "Rules removed", d.rulesRemoved());
    section(sb, "Rules added", d.rulesAdded());
    section(sb, "Rules changed", edits(d.rulesChanged(), "\""));
    return sb.toString();
  }

  /**
   * "bubble: still SUPPORTED, support 0.6400 -> 0.4000": a verdict that did not move is not shown
   * as a move, and only the scores that moved are.
   */
  private static String thesis(ReportDiff.ThesisMove m) {
    StringBuilder sb = new StringBuilder(m.id()).append(": ");
    verdict(sb, m.verdictBefore(), m.verdictAfter());
    if (m.hypothesis()) {
      sb.append(", posterior ")
          .append(four(m.posteriorBefore()))
          .append(" -> ")
          .append(four(m.posteriorAfter()));
    } else {
      score(sb, "support", m.supportBefore(), m.supportAfter());
      score(sb, "opposition", m.oppositionBefore(), m.oppositionAfter());
    }
    return sb.append(because(m.because())).toString();
  }

  private static void verdict(StringBuilder sb, String before, String after) {
    sb.append(before.equals(after) ? "still " + after : before + " -> " + after);
  }

  private static void score(StringBuilder sb, String name, double before, double after) {
    if (before != after) {
      sb.append(", ").append(name).append(' ').append(four(before)).append(" -> ");
      sb.append(four(after));
    }
  }

  /** {@code f2: confidence 0.5 -> 0.9, scale heavy -> massive}; a rule's name in quotes. */
  private static List<String> edits(List<ReportDiff.Edited> edited, String quote) {
    return edited.stream()
        .map(
            e ->
                quote
                    + e.id()
                    + quote
                    + ": "
                    + e.changes().stream()
                        .filter(c -> !c.field().equals("body"))
                        .map(c -> c.field() + " " + orDash(c.before()) + " -> " + orDash(c.after()))
                        .collect(Collectors.joining(", "))
                    + body(e.changes()))
        .toList();
  }

  /**
   * A rule's body edit, as the lines removed and added under the rule's line: the whole body before
   * and after would bury a one-word change.
   */
  private static String body(List<ReportDiff.FieldChange> changes) {
    return changes.stream()
        .filter(c -> c.field().equals("body"))
        .map(
            c ->
                (changes.size() > 1 ? ", " : "")
                    + "body changed:"
                    + LineDiff.changed(c.before(), c.after()).stream()
                        .map(l -> "\n      " + l)
                        .collect(Collectors.joining()))
        .collect(Collectors.joining());
  }

  /** "why: UNDECIDED -> FAVOURS, leader bubble -> defence, posterior bubble 0.3333 -> 0.1905". */
  private static String question(ReportDiff.QuestionMove m) {
    StringBuilder sb = new StringBuilder(m.id()).append(": ");
    verdict(sb, m.verdictBefore(), m.verdictAfter());
    if (!java.util.Objects.equals(m.leaderBefore(), m.leaderAfter())) {
      sb.append(", leader ")
          .append(orDash(m.leaderBefore()))
          .append(" -> ")
          .append(orDash(m.leaderAfter()));
    }
    if (!m.posteriors().isEmpty()) {
      sb.append(", posterior ")
          .append(
              m.posteriors().stream()
                  .map(p -> p.hypothesis() + " " + four(p.before()) + " -> " + four(p.after()))
                  .collect(Collectors.joining(", ")));
    }
    return sb.append(because(m.because())).toString();
  }

  private static String four(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  private static List<String> lines(List<Change> changes) {
    return changes.stream().map(c -> c.id() + because(c.because())).toList();
  }

  private static String because(List<String> why) {
    return why.isEmpty() ? "" : "  (" + String.join("; ", why) + ")";
  }

  private static void section(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append(title).append(" (").append(lines.size()).append("):\n");
    lines.forEach(l -> sb.append("  ").append(l).append('\n'));
  }
}
