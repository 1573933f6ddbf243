package dev.thesis.scenario;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How `thesis test` shows its results: lines like a test runner's, or JSON for machines. */
public final class TestReport {
  private TestReport() {}

  /** The line (and, for a failure, the detail) printed as soon as a scenario has run. */
  public static String line(Outcome o) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-5s %s  %s  (%.2f s)%n",
            o.status(),
            o.scenario().location().file() + ":" + o.scenario().location().line(),
            dev.thesis.diag.TerminalText.escape(o.scenario().name()),
            o.seconds()));
    for (Failure f : o.failures()) {
      sb.append("      expected: ")
          .append(f.expectation().describe())
          .append("  (")
          .append(f.expectation().location())
          .append(")\n");
      sb.append("      found:    ").append(f.found()).append('\n');
      for (String c : f.candidates()) {
        sb.append("      nearest:  ").append(c).append('\n');
      }
    }
    for (Diagnostic d : o.problems()) {
      sb.append("      ").append(d).append('\n');
    }
    return sb.toString();
  }

  public static String summary(List<Outcome> outcomes, double seconds) {
    long passed = count(outcomes, Outcome.Status.PASS);
    long failed = count(outcomes, Outcome.Status.FAIL);
    long errors = count(outcomes, Outcome.Status.ERROR);
    return String.format(
        Locale.ROOT,
        "%n%d scenario(s): %d passed, %d failed, %d could not run (%.2f s)%n",
        outcomes.size(),
        passed,
        failed,
        errors,
        seconds);
  }

  public static String coverage(Coverage c) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nRule coverage: %d of %d rules fired in at least one scenario (%.1f%%)%n",
                c.fired(),
                c.rules().size(),
                c.percent()));
    sb.append("  scenarios  rule\n");
    for (Coverage.Entry e : c.rules()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %9d  %s:%d  %s%s%n",
              e.scenarios(),
              e.rule().location().file(),
              e.rule().location().line(),
              e.rule().name(),
              e.scenarios() == 0 ? "  NEVER FIRED" : ""));
    }
    List<Coverage.Entry> never = c.rules().stream().filter(e -> e.scenarios() == 0).toList();
    if (!never.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "Never fired (%d):%n", never.size()));
      never.forEach(
          e ->
              sb.append("  ")
                  .append(e.rule().location().file())
                  .append(':')
                  .append(e.rule().location().line())
                  .append("  ")
                  .append(e.rule().name())
                  .append('\n'));
    }
    return sb.toString();
  }

  public static String json(List<Outcome> outcomes, Coverage coverage, double seconds) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> scenarios = new ArrayList<>();
    for (Outcome o : outcomes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", o.scenario().location().file());
      m.put("line", o.scenario().location().line());
      m.put("name", o.scenario().name());
      m.put("status", o.status().name());
      m.put("seconds", Math.round(o.seconds() * 1000) / 1000.0);
      List<Object> failures = new ArrayList<>();
      for (Failure f : o.failures()) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("expected", f.expectation().describe());
        fm.put("file", f.expectation().location().file());
        fm.put("line", f.expectation().location().line());
        fm.put("column", f.expectation().location().column());
        fm.put("found", f.found());
        fm.put("nearest", f.candidates());
        failures.add(fm);
      }
      m.put("failures", failures);
      m.put("problems", o.problems().stream().map(Diagnostic::toString).toList());
      scenarios.add(m);
    }
    root.put("scenarios", scenarios);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("scenarios", outcomes.size());
    summary.put("passed", count(outcomes, Outcome.Status.PASS));
    summary.put("failed", count(outcomes, Outcome.Status.FAIL));
    summary.put("errors", count(outcomes, Outcome.Status.ERROR));
    summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
    root.put("summary", summary);
    if (coverage != null) {
      Map<String, Object> cov = new LinkedHashMap<>();
      cov.put("percent", Math.round(coverage.percent() * 10) / 10.0);
      cov.put(
          "rules",
          coverage.rules().stream()
              .map(
                  e -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("name", e.rule().name());
                    r.put("file", e.rule().location().file());
                    r.put("line", e.rule().location().line());
                    r.put("scenarios", e.scenarios());
                    return r;
                  })
              .toList());
      root.put("coverage", cov);
    }
    try {
      return new ObjectMapper()
              .writer(
                  new DefaultPrettyPrinter(
                          Separators.createDefaultInstance()
                              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                              .withArrayEmptySeparator(""))
                      .withObjectIndenter(new DefaultIndenter("  ", "\n")))
              .writeValueAsString(root)
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(List<Outcome> outcomes, Outcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }
}
