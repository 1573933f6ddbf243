package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thesis.diag.Location;
import dev.thesis.facts.Question;
import dev.thesis.rules.Rating;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of questions, on cases worked by hand (the README's worked example first). */
class AchTest {
  static Question question(boolean closed, String... hypotheses) {
    return new Question(
        "q",
        "Q?",
        null,
        null,
        List.of(hypotheses),
        Map.of(),
        closed,
        Location.ofFile("q.json"),
        List.of(),
        Location.ofFile("q.json"));
  }

  static Ach.Item item(String rule, double c, Object... ratings) {
    Map<String, Rating> r = new java.util.LinkedHashMap<>();
    for (int i = 0; i < ratings.length; i += 2) {
      r.put((String) ratings[i], (Rating) ratings[i + 1]);
    }
    return new Ach.Item(rule, c, r);
  }

  private final Question ab = question(false, "A", "B");
  private final Ach.Item first = item("e1", 0.8, "A", Rating.C, "B", Rating.I);
  private final Ach.Item second = item("e2", 0.5, "A", Rating.N, "B", Rating.CC);

  @Test
  void theWorkedExample() {
    // A: 1.8 x 1 = 1.8; B: 0.6 x 2.5 = 1.5; other: 1 x 1 = 1; total 4.3.
    assertThat(Ach.weights(ab, first))
        .containsExactly(Map.entry("A", 1.8), Map.entry("B", 0.6), Map.entry("other", 1.0));
    assertThat(Ach.weights(ab, second).get("B")).isCloseTo(2.5, within(1e-12));
    Map<String, Double> p = Ach.posteriors(ab, List.of(first, second));
    assertThat(p.get("A")).isCloseTo(1.8 / 4.3, within(1e-12));
    assertThat(p.get("B")).isCloseTo(1.5 / 4.3, within(1e-12));
    assertThat(p.get("other")).isCloseTo(1.0 / 4.3, within(1e-12));
    assertThat(String.format("%.4f %.4f %.4f", p.get("A"), p.get("B"), p.get("other")))
        .isEqualTo("0.4186 0.3488 0.2326");
    Ach.Judgement j = Ach.judge(ab, p, 3.0);
    assertThat(j.decision()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    assertThat(j.leader()).isEqualTo("A");
    assertThat(j.runnerUp()).isEqualTo("B");
    assertThat(j.odds()).isCloseTo(1.2, within(1e-12));
    assertThat(j.incomplete()).isFalse();
  }

  /**
   * Alike and not against them all (I or II alike is the next test: it points outside the list).
   */
  @Test
  void evidenceRatedAlikeForEveryNamedHypothesisChangesNoPosterior() {
    Map<String, Double> before = Ach.posteriors(ab, List.of(first, second));
    for (Rating r : List.of(Rating.N, Rating.C, Rating.CC)) {
      for (double c : new double[] {0.3, 1.0}) {
        Map<String, Double> after =
            Ach.posteriors(ab, List.of(first, second, item("same", c, "A", r, "B", r)));
        before.forEach(
            (h, v) -> assertThat(after.get(h)).as(r + " " + h).isCloseTo(v, within(1e-12)));
      }
    }
  }

  @Test
  void evidenceAgainstEveryNamedHypothesisRaisesOther() {
    Map<String, Double> before = Ach.posteriors(ab, List.of(first));
    Map<String, Double> after =
        Ach.posteriors(ab, List.of(first, item("against", 1.0, "A", Rating.II, "B", Rating.II)));
    // other keeps weight 1 while A and B take 1/4: other's share grows, A's and B's shrink alike.
    assertThat(after.get("other")).isGreaterThan(before.get("other"));
    assertThat(after.get("A") / after.get("B"))
        .isCloseTo(before.get("A") / before.get("B"), within(1e-12));
    // 1.8/4 : 0.6/4 : 1 -> other = 1 / (0.45 + 0.15 + 1)
    assertThat(after.get("other")).isCloseTo(1 / 1.6, within(1e-12));
    Ach.Judgement j = Ach.judge(ab, after, 3.0);
    assertThat(j.runnerUp()).isEqualTo("other");
    assertThat(j.incomplete()).isTrue();
  }

  @Test
  void anUnreliableItemMovesNoMoreThanItsConfidenceAllows() {
    assertThat(Ach.discount(4.0, 0.0)).isEqualTo(1.0);
    assertThat(Ach.discount(4.0, 0.5)).isEqualTo(2.5);
    // The asymmetry the README documents: at c = 0.5, CC keeps 2.5 of 4 (log 1.32 of 2 bits),
    // II keeps 0.625 of 0.25 (0.68 of 2 bits).
    assertThat(Ach.discount(0.25, 0.5)).isEqualTo(0.625);
  }

  @Test
  void aClosedQuestionHasNoOtherAndExplicitOtherRatingsCount() {
    Question closed = question(true, "A", "B");
    assertThat(Ach.posteriors(closed, List.of(first))).containsOnlyKeys("A", "B");
    Ach.Item rated = item("x", 1.0, "A", Rating.N, "B", Rating.N, "other", Rating.CC);
    assertThat(Ach.weights(ab, rated).get("other")).isEqualTo(4.0);
  }

  @Test
  void aThousandOneSidedItemsNeitherOverflowNorMakeTheOddsInfinite() {
    Question q = question(true, "A", "B");
    List<Ach.Item> items = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      items.add(item("x" + i, 1.0, "A", Rating.CC, "B", Rating.II));
    }
    // 4^1000 against 4^-1000: B underflows to 0 once normalised; A is 1.
    Ach.Judgement j = Ach.judge(q, items, 3.0);
    assertThat(j.posteriors().get("A")).isEqualTo(1.0);
    assertThat(j.decision()).isEqualTo(QuestionVerdict.Decision.FAVOURS);
    assertThat(j.odds()).isFinite().isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void favoursTheLeaderAtTheOdds() {
    Question q = question(true, "A", "B");
    // One item, c = 1, A: C, B: N -> 2 : 1 -> odds 2.
    Ach.Judgement two = Ach.judge(q, List.of(item("x", 1.0, "A", Rating.C, "B", Rating.N)), 3.0);
    assertThat(two.decision()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    Ach.Judgement atTwo = Ach.judge(q, List.of(item("x", 1.0, "A", Rating.C, "B", Rating.N)), 2.0);
    assertThat(atTwo.decision()).isEqualTo(QuestionVerdict.Decision.FAVOURS);
    assertThat(atTwo.leader()).isEqualTo("A");
  }
}
