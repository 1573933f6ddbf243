package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  @TempDir Path dir;

  @Test
  void theRepositoryScenariosPassAndCoverEveryRule() {
    Run r = Run.of("test", "tests", "--fail-under", "100");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("0 failed, 0 could not run")
        .contains("(100.0%)")
        .doesNotContain("NEVER FIRED");
  }

  @Test
  void aLoneSurrogateInAScenarioFileIsRefusedAtItsPlace() throws Exception {
    Path scenario = dir.resolve("half.json");
    Files.writeString(
        scenario,
        "{\"scenarios\": [\n  {\"name\": \"a\\ud800b\", \"expect\": {\"verdicts\": {\"x\":"
            + " \"SUPPORTED\"}}}\n]}\n");
    Run r = Run.of("test", scenario.toString(), "--rules", "rules");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains(
            dev.thesis.diag.DisplayPath.of(scenario)
                + ":2:12: error: the string holds a lone UTF-16 surrogate, \\ud800")
        .contains("no scenario was run")
        .doesNotContain("\tat ");
  }

  @Test
  void deletingAPremiseFailsNamingTheMissingConclusionAndTheNearestCandidate() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("tests/alliance.json"));
    List<String> edited = lines.stream().filter(l -> !l.contains("\"id\": \"a-with-b\"")).toList();
    assertThat(edited).hasSize(lines.size() - 1);
    Path scenario = dir.resolve("alliance.json");
    Files.write(scenario, edited);
    // The questions its rules rate, which the scenario file reads beside it.
    Files.copy(Path.of("tests/questions.json"), dir.resolve("questions.json"));
    Run r = Run.of("test", scenario.toString(), "--rules", "rules");
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(r.out())
        .contains("FAIL ")
        .contains(
            "expected: conclusion AllianceSignal{labA: lab-a, labB: lab-b, rival: openai} exists")
        .contains("found:    no conclusion matches; 1 other AllianceSignal derived")
        .contains(
            "nearest:  alliance-signal:lab-b:lab-c:openai AllianceSignal{labA: lab-b, labB: lab-c, rival: openai}");
  }

  @Test
  void aMissingTypeSaysWhichRulesCouldHaveMadeIt() throws Exception {
    Path scenario =
        Fixtures.write(
            dir,
            "s.json",
            """
        {"rules": "%s", "facts": ["%s"], "scenarios": [
          {"name": "wants an alliance", "without": ["s4-deepmind-collaborates-anthropic"],
           "expect": {"conclusions": [{"type": "AllianceSignal"}]}}]}
        """
                .formatted(Path.of("rules").toAbsolutePath(), Path.of("facts").toAbsolutePath()));
    Run r = Run.of("test", scenario.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(r.out())
        .contains(
            "found:    no AllianceSignal was derived; rules that create it: "
                + "\"Labs sharing a rival present a united front\" (rules/20-conclude.drl:239) fired 0 times");
  }

  @Test
  void coverageUnderTheThresholdFails() {
    Run r = Run.of("test", "tests/circularity.json", "--fail-under", "90");
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(r.out())
        .contains("2 passed, 0 failed")
        .contains("NEVER FIRED")
        .contains("is under --fail-under 90.0%")
        .contains("Never fired (")
        .contains("rules/20-conclude.drl:239  Labs sharing a rival present a united front");
  }

  @Test
  void jsonFormatForMachines() throws Exception {
    Run r = Run.of("test", "tests/circularity.json", "--format", "json", "--coverage");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("summary").get("passed").asInt()).isEqualTo(2);
    assertThat(root.get("scenarios").get(0).get("status").asText()).isEqualTo("PASS");
    assertThat(root.get("scenarios").get(0).get("line").asInt()).isEqualTo(4);
    assertThat(root.get("coverage").get("rules")).isNotEmpty();
  }

  @Test
  void aBrokenScenarioFileIsReportedWithItsLocationAndNothingRuns() throws Exception {
    Path scenario =
        Fixtures.write(
            dir,
            "bad.json",
            """
        {"scenarios": [
          {"name": "typo", "expect": {"verdict": {"x": "SUPPORTED"}}}
        ]}
        """);
    Run r = Run.of("test", scenario.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    // Column 31 is the misspelt key (counted by hand: `  {"name": "typo", "expect": {` is 30
    // characters).
    assertThat(r.err()).contains("bad.json:2:31: error: unknown expectation \"verdict\"");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void scenariosWhoseRulesDoNotCompileCouldNotRun() throws Exception {
    Fixtures.copyDir(Path.of("rules"), dir.resolve("rules"));
    Path drl = dir.resolve("rules/20-conclude.drl");
    Files.writeString(
        drl, Files.readString(drl).replace("CommonFront( $a : labA", "CommonFront( $a : laba"));
    Run r = Run.of("test", "tests/alliance.json", "--rules", dir.resolve("rules").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.out())
        .contains("ERROR tests/alliance.json:4")
        .contains(
            "20-conclude.drl:244:23: error: CommonFront has no field \"laba\" (fields: labA, labB, rival);"
                + " did you mean \"labA\"?, so $a is not bound")
        .doesNotContain("cannot be resolved");
  }
}
