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
    List<String> moves =
        d.theses().stream()
            .map(
                m ->
                    m.hypothesis()
                        ? String.format(
                            Locale.ROOT,
                            "%s: %s -> %s, posterior %s -> %s%s",
                            m.id(),
                            m.verdictBefore(),
                            m.verdictAfter(),
                            four(m.posteriorBefore()),
                            four(m.posteriorAfter()),
                            because(m.because()))
                        : String.format(
                            Locale.ROOT,
                            "%s: %s -> %s, support %.4f -> %.4f, opposition %.4f -> %.4f%s",
                            m.id(),
                            m.verdictBefore(),
                            m.verdictAfter(),
                            m.supportBefore(),
                            m.supportAfter(),
                            m.oppositionBefore(),
                            m.oppositionAfter(),
                            because(m.because())))
            .toList();
    section(sb, "Theses moved", moves);
    section(sb, "Questions moved", d.questions().stream().map(DiffText::question).toList());
    section(sb, "Conclusions lost", lines(d.lost()));
    section(sb, "Conclusions gained", lines(d.gained()));
    section(sb, "Conclusions now resting on other facts", lines(d.reexplained()));
    section(sb, "Facts removed", d.factsRemoved());
    section(sb, "Facts added", d.factsAdded());
    section(sb, "Facts changed", d.factsChanged());
    section(sb, "Rules removed", d.rulesRemoved());
    section(sb, "Rules added", d.rulesAdded());
    return sb.toString();
  }

  /** "why: UNDECIDED -> FAVOURS, leader bubble -> defence, posterior bubble 0.3333 -> 0.1905". */
  private static String question(ReportDiff.QuestionMove m) {
    // Both sides always, as for theses: the line reads the same whatever moved.
    StringBuilder sb =
        new StringBuilder(m.id())
            .append(": ")
            .append(m.verdictBefore())
            .append(" -> ")
            .append(m.verdictAfter())
            .append(", leader ")
            .append(orDash(m.leaderBefore()))
            .append(" -> ")
            .append(orDash(m.leaderAfter()));
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
