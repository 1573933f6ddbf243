package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.thesis.Fixtures;
import dev.thesis.rules.Rating;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The question of src/test/resources/questions, weighed end to end. Every figure below is worked by
 * hand from the rules and facts there (see the comments), not read off the program.
 */
class QuestionWeighingTest {
  static final Path RULES = Path.of("src/test/resources/questions/rules");
  static final Path FACTS = Path.of("src/test/resources/questions/facts");

  private static QuestionVerdict why() throws Exception {
    return Fixtures.evaluator().evaluate(Fixtures.load(RULES, FACTS)).question("why").orElseThrow();
  }

  @Test
  void aRuleWithThreeFiringsCountsOnceWithItsFiringsCorroborating() throws Exception {
    QuestionVerdict q = why();
    QuestionVerdict.Evidence trips =
        q.evidence().stream()
            .filter(e -> e.rule().name().equals("Round trips fit both"))
            .findFirst()
            .orElseThrow();
    // Three conclusions, each 0.9 x 1.0: one item of confidence 1 - 0.1^3.
    assertThat(trips.conclusions()).hasSize(3);
    assertThat(trips.confidence()).isCloseTo(0.999, within(1e-12));
    assertThat(q.evidence()).hasSize(2);
    // C for both named hypotheses, so other takes 2 too: it tells nothing apart.
    assertThat(trips.diagnosticity()).isEqualTo(1.0);
    assertThat(trips.weights().values())
        .allSatisfy(w -> assertThat(w).isCloseTo(1.999, within(1e-12)));
  }

