package dev.thesis.report;

import dev.thesis.analysis.EvaluationDelta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link EvaluationDelta} as JSON, in the same fixed style as report.json. */
public final class DeltaJson {
  private DeltaJson() {}

  public static String render(EvaluationDelta d, Map<String, Object> header) {
    Map<String, Object> root = new LinkedHashMap<>(header);
    root.put("theses_added", d.thesesAdded());
    root.put("theses_removed", d.thesesRemoved());
    root.put("questions_added", d.questionsAdded());
    root.put("questions_removed", d.questionsRemoved());
    root.put("lost", d.lost());
    root.put("gained", d.gained());
    root.put(
        "theses",
        d.theses().stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", c.thesis());
                  Map<String, Object> verdict = new LinkedHashMap<>();
                  verdict.put("before", c.before().name());
                  verdict.put("after", c.after().name());
                  m.put("verdict", verdict);
                  m.put(
                      "support",
                      ordered(Numbers.round4(c.supportBefore()), Numbers.round4(c.supportAfter())));
                  m.put(
                      "opposition",
                      ordered(
                          Numbers.round4(c.oppositionBefore()),
                          Numbers.round4(c.oppositionAfter())));
                  if (c.hypothesis()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put(
                        "before",
                        c.posteriorBefore() == null ? null : Numbers.round4(c.posteriorBefore()));
                    p.put(
                        "after",
                        c.posteriorAfter() == null ? null : Numbers.round4(c.posteriorAfter()));
                    m.put("posterior", p);
                  }
                  return m;
                })
            .toList());
    root.put("questions", d.questions().stream().map(DeltaJson::question).toList());
    root.put(
        "tensions_appeared",
        d.tensionsAppeared().stream().map(t -> List.of(t.a(), t.b())).toList());
    root.put(
        "tensions_dissolved",
        d.tensionsDissolved().stream().map(t -> List.of(t.a(), t.b())).toList());
    return JsonText.write(root);
  }

  /** Verdict, leader and every weighed hypothesis's posterior, each as before and after. */
  private static Map<String, Object> question(EvaluationDelta.QuestionChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.question());
    m.put("verdict", ordered(c.before().name(), c.after().name()));
    m.put("leader", ordered(c.leaderBefore(), c.leaderAfter()));
    Map<String, Object> posteriors = new LinkedHashMap<>();
    c.posteriorsAfter()
        .forEach(
            (h, p) -> posteriors.put(h, ordered(rounded(c.posteriorsBefore().get(h)), rounded(p))));
    c.posteriorsBefore().forEach((h, p) -> posteriors.putIfAbsent(h, ordered(rounded(p), null)));
    m.put("posteriors", posteriors);
    return m;
  }

  private static Double rounded(Double v) {
    return v == null ? null : Numbers.round4(v);
  }

  private static Map<String, Object> ordered(Object before, Object after) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("before", before);
    m.put("after", after);
    return m;
  }
}
