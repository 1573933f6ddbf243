package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.WhyNot.Absence;
import dev.thesis.analysis.WhyNot.Attempt;
import dev.thesis.analysis.WhyNot.AttemptOutcome;
import dev.thesis.analysis.WhyNot.Step;
import dev.thesis.analysis.WhyNot.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The why-not fixture, worked by hand. Ties: acme supplies chips to epsilon, gamma and eta and is a
 * chipmaker, so tie:acme:epsilon, tie:acme:gamma and tie:acme:eta hold; beta supplies zeta but is a
 * cloud, so no tie. Loops: acme invests in delta and gamma, beta in zeta; gamma is sanctioned. So
 * no loop holds, and no lock-in: the thesis lockin is UNSUPPORTED.
 */
class WhyNotTest {
  private static final String FACTS = "src/test/resources/whynot/facts/f.json";
  private static final String RULES = "src/test/resources/whynot/rules/w.drl";
  private final EvaluationResult result;

  WhyNotTest() throws Exception {
    result =
        Fixtures.evaluator()
            .evaluate(
                Fixtures.load(
                    Path.of("src/test/resources/whynot/rules"),
                    Path.of("src/test/resources/whynot/facts")));
  }

  /** The negation fixture: claim x, countered by k (so blocked:x), with two backers. */
  private static EvaluationResult negation() throws Exception {
    return Fixtures.evaluator()
        .evaluate(
            Fixtures.load(
                Path.of("src/test/resources/negation/rules"),
                Path.of("src/test/resources/negation/facts")));
  }

  private Absence whyNot(String id, int depth) {
    WhyNot.Target t = WhyNot.target(result, id).orElseThrow();
    assertThat(t.problem()).isNull();
    return WhyNot.of(result, t, depth);
  }

  @Test
  void aMissingJoinPartnerListsTheCandidatesThatDifferInOneField() {
    Absence a = whyNot("vendor-loop:acme:epsilon", 1);
    assertThat(a.outcome()).isEqualTo(WhyNot.AbsenceOutcome.NOT_DERIVED);
    Attempt loop = a.rules().get(0);
    assertThat(loop.rule()).isEqualTo("Money goes round");
    assertThat(loop.location()).isEqualTo(RULES + ":42");
    assertThat(loop.outcome()).isEqualTo(AttemptOutcome.MISSING);
    // The key binds $v = acme, $c = epsilon; the tie is there.
    Step tie = loop.steps().get(0);
    assertThat(tie.outcome()).isEqualTo(StepOutcome.MATCHED);
    assertThat(tie.matches().items())
        .extracting(WhyNot.Item::id)
        .containsExactly("tie:acme:epsilon");
    // acme invests in delta and gamma, not epsilon: each differs in company alone; beta-in-zeta
    // differs in both fields.
    Step invests = loop.steps().get(1);
    assertThat(invests.outcome()).isEqualTo(StepOutcome.NOTHING);
    assertThat(invests.nearest().items())
        .extracting(n -> n.item().id(), WhyNot.Near::field, WhyNot.Near::has, WhyNot.Near::needed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("acme-in-delta", "company", "delta", "epsilon"),
            org.assertj.core.groups.Tuple.tuple("acme-in-gamma", "company", "gamma", "epsilon"));
    assertThat(invests.nearest().items().get(0).item().location()).isEqualTo(FACTS + ":10");
    // Nothing sanctions epsilon.
    assertThat(loop.steps().get(2).outcome()).isEqualTo(StepOutcome.CLEAR);
  }

