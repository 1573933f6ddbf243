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

  private static Map<String, Verdict> verdicts(EvaluationResult r) {
    return r.verdicts().stream()
        .collect(Collectors.toMap(v -> v.thesis().id(), ThesisVerdict::verdict));
  }

  private Map<String, Verdict> fromScratchWithout(Set<String> ids) throws EvaluationException {
    List<BoundFact> kept =
        seed.facts().stream().filter(f -> !ids.contains(f.record().id())).toList();
    return verdicts(
        dev.thesis.Fixtures.evaluator()
            .evaluate(new Inputs(seed.rules(), seed.corpus(), kept, List.of())));
  }

  @Test
  void everyCriticalSetFlipsItsThesisAsWhatIfAndAFreshEvaluationSay() throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 2).evaluate(seed);
    assertThat(r.critical()).containsKey("anti-openai-alliance");
    int checked = 0;
    for (var e : r.critical().entrySet()) {
      for (CriticalSet c : e.getValue()) {
        WhatIf.Outcome o =
            new WhatIf(c.facts(), List.of()).run(seed, List.of(), dev.thesis.Fixtures.evaluator());
        // flipsTo is the verdict's name: a question's decisions share the field with verdicts.
        assertThat(o.after().verdict(e.getKey()).orElseThrow().verdict().name())
            .as(e.getKey() + " without " + c.facts())
            .isEqualTo(c.flipsTo())
            .isNotEqualTo(o.before().verdict(e.getKey()).orElseThrow().verdict().name());
        assertThat(fromScratchWithout(Set.copyOf(c.facts())).get(e.getKey()).name())
            .isEqualTo(c.flipsTo());
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
            java.nio.file.Path.of("src/test/resources/exists/facts")));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("corpora")
  void noSingleFactOutsideTheListsFlipsAThesis(Inputs in) throws Exception {
    EvaluationResult r = dev.thesis.Fixtures.evaluator(1_000_000, 1).evaluate(in);
    Map<String, Verdict> before = verdicts(r);
    Map<String, Set<String>> listed = new HashMap<>();
    r.critical()
        .forEach(
            (t, sets) ->
                listed.put(
                    t, sets.stream().map(c -> c.facts().get(0)).collect(Collectors.toSet())));
    for (BoundFact f : in.facts()) {
      List<BoundFact> kept = in.facts().stream().filter(g -> g != f).toList();
      Map<String, Verdict> after =
          verdicts(
              dev.thesis.Fixtures.evaluator()
                  .evaluate(new Inputs(in.rules(), in.corpus(), kept, List.of())));
      for (var e : after.entrySet()) {
        boolean flips = e.getValue() != before.get(e.getKey());
        assertThat(listed.getOrDefault(e.getKey(), Set.of()).contains(f.record().id()))
            .as(e.getKey() + " without " + f.record().id())
            .isEqualTo(flips);
      }
    }
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
    List<Timeline.Point> points = Timeline.of(seed, dev.thesis.Fixtures.evaluator());
    assertThat(points)
        .extracting(p -> p.date() == null ? "undated" : p.date().toString())
        .containsExactly(
            "undated",
            "2019-07-22",
            "2023-02-03",
            "2023-09-25",
            "2023-10-27",
            "2024-10-02",
            "2025-11-18");
    // The last row is the whole corpus.
    assertThat(points.get(points.size() - 1).verdicts())
        .isEqualTo(dev.thesis.Fixtures.evaluator().evaluate(seed).verdicts());
    // Azure arrives on 2025-11-18: before it, nothing ends exclusivity.
    EvaluationResult early =
        dev.thesis.Fixtures.evaluator()
            .evaluate(seed.asOf(java.time.LocalDate.parse("2025-11-17")));
    assertThat(early.verdict("end-of-exclusivity").orElseThrow().verdict())
        .isEqualTo(Verdict.UNSUPPORTED);
    assertThat(early.facts()).noneMatch(f -> "2025-11-18".equals(f.record().date()));
    assertThat(points.get(points.size() - 2).verdicts())
        .filteredOn(v -> v.thesis().id().equals("end-of-exclusivity"))
        .extracting(ThesisVerdict::verdict)
        .containsExactly(Verdict.UNSUPPORTED);
  }
}
