package dev.thesis.cli;

import dev.thesis.analysis.Evaluator;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.analysis.Timeline;
import dev.thesis.diag.InvalidInputException;
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
    description = "For each thesis, its verdict at each date on which the corpus changes.")
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
    console.out().print(output.json() ? json(points) : text(points));
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
    List<ThesisVerdict> last = points.get(points.size() - 1).verdicts();
    for (int t = 0; t < last.size(); t++) {
      sb.append('\n').append(last.get(t).thesis().id()).append('\n');
      ThesisVerdict prev = null;
      for (Timeline.Point p : points) {
        ThesisVerdict v = p.verdicts().get(t);
        boolean moved = prev != null && prev.verdict() != v.verdict();
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-10s %-11s support %.2f  opposition %.2f%s%n",
                label(p),
                v.verdict(),
                v.support(),
                v.opposition(),
                moved ? "  <- " + prev.verdict() : ""));
        prev = v;
      }
    }
    return sb.toString();
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
      rows.add(row);
    }
    return dev.thesis.report.JsonText.write(Map.of("timeline", rows));
  }
}