  @Test
  void posteriorsVerdictsAndTheMostDiagnosticFirst() throws Exception {
    QuestionVerdict q = why();
    // Defence: c = 0.9 x 0.8 = 0.72; bubble I -> 1 - 0.36 = 0.64; defence C -> 1.72; other 1.
    assertThat(q.evidence().get(0).rule().name()).isEqualTo("A defensive deal");
    assertThat(q.evidence().get(0).confidence()).isCloseTo(0.72, within(1e-12));
    assertThat(q.evidence().get(0).diagnosticity()).isCloseTo(1.72 / 0.64, within(1e-12));
    assertThat(q.posteriors().get("bubble")).isCloseTo(0.64 / 3.36, within(1e-12));
    assertThat(q.posteriors().get("defence")).isCloseTo(1.72 / 3.36, within(1e-12));
    assertThat(q.other()).isCloseTo(1 / 3.36, within(1e-12));
    assertThat(q.verdict()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    assertThat(q.leader()).isEqualTo("defence");
    assertThat(q.runnerUp()).isEqualTo("other");
    assertThat(q.odds()).isCloseTo(1.72, within(1e-12));
    assertThat(q.priorShift()).isCloseTo(3 / 1.72, within(1e-12));
    // bubble 0.1905 > 0.5119 / 3 = 0.1706: still open.
    assertThat(q.hypotheses())
        .extracting(QuestionVerdict.Hypothesis::verdict)
        .containsExactly(Verdict.OPEN, Verdict.OPEN);
    // "A defensive deal" rates bubble I; "Rejected by markets" (which did not fire) rates both II:
    // each could have counted against them, so neither is untested.
    assertThat(q.hypotheses())
        .extracting(QuestionVerdict.Hypothesis::untested)
        .containsExactly(false, false);
  }

  @Test
  void linchpinsAreTheOneStepChangesThatMoveTheVerdict() throws Exception {
    // Round trips, bubble C -> N: bubble 1, defence 2.998, other max(1, 1) = 1; with the defence
    // item, defence 1.72 x 2.998 = 5.16 against other's 1: FAVOURS defence. Defence, defence C ->
    // CC: 1 + 0.72 x 3 = 3.16 against other's 1: FAVOURS defence. Round trips, defence C -> CC:
    // bubble 1.999, defence 3.997, other max(1, min(2, 4)) = 2 -> 1.999; with the defence item,
    // defence 1.72 x 3.997 = 6.87 against other's 1.999: 3.44, FAVOURS defence. No removal changes
    // the verdict (without the defence item all are equal: still undecided), and no other step
    // does (e.g. round trips bubble C -> CC: bubble 0.64 x 3.997 = 2.56, defence 1.72 x 1.999 =
    // 3.44, other 1.999: undecided).
    assertThat(why().linchpins())
        .containsExactlyInAnyOrder(
            new QuestionVerdict.Linchpin(
                "Round trips fit both",
                QuestionVerdict.Change.RATING,
                "bubble",
                Rating.C,
                Rating.N,
                QuestionVerdict.Decision.FAVOURS,
                "defence"),
            new QuestionVerdict.Linchpin(
                "Round trips fit both",
                QuestionVerdict.Change.RATING,
                "defence",
                Rating.C,
                Rating.CC,
                QuestionVerdict.Decision.FAVOURS,
                "defence"),
            new QuestionVerdict.Linchpin(
                "A defensive deal",
                QuestionVerdict.Change.RATING,
                "defence",
                Rating.C,
                Rating.CC,
                QuestionVerdict.Decision.FAVOURS,
                "defence"));
  }

  @Test
  void aLinchpinNamesItsRuleWholeEvenWithADotInItsName() throws Exception {
    // One item, c = 1 - 0.1^2 = 0.99, A: CC -> 3.97 against B's 1: FAVOURS A; without it, 1 : 1.
    QuestionVerdict q =
        Fixtures.evaluator()
            .evaluate(
                Fixtures.load(
                    Path.of("src/test/resources/question-pairs/rules"),
                    Path.of("src/test/resources/question-pairs/facts")))
            .question("q")
            .orElseThrow();
    assertThat(q.linchpins())
        .extracting(QuestionVerdict.Linchpin::rule)
        .isNotEmpty()
        .allMatch("Kind a seen (U.S. labs)"::equals);
  }

  @Test
  void whatWouldSettleItRanksTheRulesThatDidNotFire() throws Exception {
    // Leader defence, runner-up other. "Rejected by markets": defence II (1/4), other C (2):
    // |-2 - 1| = 3. "Hype without revenue": defence N (1), other max(1, min(4, 1)) = 1: 0.
    List<QuestionVerdict.Next> next = why().next();
    assertThat(next)
        .extracting(n -> n.rule().name())
        .containsExactly("Rejected by markets", "Hype without revenue");
    assertThat(next).extracting(QuestionVerdict.Next::discrimination).containsExactly(3.0, 0.0);
    // 1/4 for defence against 2 for other: it would favour other; the other tells them nothing.
    assertThat(next).extracting(QuestionVerdict.Next::favours).containsExactly("other", null);
  }

  @Test
  void evidenceRestingOnOneFactIsFlaggedAsSharingPremises(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Fixtures.copyDir(RULES, dir.resolve("rules"));
    Fixtures.write(
        dir.resolve("rules"),
        "shared.drl",
        "package q;\n"
            + "declare Echo\n    deal : String @key\nend\n"
            + "rule \"Echo of a defensive deal\"\n"
            + "    @question(\"why\") @rates(\"bubble: N, defence: C\")\n"
            + "when\n    Defence( $d : deal )\nthen\n    insertLogical( new Echo( $d ) );\nend\n");
    QuestionVerdict q =
        Fixtures.evaluator()
            .evaluate(Fixtures.load(dir.resolve("rules"), FACTS))
            .question("why")
            .orElseThrow();
    assertThat(q.evidence())
        .filteredOn(e -> e.rule().name().equals("Echo of a defensive deal"))
        .singleElement()
        .extracting(QuestionVerdict.Evidence::sharesPremisesWith)
        .isEqualTo(List.of("A defensive deal"));
    assertThat(q.evidence())
        .filteredOn(e -> e.rule().name().equals("Round trips fit both"))
        .singleElement()
        .extracting(QuestionVerdict.Evidence::sharesPremisesWith)
        .isEqualTo(List.of());
  }

  @Test
  void withoutExplanationsWhetherPremisesAreSharedIsUnknownNotNone() throws Exception {
    QuestionVerdict q =
        Fixtures.evaluator()
            .withoutTrace()
            .evaluate(Fixtures.load(RULES, FACTS))
            .question("why")
            .orElseThrow();
    assertThat(q.evidence()).allSatisfy(e -> assertThat(e.sharesPremisesWith()).isNull());
    // The weighing itself needs no explanations: the same posteriors.
    assertThat(q.posteriors()).isEqualTo(why().posteriors());
  }

  @Test
  void theOlderThesisAndStanceFormCountsAsARatingInsideAQuestion(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Fixtures.copyDir(RULES, dir.resolve("rules"));
    String drl = java.nio.file.Files.readString(dir.resolve("rules/why.drl"));
    // "A defensive deal" rated bubble I, defence C; the same rule split in the older form.
    drl =
        drl.replace(
                "rule \"A defensive deal\"\n    @question(\"why\") @rates(\"bubble: I, defence: C\")"
                    + " @strength(0.8)",
                "rule \"A defensive deal\"\n    @thesis(\"defence\") @stance(\"supports\")"
                    + " @strength(0.8)")
            .replace("insertLogical( new Defence( $d ) );", "insertLogical( new Defence( $d ) );");
    drl +=
        "\ndeclare NotBubble\n    deal : String @key\nend\n"
            + "rule \"A defensive deal is no bubble\"\n"
            + "    @thesis(\"bubble\") @stance(\"opposes\") @strength(0.8)\n"
            + "when\n    Deal( $d : name, kind == \"defensive\" )\nthen\n"
            + "    insertLogical( new NotBubble( $d ) );\nend\n";
    java.nio.file.Files.writeString(dir.resolve("rules/why.drl"), drl);
    QuestionVerdict q =
        Fixtures.evaluator()
            .evaluate(Fixtures.load(dir.resolve("rules"), FACTS))
            .question("why")
            .orElseThrow();
    // defence: C (c 0.72) -> 1.72, bubble unrated (N) -> 1, other max(1, 1) = 1.
    // bubble: I (c 0.72) -> 0.64, defence unrated -> 1, other max(1, 0.5) = 1.
    // Together: bubble 0.64, defence 1.72, other 1: the posteriors of the single rule rating both.
    assertThat(q.posteriors().get("bubble")).isCloseTo(0.64 / 3.36, within(1e-12));
    assertThat(q.posteriors().get("defence")).isCloseTo(1.72 / 3.36, within(1e-12));
    QuestionVerdict.Evidence split =
        q.evidence().stream()
            .filter(e -> e.rule().name().equals("A defensive deal"))
            .findFirst()
            .orElseThrow();
    assertThat(split.ratings()).containsExactly(java.util.Map.entry("defence", Rating.C));
    assertThat(split.unrated()).containsExactly("bubble");
  }
}
