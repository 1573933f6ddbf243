package dev.thesis.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two evaluations: conclusions gained and lost, theses whose verdict or scores
 * moved, tensions that appeared or dissolved.
 */
public record EvaluationDelta(
    List<String> gained,
    List<String> lost,
    List<ThesisChange> theses,
    List<Tension> tensionsAppeared,
    List<Tension> tensionsDissolved,
    List<String> thesesAdded,
    List<String> thesesRemoved) {

  /** A thesis whose verdict, support or opposition moved (at report precision). */
  public record ThesisChange(
      String thesis,
      Verdict before,
      Verdict after,
      double supportBefore,
      double supportAfter,
      double oppositionBefore,
      double oppositionAfter) {
    public boolean verdictMoved() {
      return before != after;
    }
  }

  public boolean isEmpty() {
    return gained.isEmpty()
        && lost.isEmpty()
        && theses.isEmpty()
        && tensionsAppeared.isEmpty()
        && tensionsDissolved.isEmpty()
        && thesesAdded.isEmpty()
        && thesesRemoved.isEmpty();
  }

  public static EvaluationDelta between(EvaluationResult before, EvaluationResult after) {
    TreeSet<String> was = new TreeSet<>();
    before.conclusions().forEach(c -> was.add(c.id()));
    TreeSet<String> is = new TreeSet<>();
    after.conclusions().forEach(c -> is.add(c.id()));
    List<String> gained = is.stream().filter(id -> !was.contains(id)).toList();
    List<String> lost = was.stream().filter(id -> !is.contains(id)).toList();

    Map<String, ThesisVerdict> old = new HashMap<>();
    before.verdicts().forEach(v -> old.put(v.thesis().id(), v));
    List<ThesisChange> theses = new ArrayList<>();
    List<String> added = new ArrayList<>();
    Set<String> now = new java.util.HashSet<>();
    for (ThesisVerdict v : after.verdicts()) {
      now.add(v.thesis().id());
      ThesisVerdict o = old.get(v.thesis().id());
      if (o == null) {
        added.add(v.thesis().id());
      }
      Verdict vb = o == null ? Verdict.UNSUPPORTED : o.verdict();
      double sb = o == null ? 0 : o.support();
      double ob = o == null ? 0 : o.opposition();
      if (vb != v.verdict()
          || round(sb) != round(v.support())
          || round(ob) != round(v.opposition())) {
        theses.add(
            new ThesisChange(
                v.thesis().id(), vb, v.verdict(), sb, v.support(), ob, v.opposition()));
      }
    }
    List<String> removed = old.keySet().stream().filter(id -> !now.contains(id)).sorted().toList();
    return new EvaluationDelta(
        gained,
        lost,
        theses,
        minus(after.tensions(), before.tensions()),
        minus(before.tensions(), after.tensions()),
        added,
        removed);
  }

  private static List<Tension> minus(List<Tension> a, List<Tension> b) {
    return a.stream()
        .filter(t -> b.stream().noneMatch(u -> u.a().equals(t.a()) && u.b().equals(t.b())))
        .toList();
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
