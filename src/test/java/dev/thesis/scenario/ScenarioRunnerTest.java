package dev.thesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.thesis.Fixtures;
import dev.thesis.QuestionFixtures;
import dev.thesis.diag.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios on the mini corpus: each kind of expectation can fail, and vacuous ones are refused.
 */
class ScenarioRunnerTest {
  @TempDir Path dir;

  private static final String RULES = Fixtures.MINI_RULES.toAbsolutePath().toString();
  private static final String FACTS = Fixtures.MINI_FACTS.toAbsolutePath().toString();

  private List<Outcome> run(String scenarios) {
    return run(
        "{\"rules\": \""
            + RULES
            + "\", \"facts\": [\""
            + FACTS
            + "\"], \"scenarios\": ["
            + scenarios
            + "]}",
        new ArrayList<>());
  }

  private List<Outcome> run(String file, List<Diagnostic> problems) {
    Path f = Fixtures.write(dir, "s.json", file);
    List<Scenario> scenarios = ScenarioReader.read(f, problems);
    assertThat(problems).isEmpty();
    ScenarioRunner runner =
        new ScenarioRunner(null, Path.of("rules"), dev.thesis.inputs.Settings.DEFAULT);
    return scenarios.stream().map(runner::run).toList();
  }

  private Outcome one(String expect) {
    return run("{\"name\": \"n\", \"expect\": " + expect + "}").get(0);
  }

  @Test
  void expectationsThatHoldPass() {
    Outcome o =
        one(
            """
        {"conclusions": [{"type": "RoundTrip", "fields": {"investor": "bigcloud", "lab": "laba"}}],
         "absent": [{"type": "RoundTrip", "fields": {"lab": "labb"}}],
         "verdicts": {"bubble": "SUPPORTED", "lonely": "UNSUPPORTED"},
         "support": {"rational": {"min": 0.7976, "max": 0.7976}},
         "opposition": {"bubble": {"max": 0.3}},
         "tensions": [["rational", "bubble"]],
         "explanations": [{"conclusion": {"type": "Diversified"}, "minSources": 2, "restsOn": ["f3"],
                           "notRestsOn": ["f4"]}]}
        """);
    assertThat(o.failures()).isEmpty();
    assertThat(o.status()).isEqualTo(Outcome.Status.PASS);
  }

  @Test
  void eachKindOfExpectationFailsWhenItDoesNotHold() {
    Outcome o =
        one(
            """
        {"absent": [{"type": "RoundTrip"}],
         "verdicts": {"bubble": "REFUTED"},
         "support": {"rational": {"min": 0.9}},
         "opposition": {"bubble": {"min": 0.31}},
         "tensions": [["bubble", "lonely"]],
         "explanations": [{"conclusion": {"type": "CircularFunding"}, "minSources": 2},
                          {"conclusion": {"type": "Diversified"}, "notRestsOn": ["f3"]}]}
        """);
    assertThat(o.status()).isEqualTo(Outcome.Status.FAIL);
    assertThat(o.failures())
        .extracting(Failure::found)
        .containsExactly(
            "1 matching conclusion(s) derived",
            "SUPPORTED (support 0.6400, opposition 0.3000)",
            "support is 0.7976",
            "opposition is 0.3000",
            "tensions: bubble <> rational",
            "circular-funding:bigcloud rests on 1 source(s) [s1] (facts: f1, f2)",
            "diversified:laba rests on f3 (facts: f1, f2, f3)");
  }

  @Test
  void expectationsThatCouldNeverFailAreErrors() {
    Outcome o =
        one(
            """
        {"absent": [{"type": "AlianceSignal"}, {"type": "RoundTrip", "fields": {"labb": "x"}}],
         "explanations": [{"conclusion": {"type": "RoundTrip"}, "notRestsOn": ["no-such-fact"]}]}
        """);
    assertThat(o.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(o.problems())
        .extracting(Diagnostic::message)
        .containsExactly(
            "no type AlianceSignal is declared in the rules",
            "RoundTrip has no field \"labb\" (fields: investor, lab)",
            "no fact \"no-such-fact\" in this scenario's facts");
  }

  @Test
  void withoutMustNameKnownFactsAndIsReportedWhereItIsWritten() {
    Outcome o =
        run("{\"name\": \"n\",\n \"without\": [\"f9\"], \"expect\": {\"verdicts\": {\"bubble\": \"SUPPORTED\"}}}")
            .get(0);
    assertThat(o.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(o.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message())
                  .isEqualTo("\"without\" names fact \"f9\", which the scenario does not have");
              assertThat(d.location().line()).isEqualTo(2);
              assertThat(d.location().column()).isEqualTo(13);
            });
  }

