package dev.thesis.analysis;

import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Confidence arithmetic. A justification is worth its rule's strength times its weakest premise
 * (min); a conclusion is worth its best justification (max). Conclusions can rest on each other, in
 * cycles too, so values are computed as a least fixed point: start every conclusion at 0 and raise
 * until nothing changes. Support that only goes round a cycle thus counts for nothing.
 */
public final class Confidences {
  private Confidences() {}

  /** The confidence of every fact and every conclusion, by id. */
  public static Map<String, Double> compute(
      Map<String, Double> facts, List<Conclusion> conclusions) {
    return computeInto(new HashMap<>(facts), conclusions);
  }

  /**
   * As {@link #compute}, in place: {@code value} holds the facts' confidences and receives the
   * conclusions' (no copy of a map as large as the corpus).
   */
  public static Map<String, Double> computeInto(
      Map<String, Double> value, List<Conclusion> conclusions) {
    conclusions.forEach(c -> value.put(c.id(), 0.0));
    // Each round fixes at least one more conclusion's final value, so this many rounds suffice.
    for (int round = 0; round <= conclusions.size(); round++) {
      boolean changed = false;
      for (Conclusion c : conclusions) {
        double best = 0.0;
        for (Justification j : c.justifications()) {
          best = Math.max(best, of(j, value));
        }
        if (best > value.get(c.id())) {
          value.put(c.id(), best);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return value;
  }

  /**
   * As {@link #computeInto}, over a graph's numbered nodes: each premise was looked up once, when
   * the graph was built, instead of in every round, and no confidence is boxed. Only the facts some
   * premise names are read.
   */
  static ConfidenceTable compute(IdGraph graph) {
    int n = graph.conclusionCount();
    double[] value = new double[graph.nodeCount()];
    for (int node = n; node < value.length; node++) {
      value[node] = graph.factConfidence(node);
    }
    // Each round fixes at least one more conclusion's final value, so this many rounds suffice.
    for (int round = 0; round <= n; round++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        double best = 0.0;
        for (int j = graph.firstJustification(i), end = graph.firstJustification(i + 1);
            j < end;
            j++) {
          best = Math.max(best, worth(graph, j, value));
        }
        if (best > value[i]) {
          value[i] = best;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return new ConfidenceTable(graph, value);
  }

  /** As {@link #of}, for justification {@code j} of a graph, over its nodes' values. */
  static double worth(IdGraph graph, int j, double[] value) {
    double weakest = 1.0;
    for (int p = graph.firstPremise(j), end = graph.firstPremise(j + 1); p < end; p++) {
      int node = graph.premise(p);
      weakest = Math.min(weakest, node < 0 ? 0.0 : value[node]);
    }
    return graph.strength(j) * weakest;
  }

  /** Strength times the weakest premise; a rule with no premises is as strong as it says. */
  public static double of(Justification j, Map<String, Double> known) {
    double weakest = 1.0;
    for (String p : j.premises()) {
      weakest = Math.min(weakest, known.getOrDefault(p, 0.0));
    }
    return j.rule().strength() * weakest;
  }

  /** 1 - prod(1 - c): independent pieces of evidence, any of which may carry the claim. */
  public static double noisyOr(List<Double> values) {
    double none = 1.0;
    for (double v : values) {
      none *= 1.0 - v;
    }
    return 1.0 - none;
  }
}
