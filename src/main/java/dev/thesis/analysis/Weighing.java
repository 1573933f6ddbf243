package dev.thesis.analysis;

import dev.thesis.facts.Thesis;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Stance;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    return arguments(conclusions, QuestionWeighing.over(confidence), evidence);
  }

  /**
   * As above, each justification worth what {@code worth} says. Arguments come out by thesis, then
   * stance (by name), then conclusion id; each thesis and stance's are gathered in a list as the
   * conclusions come (in id order, as sessions give them), not under a key string per argument.
   */
  static List<Argument> arguments(
      List<Conclusion> conclusions, QuestionWeighing.Worth worth, EvidenceRules evidence) {
    Map<String, Group> groups = new HashMap<>();
    // The evidence rule a rating rule is, looked up once per rule rather than per justification.
    Map<RuleInfo, Optional<EvidenceRule>> rated = new IdentityHashMap<>();
    int number = 0;
    for (Conclusion c : conclusions) {
      for (Justification j : c.justifications()) {
        RuleInfo rule = j.rule();
        if (rule.argues()) {
          add(groups, c.id(), rule.thesis(), rule.stance(), worth.of(number, j));
        } else if (evidence != null && rule.ratesQuestion()) {
          var e = rated.computeIfAbsent(rule, r -> evidence.rule(r.qualifiedName()));
          if (e.isPresent()) {
            double v = worth.of(number, j);
            for (var rating : e.get().ratings().entrySet()) {
              String h = rating.getKey();
              double weight = rating.getValue().weight();
              if (weight > 1 && !h.equals(dev.thesis.facts.Question.OTHER)) {
                add(groups, c.id(), h, Stance.SUPPORTS, v);
              } else if (weight < 1 && !h.equals(dev.thesis.facts.Question.OTHER)) {
                add(groups, c.id(), h, Stance.OPPOSES, v);
              }
            }
          }
        }
        number++;
      }
    }
    List<Group> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparing(Group::key));
    List<Argument> out = new ArrayList<>();
    ordered.forEach(g -> out.addAll(g.inOrder()));
    return out;
  }

  /**
   * The arguments for one thesis with one stance. {@code key} is "thesis\0stance": ids hold no NUL,
   * so groups in key order, each by conclusion id, are in "thesis\0stance\0conclusion" order.
   */
  private record Group(String key, List<Argument> arguments) {
    /** By conclusion id, one per conclusion (its best), however the conclusions came. */
    List<Argument> inOrder() {
      for (int i = 1; i < arguments.size(); i++) {
        if (arguments.get(i - 1).conclusion().compareTo(arguments.get(i).conclusion()) >= 0) {
          List<Argument> sorted = new ArrayList<>(arguments);
          sorted.sort(Comparator.comparing(Argument::conclusion));
          List<Argument> out = new ArrayList<>();
          for (Argument a : sorted) {
            Argument last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || !last.conclusion().equals(a.conclusion())) {
              out.add(a);
            } else if (a.confidence() > last.confidence()) {
              out.set(out.size() - 1, a);
            }
          }
          return out;
        }
      }
      return arguments;
    }
  }

  /**
   * Adds an argument, or raises the one the conclusion already makes for the thesis and stance (a
   * conclusion's arguments all come before the next conclusion's).
   */
  private static void add(
      Map<String, Group> groups, String conclusion, String thesis, Stance stance, double v) {
    String key = thesis + "\u0000" + stance;
    Group g = groups.get(key);
    if (g == null) {
      g = new Group(key, new ArrayList<>());
      groups.put(key, g);
    }
    List<Argument> list = g.arguments();
    Argument prev = list.isEmpty() ? null : list.get(list.size() - 1);
    if (prev != null && prev.conclusion().equals(conclusion)) {
      if (v > prev.confidence()) {
        list.set(list.size() - 1, new Argument(conclusion, thesis, stance, v));
      }
    } else {
      list.add(new Argument(conclusion, thesis, stance, v));
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
