package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import org.junit.jupiter.api.Test;

/**
 * The question arithmetic report.html states beside each question, checked on the seed's
 * model-future question with every figure worked by hand from the rules and facts.
 */
class QuestionArithmeticTest {
  @Test
  void theSeedQuestionModelFutureIsWorkedAsByHand() throws Exception {
    EvaluationResult r = Fixtures.evaluator(1_000_000, 0).evaluate(Fixtures.seed());
    QuestionVerdict q = r.question("model-future").orElseThrow();
    // No priors: 1/3 each for models-specialize, models-commoditize and other (the question is
    // open). Items, as rules/20-conclude.drl rates them (calibration: very-likely 0.875,
    // almost-certain 0.97, likely 0.675):
    //   parity platform, I / C, strength 0.7 x min(two very-likely ModelPromotions, Rivals of
    //   anthropic and openai 0.875) = 0.6125: specialize 1 + 0.6125 x (0.5 - 1) = 0.69375,
    //   commoditize 1 + 0.6125 = 1.6125, other max(1, 0.5) = 1;
    //   chief executive, N / C, 0.6 x 0.97 = 0.582: 1, 1.582, other max(1, 1) = 1;
    //   several clouds, C / N, 0.6 x MultiCloud(anthropic) (its collected CloudSpend include
    //   likely ones: 0.675) = 0.405: 1.405, 1, other 1.
    // Products: specialize 0.69375 x 1.405 / 3 = 0.974719 / 3 = 0.324906; commoditize 1.6125 x
    // 1.582 / 3 = 2.550975 / 3 = 0.850325; other 1 / 3. Sum 4.525694 / 3 = 1.508565.
    // Posteriors: 0.974719 / 4.525694 = 0.215375, 2.550975 / 4.525694 = 0.563665,
    // 1 / 4.525694 = 0.220960.
    QuestionArithmetic a = QuestionArithmetic.of(q);
    assertThat(a.priors().values())
        .allSatisfy(p -> assertThat(p).isCloseTo(1 / 3.0, within(1e-12)));
    assertThat(a.products().get("models-specialize")).isCloseTo(0.324906, within(1e-6));
    assertThat(a.products().get("models-commoditize")).isCloseTo(0.850325, within(1e-6));
    assertThat(a.products().get("other")).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(a.sum()).isCloseTo(1.508565, within(1e-6));
    // The analysis (in logarithms) agrees with the hand figures.
    assertThat(q.posteriors().get("models-specialize")).isCloseTo(0.215375, within(1e-6));
    assertThat(q.posteriors().get("models-commoditize")).isCloseTo(0.563665, within(1e-6));
    assertThat(q.posteriors().get("other")).isCloseTo(0.220960, within(1e-6));
    // What the page says, in the matrix's order (most diagnostic first: 1.6125 / 0.69375 = 2.32,
    // then 1.582, then 1.405).
    assertThat(a.lines().get(0))
        .contains("models-specialize 0.333 \u00d7 0.69 \u00d7 1.00 \u00d7 1.41 = 0.325")
        .contains("models-commoditize 0.333 \u00d7 1.61 \u00d7 1.58 \u00d7 1.00 = 0.850")
        .contains("other 0.333 \u00d7 1.00 \u00d7 1.00 \u00d7 1.00 = 0.333");
    assertThat(a.lines().get(1))
        .isEqualTo(
            "Each divided by their sum 1.509: models-specialize 0.22, models-commoditize 0.56,"
                + " other 0.22.");
  }
}
