package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thesis.diag.Location;
import dev.thesis.facts.Thesis;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Stance;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeighingTest {
  private static final Thresholds T = Thresholds.DEFAULT;

  private static Thesis thesis(String id, String... rivals) {
    return new Thesis(id, id.toUpperCase(), null, null, List.of(rivals), Location.ofFile("f.json"));
  }

  @Test
  void verdictsFollowTheThresholds() {
    assertThat(Verdict.of(0.5, 0.49, T)).isEqualTo(Verdict.SUPPORTED);
    assertThat(Verdict.of(0.49, 0.5, T)).isEqualTo(Verdict.REFUTED);
    assertThat(Verdict.of(0.5, 0.5, T)).isEqualTo(Verdict.CONTESTED);
    assertThat(Verdict.of(0.49, 0.49, T)).isEqualTo(Verdict.UNSUPPORTED);
    assertThat(Verdict.of(0.3, 0.0, new Thresholds(0.25, 0.5))).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void anArgumentCountsOnlyJustificationsOfRulesThatArgueIt() {
    RuleInfo pro = new RuleInfo("p", "pro", Location.ofFile("r.drl"), "t", Stance.SUPPORTS, 0.5);
    RuleInfo plain = new RuleInfo("p", "plain", Location.ofFile("r.drl"), null, null, 1.0);
    Conclusion c =
        new Conclusion(
            "c",
            "C",
            Map.of(),
            List.of(
                new Justification(pro, Map.of(), List.of("f")),
                new Justification(plain, Map.of(), List.of("f"))));
    List<Argument> args = Weighing.arguments(List.of(c), Map.of("f", 0.8, "c", 0.8));
    assertThat(args)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.thesis()).isEqualTo("t");
              assertThat(a.stance()).isEqualTo(Stance.SUPPORTS);
              assertThat(a.confidence()).isCloseTo(0.4, within(1e-12));
            });
  }

  /** The arguments as a map keyed "thesis\0stance\0conclusion" orders them. */
  private static List<Argument> byKey(List<Conclusion> conclusions, Map<String, Double> known) {
    Map<String, Argument> out = new java.util.TreeMap<>();
    for (Conclusion c : conclusions) {
      for (Justification j : c.justifications()) {
        double v = Confidences.of(j, known);
        String key = j.rule().thesis() + "\u0000" + j.rule().stance() + "\u0000" + c.id();
        Argument prev = out.get(key);
        if (prev == null || v > prev.confidence()) {
          out.put(key, new Argument(c.id(), j.rule().thesis(), j.rule().stance(), v));
        }
      }
    }
    return List.copyOf(out.values());
  }

  @Test
  void argumentsComeByThesisStanceAndConclusionWhateverTheOrderOfTheConclusions() {
    String[] theses = {"t", "t-2", "tt", "a", "t2"};
    Stance[] stances = {Stance.SUPPORTS, Stance.OPPOSES};
    for (long seed = 0; seed < 300; seed++) {
      java.util.Random r = new java.util.Random(seed);
      List<Conclusion> conclusions = new java.util.ArrayList<>();
      Map<String, Double> known = new java.util.HashMap<>();
      for (int i = 0; i < 20; i++) {
        known.put("f" + i, r.nextInt(5) / 4.0);
      }
      for (int i = r.nextInt(30); i > 0; i--) {
        List<Justification> js = new java.util.ArrayList<>();
        for (int k = r.nextInt(4); k >= 0; k--) {
          RuleInfo rule =
              new RuleInfo(
                  "p",
                  "r" + k,
                  Location.ofFile("r.drl"),
                  theses[r.nextInt(theses.length)],
                  stances[r.nextInt(2)],
                  r.nextInt(4) / 4.0 + 0.25);
          js.add(new Justification(rule, Map.of("k", k), List.of("f" + r.nextInt(25))));
        }
        // Ids repeat now and then, and the order is the session's only when sorted.
        conclusions.add(new Conclusion("c" + r.nextInt(40), "C", Map.of(), js));
      }
      if (r.nextBoolean()) {
        conclusions.sort(java.util.Comparator.comparing(Conclusion::id));
      }
      assertThat(Weighing.arguments(conclusions, known))
          .as("seed %d", seed)
          .isEqualTo(byKey(conclusions, known));
    }
  }

  @Test
  void supportAndOppositionAreNoisyOrsOfEachSide() {
    List<Argument> args =
        List.of(
            new Argument("a", "t", Stance.SUPPORTS, 0.5),
            new Argument("b", "t", Stance.SUPPORTS, 0.5),
            new Argument("c", "t", Stance.OPPOSES, 0.6));
    ThesisVerdict v = Weighing.verdicts(List.of(thesis("t")), args, T).get(0);
    assertThat(v.support()).isCloseTo(0.75, within(1e-12));
    assertThat(v.opposition()).isCloseTo(0.6, within(1e-12));
    assertThat(v.verdict()).isEqualTo(Verdict.CONTESTED);
    assertThat(v.forArguments()).extracting(Argument::conclusion).containsExactly("a", "b");
    assertThat(v.againstArguments()).extracting(Argument::conclusion).containsExactly("c");
  }

  @Test
  void rivalsDeclaredOnOneSideAreRivalsOfBothAndStandingRivalsAreATension() {
    List<Thesis> theses = List.of(thesis("a", "b"), thesis("b"), thesis("c", "a"));
    List<Argument> args =
        List.of(
            new Argument("x", "a", Stance.SUPPORTS, 0.9),
            new Argument("y", "b", Stance.SUPPORTS, 0.6),
            new Argument("z", "b", Stance.OPPOSES, 0.7),
            new Argument("w", "c", Stance.OPPOSES, 0.9));
    List<ThesisVerdict> vs = Weighing.verdicts(theses, args, T);
    assertThat(vs.get(0).rivals()).containsExactly("b", "c");
    assertThat(vs.get(1).rivals()).containsExactly("a");
    List<Tension> tensions = Weighing.tensions(vs);
    // a SUPPORTED and b CONTESTED stand together; c is REFUTED, so a and c are no tension.
    assertThat(tensions)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.a()).isEqualTo("a");
              assertThat(t.b()).isEqualTo("b");
              assertThat(t.why()).contains("a is SUPPORTED").contains("b is CONTESTED");
            });
  }
}