  @Test
  void aScenarioWithoutFactsIsAnError() {
    List<Outcome> o =
        run(
            "{\"rules\": \""
                + RULES
                + "\", \"scenarios\": [{\"name\": \"empty\","
                + " \"expect\": {\"absent\": [{\"type\": \"RoundTrip\"}]}}]}",
            new ArrayList<>());
    assertThat(o.get(0).status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(o.get(0).problems())
        .extracting(Diagnostic::message)
        .containsExactly("the scenario has no facts (give \"facts\" or \"corpus\")");
  }

  @Test
  void fileLevelRulesAndFactsApplyWhereverTheyStand() {
    List<Outcome> o =
        run(
            "{\"scenarios\": [{\"name\": \"n\", \"expect\": {\"verdicts\": {\"bubble\": \"SUPPORTED\"}}}],"
                + " \"rules\": \""
                + RULES
                + "\", \"facts\": [\""
                + FACTS
                + "\"]}",
            new ArrayList<>());
    assertThat(o.get(0).status()).isEqualTo(Outcome.Status.PASS);
  }

  /** One scenario on the question worked by hand (see QuestionReportTest), expecting this. */
  private Outcome onQuestion(Path rules, Path facts, String expect) {
    return run(
            "{\"rules\": \""
                + rules.toAbsolutePath()
                + "\", \"facts\": [\""
                + facts.toAbsolutePath()
                + "\"], \"scenarios\": [\n  {\"name\": \"q\", \"expect\": "
                + expect
                + "}\n]}",
            new ArrayList<>())
        .get(0);
  }

  private Outcome onQuestion(String expect) {
    return onQuestion(QuestionFixtures.RULES, QuestionFixtures.FACTS, expect);
  }

  @Test
  void questionExpectationsThatHoldPass() {
    List<Diagnostic> problems = new ArrayList<>();
    List<Scenario> scenarios =
        ScenarioReader.read(Path.of("src/test/resources/questions/scenarios/why.json"), problems);
    assertThat(problems).isEmpty();
    // Verdict, leader and three posteriors, then two thesis verdicts; verdict, leader, three.
    assertThat(scenarios).extracting(sc -> sc.expectations().size()).containsExactly(7, 5);
    ScenarioRunner runner =
        new ScenarioRunner(null, Path.of("rules"), dev.thesis.inputs.Settings.DEFAULT);
    assertThat(scenarios.stream().map(runner::run))
        .allSatisfy(
            o -> assertThat(o.status()).as(TestReport.line(o)).isEqualTo(Outcome.Status.PASS));
  }

  @Test
  void aQuestionExpectationThatFailsSaysWhatTheQuestionCameTo() {
    Outcome o =
        onQuestion(
            """
            {"questions": {"why": {
                "verdict": "FAVOURS",
                "leader": "bubble",
                "posterior": {"defence": {"min": 0.6}}}}}""");
    assertThat(o.status()).isEqualTo(Outcome.Status.FAIL);
    // By hand: bubble 0.64, defence 1.72, other 1 over 3.36; odds 1.72 / 1.
    assertThat(o.failures())
        .extracting(f -> f.expectation().describe(), Failure::found)
        .containsExactly(
            tuple(
                "question why FAVOURS its leader",
                "UNDECIDED (leader defence, odds 1.7200;"
                    + " posterior bubble 0.1905, defence 0.5119, other 0.2976)"),
            tuple(
                "question why is led by bubble",
                "led by defence (posterior bubble 0.1905, defence 0.5119, other 0.2976)"),
            tuple("0.6 <= posterior of defence in question why", "posterior of defence is 0.5119"));
    // Each where it is written: `    "verdict": ` is 15 characters, `    "leader": ` 14,
    // `    "posterior": {"defence": ` 29; the expectation opens on the file's second line.
    assertThat(o.failures())
        .extracting(
            f -> f.expectation().location().line(), f -> f.expectation().location().column())
        .containsExactly(tuple(3, 16), tuple(4, 15), tuple(5, 30));
    assertThat(TestReport.line(o))
        .contains(
            "      expected: question why is led by bubble  ("
                + o.failures().get(1).expectation().location()
                + ")\n      found:    led by defence (posterior bubble 0.1905, defence 0.5119,"
                + " other 0.2976)\n");
  }

  @Test
  void aQuestionOrHypothesisTheCorpusLacksIsAnError() {
    Outcome o =
        onQuestion(
            """
            {"questions": {"whx": {"verdict": "UNDECIDED", "leader": "defence"},
                           "why": {"leader": "other", "posterior": {"nobody": {"max": 0.5}}}}}""");
    assertThat(o.status()).isEqualTo(Outcome.Status.ERROR);
    // The unknown question once, at its first expectation.
    assertThat(o.problems())
        .extracting(Diagnostic::message)
        .containsExactly(
            "no question \"whx\" in this scenario's facts (questions: why)",
            "the leader is a named hypothesis, never \"other\"",
            "\"nobody\" is not a hypothesis of question \"why\" (hypotheses: bubble, defence,"
                + " other)");
    // `  {"name": "q", "expect": {"questions": {"whx": {"verdict": ` is 60 characters.
    assertThat(o.problems().get(0).location())
        .extracting(l -> l.line(), l -> l.column())
        .containsExactly(2, 61);
    assertThat(onQuestion("{\"questions\": {\"why\": {\"leader\": \"nobody\"}}}").problems())
        .extracting(Diagnostic::message)
        .containsExactly(
            "\"nobody\" is not a hypothesis of question \"why\" (hypotheses: bubble, defence)");
  }

  @Test
  void aClosedQuestionHasNoOtherToExpect(@TempDir Path variant) {
    Path closed = QuestionFixtures.closed(variant);
    Outcome o =
        onQuestion(
            closed.resolve("rules"),
            closed.resolve("facts"),
            "{\"questions\": {\"why\": {\"posterior\": {\"other\": {\"max\": 0.1}}}}}");
    assertThat(o.problems())
        .extracting(Diagnostic::message)
        .containsExactly("question \"why\" is closed: it weighs no \"other\"");
  }

  @Test
  void coverageCountsAFiringOnlyForTheRulesFolderTheScenarioRan(@TempDir Path copy) {
    Fixtures.copyDir(Fixtures.MINI_RULES, copy.resolve("rules"));
    ScenarioRunner runner =
        new ScenarioRunner(null, Path.of("rules"), dev.thesis.inputs.Settings.DEFAULT);
    List<Diagnostic> problems = new ArrayList<>();
    Path f =
        Fixtures.write(
            dir,
            "s.json",
            "{\"facts\": [\""
                + FACTS
                + "\"], \"scenarios\": ["
                + "{\"name\": \"a\", \"rules\": \""
                + RULES
                + "\", \"expect\": {\"verdicts\": {\"bubble\": \"SUPPORTED\"}}},"
                + "{\"name\": \"b\", \"rules\": \""
                + copy.resolve("rules")
                + "\", \"without\": [\"f1\", \"f2\", \"f3\", \"f4\", \"f5\"],"
                + " \"corpus\": {\"facts\": [{\"id\": \"x\", \"type\": \"Competes\", \"source\": \"s1\", \"company\": \"a\", \"rival\": \"b\"}]},"
                + " \"expect\": {\"verdicts\": {\"bubble\": \"UNSUPPORTED\"}}}]}");
    List<Outcome> outcomes = ScenarioReader.read(f, problems).stream().map(runner::run).toList();
    assertThat(problems).isEmpty();
    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Outcome.Status.PASS, Outcome.Status.PASS);
    Coverage c = Coverage.of(runner.ruleSets(), outcomes);
    // 7 rules in each folder; all fired in the first, none in the copy.
    assertThat(c.rules()).hasSize(14);
    assertThat(c.fired()).isEqualTo(7);
  }
}
