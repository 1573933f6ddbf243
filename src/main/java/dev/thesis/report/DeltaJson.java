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
                  return m;
                })
            .toList());
    root.put(
        "tensions_appeared",
        d.tensionsAppeared().stream().map(t -> List.of(t.a(), t.b())).toList());
    root.put(
        "tensions_dissolved",
        d.tensionsDissolved().stream().map(t -> List.of(t.a(), t.b())).toList());
    return JsonText.write(root);
  }

  private static Map<String, Object> ordered(double before, double after) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("before", before);
    m.put("after", after);
    return m;
  }
}
