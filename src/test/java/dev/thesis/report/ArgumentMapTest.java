package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The argument map of anti-openai-alliance on the seed corpus, against `thesis explain`'s tree read
 * by hand: one rule for, one against with ten justifications whose premises collapse into groups.
 */
class ArgumentMapTest {
  @Test
  void tenJustificationsOfOneRuleMakeOneArgumentOverGroupedPremises() throws Exception {
    EvaluationResult r = Fixtures.evaluator(1_000_000, 0).evaluate(Fixtures.seed());
    ArgumentMap map = ArgumentMap.of(r, r.verdict("anti-openai-alliance").orElseThrow());
    List<ArgumentMap.Box> args = boxes(map, "pro", "con");
    assertThat(args).hasSize(2);
    // For: "Labs sharing a rival present a united front", strength 0.70, 0.70 x min(0.675 for
    // common-front, 0.875) = 0.4725. Against: strength 0.50 over ten justifications, each 0.5 x
    // min(...) = 0.3375 for the one conclusion divided-loyalty:anthropic:openai.
    assertThat(args.get(0).head().text())
        .isEqualTo("+ Labs sharing a rival present a united front");
    assertThat(args.get(0).lines().get(0).text()).isEqualTo("strength 0.70 \u00b7 score 0.47");
    assertThat(args.get(1).head().text())
        .isEqualTo("\u2212 An alliance member takes money from the rival's backers");
    assertThat(args.get(1).lines().get(0).text()).isEqualTo("strength 0.50 \u00b7 score 0.34");
    assertThat(args.get(1).lines().get(1).text()).startsWith("10 justifications");
    // Premises: CommonFront and MarketLeader feed both rules; the eleven distinct investments the
    // ten justifications matched make one group under the rule against.
    List<ArgumentMap.Box> premises = boxes(map, "premise");
    assertThat(premises)
        .extracting(b -> b.head().text())
        .containsExactly("CommonFront", "MarketLeader", "Investment \u00d711");
    assertThat(premises.get(2).lines()).hasSize(11);
    assertThat(premises.get(2).lines().get(0).href()).isEqualTo("#fact-s1-microsoft-backs-openai");
    assertThat(premises.get(0).lines().get(0).href())
        .isEqualTo("#" + Anchors.conclusion("common-front:anthropic:google-deepmind:openai"));
    // Sources under them, each once: seed-1, 3, 4, 8 under the common front, 6 and 7 under
    // investments only.
    assertThat(boxes(map, "source"))
        .extracting(b -> b.head().text())
        .containsExactlyInAnyOrder("seed-1", "seed-3", "seed-4", "seed-6", "seed-7", "seed-8");
    // Every premise group joins each argument it feeds; each argument joins the thesis.
    assertThat(map.edges()).filteredOn(e -> e.cssClass().equals("pro")).hasSize(1);
    assertThat(map.edges()).filteredOn(e -> e.cssClass().equals("con")).hasSize(1);
    assertThat(map.width()).isEqualTo(1140);
    // Laid out the same way every time.
    assertThat(ArgumentMap.of(r, r.verdict("anti-openai-alliance").orElseThrow())).isEqualTo(map);
  }

  private static List<ArgumentMap.Box> boxes(ArgumentMap map, String... classes) {
    return map.boxes().stream().filter(b -> List.of(classes).contains(b.cssClass())).toList();
  }
}