  @Test
  void aKeyConstructorBindsTheKeyFieldsNotTheFirstFields(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    // Risk declares note before its one @key field, client: new Risk( $c ) is the @key
    // constructor, so $c is the client. Only gamma is sanctioned; delta differs in company alone.
    java.nio.file.Files.createDirectories(dir.resolve("rules"));
    java.nio.file.Files.writeString(
        dir.resolve("rules/r.drl"),
        Files.readString(Path.of(RULES))
            + "\ndeclare Risk\n    note : String\n    client : String @key\nend\n"
            + "rule \"A sanctioned company is a risk\"\nwhen\n    Sanction( $c : company )\n"
            + "then\n    insertLogical( new Risk( $c ) );\nend\n");
    EvaluationResult r =
        Fixtures.evaluator()
            .evaluate(Fixtures.load(dir.resolve("rules"), Path.of(FACTS).getParent()));
    WhyNot.Target target = WhyNot.target(r, "risk:delta").orElseThrow();
    assertThat(target.problem()).isNull();
    Step sanction = WhyNot.of(r, target, 1).rules().get(0).steps().get(0);
    assertThat(sanction.outcome()).isEqualTo(StepOutcome.NOTHING);
    assertThat(sanction.nearest().items())
        .extracting(n -> n.item().id(), WhyNot.Near::field, WhyNot.Near::has, WhyNot.Near::needed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gamma-sanctioned", "company", "gamma", "delta"));
  }

  @Test
  void aBlockedNotNamesTheFactThatBlocksIt() {
    Attempt loop = whyNot("vendor-loop:acme:gamma", 1).rules().get(0);
    assertThat(loop.outcome()).isEqualTo(AttemptOutcome.BLOCKED);
    assertThat(loop.steps().get(1).matches().items())
        .extracting(WhyNot.Item::id)
        .containsExactly("acme-in-gamma");
    Step not = loop.steps().get(2);
    assertThat(not.kind()).isEqualTo(WhyNot.StepKind.NOT);
    assertThat(not.outcome()).isEqualTo(StepOutcome.BLOCKED);
    assertThat(not.matches().items())
        .extracting(WhyNot.Item::id, WhyNot.Item::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("gamma-sanctioned", FACTS + ":13"));
  }

  @Test
  void aConclusionThatBlocksANotIsShownWithTheFactsItRestsOn() throws Exception {
    EvaluationResult negation = negation();
    Absence open = WhyNot.of(negation, WhyNot.target(negation, "open:x").orElseThrow(), 1);
    Step not = open.rules().get(0).steps().get(1);
    assertThat(not.outcome()).isEqualTo(StepOutcome.BLOCKED);
    WhyNot.Item blocked = not.matches().items().get(0);
    assertThat(blocked.id()).isEqualTo("blocked:x");
    assertThat(blocked.grounds())
        .extracting(WhyNot.Item::id, WhyNot.Item::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("k", "src/test/resources/negation/facts/f.json:5"));
  }

  @Test
  void anAccumulateIsNotCheckedAndTheAnswerSaysSo() throws Exception {
    // Two backers of x: the count is 2, not below 2, so lonely:x is not derived; the analysis
    // does not evaluate accumulate, and must not claim the claim pattern is what failed.
    EvaluationResult negation = negation();
    Attempt lonely =
        WhyNot.of(negation, WhyNot.target(negation, "lonely:x").orElseThrow(), 1).rules().get(0);
    assertThat(lonely.outcome()).isEqualTo(AttemptOutcome.NOT_CHECKED);
    assertThat(lonely.steps())
        .extracting(Step::kind, Step::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WhyNot.StepKind.PATTERN, StepOutcome.MATCHED),
            org.assertj.core.groups.Tuple.tuple(
                WhyNot.StepKind.NOT_CHECKED, StepOutcome.NOT_CHECKED));
    assertThat(lonely.steps().get(1).text()).endsWith("from accumulate");
  }

