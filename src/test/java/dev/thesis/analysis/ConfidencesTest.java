package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thesis.diag.Location;
import dev.thesis.rules.RuleInfo;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfidencesTest {
  private static RuleInfo rule(double strength) {
    return new RuleInfo("p", "r" + strength, Location.ofFile("x.drl"), null, null, strength);
  }

  private static Justification j(double strength, String... premises) {
    return new Justification(rule(strength), Map.of(), List.of(premises));
  }

  private static Conclusion c(String id, Justification... js) {
    return new Conclusion(id, "T", Map.of(), List.of(js));
  }

  @Test
  void aJustificationIsWorthItsStrengthTimesItsWeakestPremise() {
    assertThat(Confidences.of(j(0.8, "a", "b"), Map.of("a", 0.9, "b", 0.5)))
        .isCloseTo(0.4, within(1e-12));
    assertThat(Confidences.of(j(0.7), Map.of())).isEqualTo(0.7);
  }

  @Test
  void aConclusionTakesItsBestJustificationAndChainsThroughConclusions() {
    Map<String, Double> v =
        Confidences.compute(
            Map.of("a", 0.9, "b", 0.5, "c", 1.0),
            List.of(c("x", j(1.0, "a", "b"), j(0.6, "c")), c("y", j(0.5, "x"))));
    assertThat(v.get("x")).isCloseTo(0.6, within(1e-12));
    assertThat(v.get("y")).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void supportThatOnlyGoesRoundACycleCountsForNothing() {
    Map<String, Double> v =
        Confidences.compute(
            Map.of("a", 0.8),
            List.of(
                c("x", j(1.0, "y")),
                c("y", j(1.0, "x")),
                c("z", j(1.0, "w"), j(0.5, "a")),
                c("w", j(1.0, "z"))));
    assertThat(v.get("x")).isZero();
    assertThat(v.get("y")).isZero();
    // z has a real reason (a, worth 0.4); w rests on z; z's cyclic justification through w adds
    // nothing.
    assertThat(v.get("z")).isCloseTo(0.4, within(1e-12));
    assertThat(v.get("w")).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void noisyOrCombinesIndependentArguments() {
    assertThat(Confidences.noisyOr(List.of())).isZero();
    assertThat(Confidences.noisyOr(List.of(0.6))).isCloseTo(0.6, within(1e-12));
    assertThat(Confidences.noisyOr(List.of(0.5, 0.5))).isCloseTo(0.75, within(1e-12));
    assertThat(Confidences.noisyOr(List.of(0.54, 0.56))).isCloseTo(0.7976, within(1e-12));
  }
}
