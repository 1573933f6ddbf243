package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.engine.EvaluationException;
import dev.thesis.facts.BoundFact;
import dev.thesis.inputs.Inputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Critical evidence on the seed corpus, checked against what-ifs and against evaluating from
 * scratch.
 */
class CriticalEvidenceTest {
  private final Inputs seed = Fixtures.seed();

  private static Map<String, Standing> verdicts(EvaluationResult r) {
    return r.standings();
  }

  private Map<String, Standing> fromScratchWithout(Set<String> ids) throws EvaluationException {
    List<BoundFact> kept =
        seed.facts().stream().filter(f -> !ids.contains(f.record().id())).toList();
    return verdicts(
        dev.thesis.Fixtures.evaluator()
            .evaluate(new Inputs(seed.rules(), seed.corpus(), kept, List.of())));
  }

  @Test
  void everyCriticalSetFlipsItsThesisAsWhatIfAndAFreshEvaluationSay() throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 2).evaluate(seed);
    // Without the Azure addition nothing ends exclusivity (support 0.54 -> 0); without
    // anthropic-is-lab no giant backs two rival labs, so diversified-bets keeps weight 1 against
    // the leader rational-ecosystem-funding's 7.02, under a third of it (2.34): DISFAVOURED.
    // Rational funding itself hinges on nothing now: without Google's TPU bundle it falls to 2.68,
    // still above a third of the new leader circularity-bubble's 4.72 (1.57): OPEN.
    assertThat(r.critical())
        .containsKeys("end-of-exclusivity", "diversified-bets")
        .doesNotContainKey("rational-ecosystem-funding");
    int checked = 0;
    for (var e : r.critical().entrySet()) {
      for (CriticalSet c : e.getValue()) {
        WhatIf.Outcome o =
            new WhatIf(c.facts(), List.of()).run(seed, List.of(), dev.thesis.Fixtures.evaluator());
        Standing flipped = new Standing(c.flipsTo(), c.leader());
        assertThat(o.after().standings().get(e.getKey()))
            .as(e.getKey() + " without " + c.facts())
            .isEqualTo(flipped)
            .isNotEqualTo(o.before().standings().get(e.getKey()));
        assertThat(fromScratchWithout(Set.copyOf(c.facts())).get(e.getKey())).isEqualTo(flipped);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  /** Corpora whose rules use `not` on a derived type, a thresholded accumulate, and `exists`. */
  static java.util.stream.Stream<Inputs> corpora() {
    return java.util.stream.Stream.of(
        Fixtures.seed(),
        Fixtures.mini(),
        Fixtures.load(
            java.nio.file.Path.of("src/test/resources/negation/rules"),
            java.nio.file.Path.of("src/test/resources/negation/facts")),
        Fixtures.load(
            java.nio.file.Path.of("src/test/resources/exists/rules"),
            java.nio.file.Path.of("src/test/resources/exists/facts")),
        Fixtures.load(
            java.nio.file.Path.of("src/test/resources/questions/rules"),
            java.nio.file.Path.of("src/test/resources/questions/facts")));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("corpora")
  void noSingleFactOutsideTheListsFlipsAThesis(Inputs in) throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 1).evaluate(in);
    Map<String, Standing> before = verdicts(r);
    Map<String, Set<String>> listed = new HashMap<>();
    r.critical()
        .forEach(
            (t, sets) ->
                listed.put(
                    t, sets.stream().map(c -> c.facts().get(0)).collect(Collectors.toSet())));
    for (BoundFact f : in.facts()) {
      List<BoundFact> kept = in.facts().stream().filter(g -> g != f).toList();
      Map<String, Standing> after =
          verdicts(
              dev.thesis.Fixtures.evaluator()
                  .evaluate(new Inputs(in.rules(), in.corpus(), kept, List.of())));
      for (var e : after.entrySet()) {
        boolean flips = !e.getValue().equals(before.get(e.getKey()));
        assertThat(listed.getOrDefault(e.getKey(), Set.of()).contains(f.record().id()))
            .as(e.getKey() + " without " + f.record().id())
            .isEqualTo(flips);
      }
    }
  }

  static java.util.stream.Stream<Inputs> smallCorpora() {
    return java.util.stream.Stream.of("questions", "question-pairs", "question-views")
        .map(
            d ->
                Fixtures.load(
                    java.nio.file.Path.of("src/test/resources", d, "rules"),
                    java.nio.file.Path.of("src/test/resources", d, "facts")));
  }

  /**
   * Every pair of facts whose removal together, and not of either alone, changes where a thesis or
   * question stands is listed for it: checked against evaluating without each pair from scratch. (A
   * hypothesis moves with its rivals' evidence too, not only with the items that rate it.)
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("smallCorpora")
  void everyPairThatAloneChangesAStandingIsListed(Inputs in) throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 2).evaluate(in);
    Map<String, Standing> before = r.standings();
    List<String> ids = in.facts().stream().map(f -> f.record().id()).sorted().toList();
    int pairsThatFlip = 0;
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        List<String> pair = List.of(ids.get(i), ids.get(j));
        Map<String, Standing> after = without(in, Set.copyOf(pair));
        Map<String, Standing> firstAlone = without(in, Set.of(pair.get(0)));
        Map<String, Standing> secondAlone = without(in, Set.of(pair.get(1)));
        for (var e : after.entrySet()) {
          String key = e.getKey();
          boolean flips = !e.getValue().equals(before.get(key));
          boolean alone =
              !firstAlone.get(key).equals(before.get(key))
                  || !secondAlone.get(key).equals(before.get(key));
          if (flips && !alone) {
            pairsThatFlip++;
            assertThat(r.critical(key))
                .as(key + " without " + pair)
                .contains(CriticalSet.of(pair, e.getValue()));
          }
        }
      }
    }
    if (in.corpus().questions().stream().anyMatch(q -> q.id().equals("q"))) {
      // question-pairs: x1 + x2 changes q, A and B (B only through A's evidence).
      assertThat(pairsThatFlip).isEqualTo(3);
    }
  }

  private static Map<String, Standing> without(Inputs in, Set<String> ids) throws Exception {
    List<BoundFact> kept = in.facts().stream().filter(f -> !ids.contains(f.record().id())).toList();
    return dev.thesis.Fixtures.evaluator()
        .evaluate(new Inputs(in.rules(), in.corpus(), kept, List.of()))
        .standings();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("corpora")
  void theLiveSessionAgreesWithEvaluatingFromScratch(Inputs in) throws Exception {
    Evaluator evaluator = dev.thesis.Fixtures.evaluator();
    java.util.Random random = new java.util.Random(42);
    try (LiveEvaluation live = LiveEvaluation.start(in, evaluator)) {
      for (int round = 0; round < 30; round++) {
        // Take out one or two facts at random, compare with a fresh evaluation, put them back.
        List<BoundFact> out = new java.util.ArrayList<>();
        for (int k = 0; k <= random.nextInt(2); k++) {
          out.add(in.facts().get(random.nextInt(in.facts().size())));
        }
        live.retract(out.stream().map(f -> f.record().id()).toList());
        EvaluationResult incremental = live.result();
        EvaluationResult fresh =
            evaluator.evaluate(
                new Inputs(
                    in.rules(),
                    in.corpus(),
                    in.facts().stream().filter(g -> !out.contains(g)).toList(),
                    List.of()));
        assertThat(incremental.conclusions()).isEqualTo(fresh.conclusions());
        assertThat(incremental.verdicts()).isEqualTo(fresh.verdicts());
        assertThat(incremental.confidence()).isEqualTo(fresh.confidence());
        live.insert(out.stream().distinct().toList());
      }
      assertThat(live.result().conclusions()).isEqualTo(evaluator.evaluate(in).conclusions());
      assertThat(live.facts()).containsExactlyElementsOf(in.facts());
    }
  }

  @Test
  void conclusionsThatRestOnThemselvesAreFlaggedAndCountForNothingWithoutTheirBase()
      throws Exception {
    Inputs in =
        Fixtures.load(
            java.nio.file.Path.of("src/test/resources/cycle/rules"),
            java.nio.file.Path.of("src/test/resources/cycle/facts"));
    try (LiveEvaluation live = LiveEvaluation.start(in, dev.thesis.Fixtures.evaluator())) {
      EvaluationResult r = live.result();
      // X has a justification through Y, which rests on X; Y's only justification is X, which
      // stands on the base fact without Y.
      assertThat(r.cyclic("x:n")).isTrue();
      assertThat(r.cyclic("y:n")).isFalse();
      assertThat(r.confidenceOf("x:n")).isEqualTo(0.8);
      assertThat(r.singleSource("x:n")).isTrue();
      live.retract(List.of("b"));
      EvaluationResult after = live.result();
      // Truth maintenance keeps X and Y alive, each justified by the other; they rest on no fact.
      assertThat(after.conclusion("x:n")).isPresent();
      assertThat(after.confidenceOf("x:n")).isZero();
      assertThat(after.factsUnder("x:n")).isEmpty();
    }
  }

  @Test
  void timelineHasARowPerDateAndAsOfLeavesLaterFactsOut() throws Exception {
    // The seed corpus is undated; the dated fixture: f5 undated, f1-f2 of 2023-03-01, f3-f4 of
    // 2024-06-01.
    Inputs dated = Fixtures.dated();
    List<Timeline.Point> points = Timeline.of(dated, dev.thesis.Fixtures.evaluator());
    assertThat(points)
        .extracting(p -> p.date() == null ? "undated" : p.date().toString())
        .containsExactly("undated", "2023-03-01", "2024-06-01");
    // The last row is the whole corpus.
    assertThat(points.get(points.size() - 1).verdicts())
        .isEqualTo(dev.thesis.Fixtures.evaluator().evaluate(dated).verdicts());
    // BigCloud's stake in LabB (f4) arrives on 2024-06-01: before it, no hedged bet or second
    // cloud makes the funding rational.
    EvaluationResult early =
        dev.thesis.Fixtures.evaluator()
            .evaluate(dated.asOf(java.time.LocalDate.parse("2024-05-31")));
    assertThat(early.verdict("rational").orElseThrow().verdict()).isEqualTo(Verdict.UNSUPPORTED);
    assertThat(early.facts())
        .extracting(f -> f.record().id())
        .containsExactlyInAnyOrder("f1", "f2", "f5");
    assertThat(points.get(points.size() - 2).verdicts())
        .filteredOn(v -> v.thesis().id().equals("rational"))
        .extracting(ThesisVerdict::verdict)
        .containsExactly(Verdict.UNSUPPORTED);
  }
}
