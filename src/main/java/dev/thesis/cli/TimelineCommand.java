package dev.thesis.cli;

import dev.thesis.analysis.Evaluator;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.analysis.Timeline;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.diag.TerminalText;
import dev.thesis.diag.Timings;
import dev.thesis.engine.EvaluationException;
import dev.thesis.inputs.Inputs;
import dev.thesis.inputs.Settings;
import dev.thesis.inputs.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description =
        "For each thesis and each question, its verdict at each date on which the corpus changes.")
final class TimelineCommand extends InputCommand {

  @Mixin TextOrJson output;

  TimelineCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    List<Timeline.Point> points;
    try {
      Settings settings = settings().withCriticalMax(0);
      Inputs in = new Workspace(settings, new Timings()).load(inputs.spec()).orThrow();
      Failures.warnings(console, in.warnings());
      points = Timeline.of(in, Evaluator.of(settings, in.facts().size(), console.progress()));
    } catch (InvalidInputException e) {
      return Failures.invalid(console, e);
    } catch (EvaluationException e) {
      return Failures.evaluation(console, e);
    }
    console.out().print(output.json() ? json(points) : TerminalText.lines(text(points)));
    console.out().flush();
    return ExitCodes.OK;
  }

  private static String label(Timeline.Point p) {
    return p.date() == null ? "undated" : p.date().toString();
  }

  static String text(List<Timeline.Point> points) {
    StringBuilder sb = new StringBuilder("Dates: ");
    for (Timeline.Point p : points) {
      sb.append(label(p))
          .append(p.date() == null ? " (facts without a date)" : " (+" + p.added().size() + ")")
          .append(p == points.get(points.size() - 1) ? "\n" : ", ");
    }
    for (Timeline.Point p : points) {
      if (p.date() != null) {
        sb.append("  ").append(label(p)).append("  + ").append(ids(p.added())).append('\n');
      }
    }
    List<ThesisVerdict> last = points.get(points.size() - 1).verdicts();
    for (int t = 0; t < last.size(); t++) {
      sb.append('\n').append(last.get(t).thesis().id()).append('\n');
      ThesisVerdict prev = null;
      for (Timeline.Point p : points) {
        ThesisVerdict v = p.verdicts().get(t);
        boolean moved = prev != null && prev.verdict() != v.verdict();
        // A hypothesis is weighed by its posterior; its noisy-OR sums decide nothing.
        String scores =
            v.posterior() != null
                ? String.format(Locale.ROOT, "posterior %.2f", v.posterior())
                : String.format(
                    Locale.ROOT, "support %.2f  opposition %.2f", v.support(), v.opposition());
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-10s %-11s %s%s%n",
                label(p),
                v.verdict(),
                scores,
                moved ? "  <- " + prev.verdict() : ""));
        prev = v;
      }
    }
    List<QuestionVerdict> questions = points.get(points.size() - 1).questions();
    for (int q = 0; q < questions.size(); q++) {
      questionRows(sb, points, q, questions.get(q));
    }
    return sb.toString();
  }

  /** How many fact ids a date's line names before "and N more". */
  static final int IDS_SHOWN = 8;

  /** The ids of the facts that arrived on a date, in file order, the first few. */
  private static String ids(List<String> added) {
    return dev.thesis.diag.Listing.firstOf(added, IDS_SHOWN);
  }

  /** A question's verdict, leader and the leader's posterior at each date. */
  private static void questionRows(
      StringBuilder sb, List<Timeline.Point> points, int q, QuestionVerdict last) {
    sb.append('\n').append(last.id()).append(" (question)\n");
    int width = last.question().hypotheses().stream().mapToInt(String::length).max().orElse(1);
    QuestionVerdict prev = null;
    for (Timeline.Point p : points) {
      QuestionVerdict v = p.questions().get(q);
      List<String> was = new ArrayList<>();
      if (prev != null && prev.verdict() != v.verdict()) {
        was.add(prev.verdict().name());
      }
      if (prev != null && !prev.leader().equals(v.leader())) {
        was.add("leader " + prev.leader());
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-10s %-11s leader %-" + width + "s  posterior %.2f%s%n",
              label(p),
              v.verdict(),
              v.leader(),
              v.posteriors().get(v.leader()),
              was.isEmpty() ? "" : "  <- " + String.join(", ", was)));
      prev = v;
    }
  }

  private static String json(List<Timeline.Point> points) {
    List<Object> rows = new ArrayList<>();
    for (Timeline.Point p : points) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("date", p.date() == null ? null : p.date().toString());
      row.put("added", p.added());
      Map<String, Object> theses = new LinkedHashMap<>();
      for (ThesisVerdict v : p.verdicts()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", v.verdict().name());
        m.put("support", Math.round(v.support() * 1e4) / 1e4);
        m.put("opposition", Math.round(v.opposition() * 1e4) / 1e4);
        theses.put(v.thesis().id(), m);
      }
      row.put("theses", theses);
      Map<String, Object> questions = new LinkedHashMap<>();
      for (QuestionVerdict q : p.questions()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", q.verdict().name());
        m.put("leader", q.leader());
        Map<String, Object> posteriors = new LinkedHashMap<>();
        q.posteriors().forEach((h, v) -> posteriors.put(h, Math.round(v * 1e4) / 1e4));
        m.put("posteriors", posteriors);
        questions.put(q.id(), m);
      }
      row.put("questions", questions);
      rows.add(row);
    }
    return dev.thesis.report.JsonText.write(Map.of("timeline", rows));
  }
}
