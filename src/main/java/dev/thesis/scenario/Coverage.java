package dev.thesis.scenario;

import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Which rules the scenarios fired: per rule, how many scenarios fired it at least once. */
public record Coverage(List<Entry> rules) {

  /** One rule and the number of scenarios that fired it. */
  public record Entry(RuleInfo rule, int scenarios) {}

  public Coverage {
    rules = List.copyOf(rules);
  }

  public static Coverage of(Map<java.nio.file.Path, RuleSet> ruleSets, List<Outcome> outcomes) {
    List<Entry> out = new ArrayList<>();
    for (var set : ruleSets.entrySet()) {
      for (RuleInfo r : set.getValue().rules()) {
        int n = 0;
        for (Outcome o : outcomes) {
          // A firing counts for the folder the scenario ran against, not for a same-named rule
          // elsewhere.
          if (set.getKey().equals(o.rulesDir())
              && o.firings().getOrDefault(r.qualifiedName(), 0) > 0) {
            n++;
          }
        }
        out.add(new Entry(r, n));
      }
    }
    out.sort(
        Comparator.comparing((Entry e) -> e.rule().location().file())
            .thenComparingInt(e -> e.rule().location().line()));
    return new Coverage(out);
  }

  public long fired() {
    return rules.stream().filter(e -> e.scenarios() > 0).count();
  }

  /** Share of rules fired, in percent; 0 when there are no rules (nothing was shown to fire). */
  public double percent() {
    return rules.isEmpty() ? 0.0 : 100.0 * fired() / rules.size();
  }
}
