package dev.thesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
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
