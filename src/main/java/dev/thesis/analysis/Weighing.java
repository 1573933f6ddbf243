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
    Map<String, Argument> out = new TreeMap<>();
    for (Conclusion c : conclusions) {
      for (Justification j : c.justifications()) {
        if (!j.rule().argues()) {
          continue;
        }
        String key = j.rule().thesis() + "\u0000" + j.rule().stance() + "\u0000" + c.id();
        double v = Confidences.of(j, confidence);
        Argument prev = out.get(key);
        if (prev == null || v > prev.confidence()) {
          out.put(key, new Argument(c.id(), j.rule().thesis(), j.rule().stance(), v));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  public static List<ThesisVerdict> verdicts(
      List<Thesis> theses, List<Argument> arguments, Thresholds thresholds) {
    List<ThesisVerdict> out = new ArrayList<>();
    for (Thesis t : theses) {
      List<Argument> mine =
          arguments.stream()
              .filter(a -> a.thesis().equals(t.id()))
              .sorted(Comparator.comparing(Argument::stance).thenComparing(Argument::conclusion))
              .toList();
      double support = Confidences.noisyOr(side(mine, Stance.SUPPORTS));
      double opposition = Confidences.noisyOr(side(mine, Stance.OPPOSES));
      out.add(
          new ThesisVerdict(
              t,
              Verdict.of(support, opposition, thresholds),
              support,
              opposition,
              mine,
              rivalsOf(t, theses)));
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