  @Test
  void aMissingConclusionPremiseIsAskedWhyNotToTheDepthGiven() {
    // lockin:zeta needs a loop to zeta; the loop needs a tie to zeta, whose supplier beta is a
    // cloud, not a chipmaker.
    Step loop = whyNot("lockin:zeta", 2).rules().get(0).steps().get(0);
    assertThat(loop.outcome()).isEqualTo(StepOutcome.NOTHING);
    Absence vendorLoop = loop.premises().get(0);
    assertThat(vendorLoop.id()).isEqualTo("vendor-loop:*:zeta");
    Step tie = vendorLoop.rules().get(0).steps().get(0);
    // Every tie differs from one to zeta in its client alone (the vendor is not known).
    assertThat(tie.nearest().items())
        .extracting(n -> n.item().id())
        .containsExactly("tie:acme:epsilon", "tie:acme:eta", "tie:acme:gamma");
    Absence tieToZeta = tie.premises().get(0);
    assertThat(tieToZeta.id()).isEqualTo("tie:*:zeta");
    Step supplier = tieToZeta.rules().get(0).steps().get(1);
    assertThat(supplier.bindings()).containsEntry("$v", "beta");
    assertThat(supplier.nearest().items())
        .extracting(n -> n.item().id(), WhyNot.Near::field, WhyNot.Near::has, WhyNot.Near::needed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("acme-chips", "name", "acme", "beta"),
            org.assertj.core.groups.Tuple.tuple("beta-cloud", "kind", "cloud", "chipmaker"));
    // The loop's investment is matched by beta-in-zeta, but its investor == $v is not checked:
    // only the missing tie would have bound $v.
    Step invests = vendorLoop.rules().get(0).steps().get(1);
    assertThat(invests.unchecked()).containsExactly("investor == $v");
    // One level less: the loop is asked about, the tie is not.
    Step shallow = whyNot("lockin:zeta", 1).rules().get(0).steps().get(0);
    assertThat(shallow.premises().get(0).rules().get(0).steps().get(0).premises()).isEmpty();
    assertThat(whyNot("lockin:zeta", 0).rules().get(0).steps().get(0).premises()).isEmpty();
  }

  @Test
  void anInsertionWithAnotherLiteralCannotConcludeTheId() throws Exception {
    EvaluationResult seed = Fixtures.evaluator().evaluate(Fixtures.seed());
    Absence a =
        WhyNot.of(seed, WhyNot.target(seed, "round-trip:microsoft:openai:cloud").orElseThrow(), 0);
    assertThat(a.rules())
        .extracting(Attempt::rule, Attempt::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Investment returns as cloud spend", AttemptOutcome.MISSING),
            org.assertj.core.groups.Tuple.tuple(
                "Investment returns as chip purchases", AttemptOutcome.CANNOT_CONCLUDE));
    assertThat(a.rules().get(1).note()).isEqualTo("it inserts channel = chips; the id has cloud");
  }

  @Test
  void aThesisThatDoesNotStandListsItsRulesThatDidNotFire() {
    ThesisVerdict lockin = result.verdict("lockin").orElseThrow();
    assertThat(lockin.verdict()).isEqualTo(Verdict.UNSUPPORTED);
    WhyNot.Misses m = WhyNot.misses(result, lockin, 1);
    assertThat(m.fired()).isEmpty();
    Attempt rule = m.misses().get(0);
    assertThat(rule.rule()).isEqualTo("A loop locks the client in");
    assertThat(rule.outcome()).isEqualTo(AttemptOutcome.MISSING);
    // No loop at all: the loop rule, walked with nothing bound, matches three ties, one investment
    // (acme in gamma), and is blocked by gamma's sanction.
    Attempt loop = rule.steps().get(0).premises().get(0).rules().get(0);
    assertThat(loop.outcome()).isEqualTo(AttemptOutcome.BLOCKED);
    assertThat(loop.steps().get(0).matches().items()).hasSize(3);
    assertThat(loop.steps().get(1).matches().items())
        .extracting(WhyNot.Item::id)
        .containsExactly("acme-in-gamma");
    assertThat(loop.steps().get(2).matches().items())
        .extracting(WhyNot.Item::id)
        .containsExactly("gamma-sanctioned");
  }

  @Test
  void idsAreReadAgainstTheDeclaredTypes() {
    assertThat(WhyNot.target(result, "frob:x")).isEmpty();
    assertThat(WhyNot.target(result, "tie:acme").orElseThrow().problem())
        .isEqualTo("a Tie id has 2 key value(s), not 1: tie:VENDOR:CLIENT");
    // Supplier has no @key: a stated type, not a conclusion type.
    assertThat(WhyNot.target(result, "supplier:acme:chipmaker")).isEmpty();
    // Audit is keyed but only stated.
    Absence audit = whyNot("audit:zeta", 1);
    assertThat(audit.outcome()).isEqualTo(WhyNot.AbsenceOutcome.NO_RULE);
    assertThat(audit.rules()).isEmpty();
  }
}
