package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationsTest {
  private final EvaluationResult result;

  ExplanationsTest() throws Exception {
    result = dev.thesis.Fixtures.evaluator().evaluate(Fixtures.mini());
  }

  private static List<ExplanationNode> flatten(ExplanationNode n) {
    List<ExplanationNode> out = new ArrayList<>();
    out.add(n);
    n.children().forEach(c -> out.addAll(flatten(c)));
    return out;
  }

  @Test
  void aThesisTreeGoesFromArgumentsThroughRulesDownToQuotedSources() {
    ExplanationNode bubble = Explanations.of(result, "bubble").orElseThrow();
    assertThat(bubble.children())
        .extracting(ExplanationNode::kind, ExplanationNode::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ExplanationNode.Kind.FOR, "circular-funding:bigcloud"),
            org.assertj.core.groups.Tuple.tuple(
                ExplanationNode.Kind.AGAINST, "not-froth:bigcloud"));
    ExplanationNode rule = bubble.children().get(0).children().get(0);
    assertThat(rule.kind()).isEqualTo(ExplanationNode.Kind.RULE);
    assertThat(rule.location()).isEqualTo("src/test/resources/mini/rules/mini.drl:65");
    ExplanationNode roundTrip = rule.children().get(0);
    assertThat(roundTrip.id()).isEqualTo("round-trip:bigcloud:laba");
    ExplanationNode f1 = roundTrip.children().get(0).children().get(0);
    assertThat(f1.kind()).isEqualTo(ExplanationNode.Kind.FACT);
    assertThat(f1.location()).isEqualTo("src/test/resources/mini/facts/corpus.json:12");
    assertThat(f1.children())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(ExplanationNode.Kind.SOURCE);
              assertThat(s.summary())
                  .startsWith("\"BigCloud funds LabA, and LabA runs on BigCloud.\"");
            });
  }

  @Test
  void whatIsShownOnceIsMarkedRepeatedAfterwards() {
    ExplanationNode rational = Explanations.of(result, "rational").orElseThrow();
    List<ExplanationNode> facts =
        flatten(rational).stream()
            .filter(n -> n.kind() == ExplanationNode.Kind.FACT && n.id().equals("f1"))
            .toList();
    assertThat(facts).hasSize(2);
    assertThat(facts.get(0).repeated()).isFalse();
    assertThat(facts.get(1).repeated()).isTrue();
    assertThat(facts.get(1).children()).isEmpty();
  }

  @Test
  void conclusionsAndFactsCanBeExplainedAndUnknownIdsCannot() {
    assertThat(Explanations.of(result, "hedged-bet:bigcloud"))
        .get()
        .extracting(ExplanationNode::kind)
        .isEqualTo(ExplanationNode.Kind.CONCLUSION);
    assertThat(Explanations.of(result, "f3"))
        .get()
        .extracting(ExplanationNode::kind)
        .isEqualTo(ExplanationNode.Kind.FACT);
    assertThat(Explanations.of(result, "nothing")).isEmpty();
  }

  @Test
  void theTerminalTreeDrawsGuidesAndEndsInTheQuote() {
    String text = TextTree.render(Explanations.of(result, "hedged-bet:bigcloud").orElseThrow());
    assertThat(text)
        .startsWith(
            "hedged-bet:bigcloud  HedgedBet(investor=bigcloud)  [0.60]\n"
                + "└─ rule \"Backs rivals\" (strength 1.00)  src/test/resources/mini/rules/mini.drl:47  [0.60]\n"
                + "   ├─ fact f1  Investment(investor=bigcloud, investee=laba)  src/test/resources/mini/facts/corpus.json:12  [0.90]\n"
                + "   │  └─ s1: \"BigCloud funds LabA, and LabA runs on BigCloud.\" (fixture)\n");
    // f5's source was quoted under f4: named on f5's line. Then the not the rule held by, with
    // $i = bigcloud put in ("not Competes( company == $i )" at mini.drl:52).
    assertThat(text)
        .endsWith(
            "   ├─ fact f5  Competes(company=laba, rival=labb)  src/test/resources/mini/facts/corpus.json:16  [1.00]  s2 (quoted above)\n"
                + "   └─ because no Competes( company == bigcloud )  src/test/resources/mini/rules/mini.drl:52\n");
  }
}
