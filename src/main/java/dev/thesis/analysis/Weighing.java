package dev.thesis.analysis;

import dev.thesis.facts.Thesis;
import dev.thesis.rules.Stance;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Weighs each thesis's arguments into a verdict, and sets rival theses side by side. */
public final class Weighing {
  private Weighing() {}

  /** The arguments the conclusions make, one per conclusion, thesis and stance. */
  public static List<Argument> arguments(
      List<Conclusion> conclusions, Map<String, Double> confidence) {
    return arguments(conclusions, confidence, null);
  }

  /**
   * The arguments the conclusions make, one per conclusion, thesis and stance. A rule rating a
   * question's hypotheses argues for each it rates C or CC and against each it rates I or II.
   */
  static List<Argument> arguments(
      List<Conclusion> conclusions, Map<String, Double> confidence, EvidenceRules evidence) {
    Map<String, Argument> out = new TreeMap<>();
    for (Conclusion c : conclusions) {
      for (Justification j : c.justifications()) {
        if (j.rule().argues()) {
          add(out, c.id(), j.rule().thesis(), j.rule().stance(), Confidences.of(j, confidence));
        } else if (evidence != null && j.rule().ratesQuestion()) {
          var e = evidence.rule(j.rule().qualifiedName());
          if (e.isPresent()) {
            double v = Confidences.of(j, confidence);
            e.get()
                .ratings()
                .forEach(
                    (h, r) -> {
                      if (r.weight() > 1 && !h.equals(dev.thesis.facts.Question.OTHER)) {
                        add(out, c.id(), h, Stance.SUPPORTS, v);
                      } else if (r.weight() < 1 && !h.equals(dev.thesis.facts.Question.OTHER)) {
                        add(out, c.id(), h, Stance.OPPOSES, v);
                      }
                    });
          }
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static void add(
      Map<String, Argument> out, String conclusion, String thesis, Stance stance, double v) {
    String key = thesis + "\u0000" + stance + "\u0000" + conclusion;
    Argument prev = out.get(key);
    if (prev == null || v > prev.confidence()) {
      out.put(key, new Argument(conclusion, thesis, stance, v));
    }
  }

  public static List<ThesisVerdict> verdicts(
      List<Thesis> theses, List<Argument> arguments, Thresholds thresholds) {
    return verdicts(theses, arguments, thresholds, List.of(), null);
  }

  /**
   * Each thesis weighed: a hypothesis of a question takes its standing there; any other thesis is
   * judged by its arguments, and marked unchallenged when no rule in {@code rules} opposes it.
   */
  static List<ThesisVerdict> verdicts(
      List<Thesis> theses,
      List<Argument> arguments,
      Thresholds thresholds,
      List<QuestionVerdict> questions,
      dev.thesis.rules.RuleBook rules) {
    Map<String, List<Argument>> byThesis = new java.util.HashMap<>();
    arguments.forEach(a -> byThesis.computeIfAbsent(a.thesis(), k -> new ArrayList<>()).add(a));
    Map<String, QuestionVerdict.Hypothesis> hypotheses = new java.util.HashMap<>();
    Map<String, String> questionOf = new java.util.HashMap<>();
    for (QuestionVerdict q : questions) {
      q.hypotheses().forEach(h -> hypotheses.put(h.id(), h));
      q.hypotheses().forEach(h -> questionOf.put(h.id(), q.id()));
    }
    java.util.Set<String> opposed = new java.util.HashSet<>();
    if (rules != null) {
      rules.rules().stream()
          .filter(r -> r.argues() && r.stance() == Stance.OPPOSES)
          .forEach(r -> opposed.add(r.thesis()));
    }
    List<ThesisVerdict> out = new ArrayList<>();
    for (Thesis t : theses) {
      List<Argument> mine =
          byThesis.getOrDefault(t.id(), List.of()).stream()
              .sorted(Comparator.comparing(Argument::stance).thenComparing(Argument::conclusion))
              .toList();
      double support = Confidences.noisyOr(side(mine, Stance.SUPPORTS));
      double opposition = Confidences.noisyOr(side(mine, Stance.OPPOSES));
      ThesisVerdict v =
          new ThesisVerdict(
              t,
              Verdict.of(support, opposition, thresholds),
              support,
              opposition,
              mine,
              rivalsOf(t, theses),
              null,
              null,
              false,
              rules != null && !opposed.contains(t.id()));
      QuestionVerdict.Hypothesis h = hypotheses.get(t.id());
      out.add(h == null ? v : v.inQuestion(h, questionOf.get(t.id())));
    }
    out.sort(Comparator.comparing(v -> v.thesis().id()));
    return out;
  }

  /** Rivalry is symmetric: a thesis's rivals are those it names and those that name it. */
  static List<String> rivalsOf(Thesis t, List<Thesis> all) {
    TreeSet<String> r = new TreeSet<>(t.rivals());
    for (Thesis o : all) {
      if (o.rivals().contains(t.id())) {
        r.add(o.id());
      }
    }
    r.remove(t.id());
    return List.copyOf(r);
  }

  public static List<Tension> tensions(List<ThesisVerdict> verdicts) {
    Map<String, ThesisVerdict> byId = new TreeMap<>();
    verdicts.forEach(v -> byId.put(v.thesis().id(), v));
    List<Tension> out = new ArrayList<>();
    for (ThesisVerdict a : byId.values()) {
      for (String rival : a.rivals()) {
        ThesisVerdict b = byId.get(rival);
        if (b == null || a.thesis().id().compareTo(rival) >= 0) {
          continue;
        }
        if (a.verdict().standing() && b.verdict().standing()) {
          out.add(
              new Tension(
                  a.thesis().id(),
                  rival,
                  "rivals both stand: " + describe(a) + "; " + describe(b)));
        }
      }
    }
    return out;
  }

  private static String describe(ThesisVerdict v) {
    return String.format(
        Locale.ROOT,
        "%s is %s (support %.2f, opposition %.2f)",
        v.thesis().id(),
        v.verdict(),
        v.support(),
        v.opposition());
  }

  private static List<Double> side(List<Argument> args, Stance stance) {
    return args.stream().filter(a -> a.stance() == stance).map(Argument::confidence).toList();
  }
}
