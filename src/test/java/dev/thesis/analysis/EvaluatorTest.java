package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.inputs.Inputs;
import dev.thesis.trace.Conclusion;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  @Test
  void withoutTraceTheVerdictsAndConclusionsAreTheSameButNoJustificationIsKept() throws Exception {
    Inputs seed = Fixtures.seed();
    Evaluator traced = dev.thesis.Fixtures.evaluator(1_000_000, 2);
    EvaluationResult with = traced.evaluate(seed);
    EvaluationResult without = traced.withoutTrace().evaluate(seed);
    assertThat(without.verdicts()).isEqualTo(with.verdicts());
    assertThat(without.arguments()).isEqualTo(with.arguments());
    assertThat(without.conclusions())
        .extracting(Conclusion::id)
        .isEqualTo(with.conclusions().stream().map(Conclusion::id).toList());
    assertThat(with.conclusions()).allSatisfy(c -> assertThat(c.justifications()).isNotEmpty());
    assertThat(without.conclusions()).allSatisfy(c -> assertThat(c.justifications()).isEmpty());
    assertThat(with.critical()).isNotEmpty();
    assertThat(without.critical()).isEmpty();
  }
}
