package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Relations between two entities drawn as one arrow. */
class ArrowTest {
  private static EvidenceGraph.Edge stated(String from, String to, String label, String... ids) {
    return new EvidenceGraph.Edge(from, to, label, false, List.of(ids));
  }

  private static List<Arrow> merged(EvidenceGraph.Edge... edges) {
    return Arrow.merge(List.of(edges));
  }

  @Test
  void relationsBetweenTwoEntitiesEitherWayShareOneArrowWithACountAndEachOnHover() {
    List<Arrow> arrows =
        merged(
            stated("anthropic", "google", "partners with", "f1"),
            stated("anthropic", "google", "spends on cloud", "f2", "f3"),
            stated("google", "anthropic", "invests in", "f4"),
            stated("anthropic", "nvidia", "buys chips", "f5"));
    assertThat(arrows).hasSize(2);
    Arrow pair = arrows.get(0);
    // Two of the three point from anthropic to google: the arrow does too, with a head at both
    // ends since one points back.
    assertThat(pair.from()).isEqualTo("anthropic");
    assertThat(pair.to()).isEqualTo("google");
    assertThat(pair.backward()).isTrue();
    assertThat(pair.count()).isEqualTo(3);
    assertThat(pair.hover())
        .containsExactly(
            "anthropic partners with google (f1)",
            "anthropic spends on cloud google (f2, f3)",
            "google invests in anthropic (f4)");
    // 45 characters of labels do not fit on an arrow: the count stands in for them.
    assertThat(pair.label()).isEqualTo("3 relations");
    Arrow single = arrows.get(1);
    assertThat(single.count()).isEqualTo(1);
    assertThat(single.backward()).isFalse();
    assertThat(single.label()).isEqualTo("buys chips");
  }

  @Test
  void shortLabelsStayOnTheArrowWithTheCount() {
    Arrow both =
        merged(
                stated("amazon", "google", "competes with", "f1"),
                stated("google", "amazon", "competes with", "f2"))
            .get(0);
    assertThat(both.label()).isEqualTo("competes with ×2");
    assertThat(both.backward()).isTrue();
  }

  @Test
  void derivedConclusionsKeepAnArrowOfTheirOwn() {
    List<Arrow> arrows =
        merged(
            stated("microsoft", "openai", "invests in", "f1"),
            new EvidenceGraph.Edge("microsoft", "openai", "circular funding", true, List.of("c1")));
    assertThat(arrows).extracting(Arrow::derived).containsExactly(false, true);
    assertThat(arrows).extracting(Arrow::count).containsExactly(1, 1);
    assertThat(arrows.get(1).hover()).containsExactly("microsoft circular funding openai (c1)");
  }
}
