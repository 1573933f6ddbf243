package dev.thesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.thesis.Fixtures;
import dev.thesis.analysis.Verdict;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files are bound by Jackson, and every problem still names the file, line and column of
 * the offending token. Columns are counted by hand in the comments.
 */
class ScenarioReaderTest {
  @TempDir Path dir;
  private Path file;
  private final List<Diagnostic> problems = new ArrayList<>();

  private List<Scenario> read(String json) {
    file = Fixtures.write(dir, "s.json", json);
    return ScenarioReader.read(file, problems);
  }

  private Location at(int line, int column) {
    return new Location(DisplayPath.of(file), line, column);
  }

  /** The file gave no scenario and exactly these problems. */
  private void refused(Diagnostic... expected) {
    assertThat(problems).containsExactly(expected);
  }

  /** One syntax error, in Jackson's words (which name the character), at {@code where}. */
  private void invalidJson(Location where, String start) {
    assertThat(problems)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location()).isEqualTo(where);
              assertThat(d.message()).startsWith("invalid JSON: " + start);
            });
  }

  @Test
  void anUnknownKeyIsReportedAtTheKey() {
    List<Scenario> s =
        read(
            """
        {"scenarios": [
          {"name": "n", "nmae": "m",
           "expect": {"verdicts": {"x": "SUPPORTED"}}}
        ]}
        """);
    assertThat(s).isEmpty();
    // `  {"name": "n", ` is 16 characters.
    refused(
        Diagnostic.error(
            at(2, 17),
            "unknown key \"nmae\" in a scenario (allowed: name, rules, facts, corpus, without, expect)"));
  }

  @Test
  void aValueOfTheWrongTypeIsReportedAtTheValue() {
    List<Scenario> s =
        read(
            """
        {"scenarios": [
          {"name": 3, "expect": {"verdicts": {"x": "SUPPORTED"}}}
        ]}
        """);
    assertThat(s).isEmpty();
    // `  {"name": ` is 11 characters.
    refused(Diagnostic.error(at(2, 12), "\"name\" must be a string, not an integer"));
  }

  @Test
  void aWrongEntryInAListIsReportedAtTheEntry() {
    read(
        """
        {"scenarios": [
          {"name": "n", "without": ["a", 2], "expect": {"verdicts": {"x": "SUPPORTED"}}}
        ]}
        """);
    // `  {"name": "n", "without": ["a", ` is 33 characters.
    refused(Diagnostic.error(at(2, 34), "\"without\"[1] must be a string, not an integer"));
  }

  @Test
  void aMissingRequiredKeyIsReportedAtTheObjectThatLacksIt() {
    read(
        """
        {"scenarios": [
          {"name": "n",
           "expect": {"absent": [{"fields": {"a": 1}}]}}
        ]}
        """);
    // `   "expect": {"absent": [` is 25 characters.
    refused(Diagnostic.error(at(3, 26), "a conclusion pattern has no \"type\""));
  }

  @Test
  void aBadValueNamesWhatIsAllowed() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"verdicts": {"x": "MAYBE"}}}
        ]}
        """);
    // `  {"name": "n", "expect": {"verdicts": {"x": ` is 45 characters.
    refused(
        Diagnostic.error(
            at(2, 46),
            "\"verdicts\"[\"x\"] must be SUPPORTED, REFUTED, CONTESTED, UNSUPPORTED, FAVOURED,"
                + " DISFAVOURED or OPEN, not \"MAYBE\""));
  }

  @Test
  void anUnknownExpectationIsNamedSo() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"verdict": {"x": "SUPPORTED"}}}
        ]}
        """);
    // `  {"name": "n", "expect": {` is 27 characters.
    refused(
        Diagnostic.error(
            at(2, 28),
            "unknown expectation \"verdict\" in \"expect\" (allowed: "
                + "conclusions, absent, verdicts, support, opposition, tensions, explanations,"
                + " questions)"));
  }

  @Test
  void aTrailingCommaIsInvalidJsonAtTheComma() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"verdicts": {"x": "SUPPORTED"},}}
        ]}
        """);
    // `  {"name": "n", "expect": {"verdicts": {"x": "SUPPORTED"},` is 58 characters.
    invalidJson(at(2, 58), "trailing comma: remove it");
  }

  @Test
  void malformedJsonIsReportedAtTheBracketNeverClosed() {
    read("{\"scenarios\": [{\"name\": \"n\"");
    // The input ends inside the scenario, whose "{" is the 16th character.
    invalidJson(at(1, 16), "this \"{\" is never closed");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    read("{\"scenarios\": [{\"name\": \"n\", \"name\": \"m\", \"expect\": {}}]}");
    // `{"scenarios": [{"name": "n", "name"` is 35 characters: the parser stops after the second
    // key.
    refused(Diagnostic.error(at(1, 36), "invalid JSON: Duplicate field 'name'"));
  }

  @Test
  void aFileThatIsNotAnObjectSaysWhatItMustHold() {
    read("[]");
    refused(
        Diagnostic.error(
            at(1, 1), "the file must be an object (keys: rules, facts, scenarios), not an array"));
  }

  @Test
  void everyProblemOfAnInlineCorpusIsReportedInTheScenarioFile() {
    List<Scenario> s =
        read(
            """
        {"scenarios": [
          {"name": "n", "expect": {"verdicts": {"x": "SUPPORTED"}},
           "corpus": {"facts": [{"type": "T", "source": "s"}], "extra": []}}
        ]}
        """);
    assertThat(s).isEmpty();
    // `   "corpus": {"facts": [` is 24 characters; `{"type": "T", "source": "s"}], ` 31 more.
    refused(
        Diagnostic.error(at(3, 25), "a fact has no \"id\""),
        Diagnostic.error(
            at(3, 56), "unknown section \"extra\" (expected sources, theses, facts or questions)"));
  }

  @Test
  void whatBindingCannotCheckIsReportedWhereItIsWritten() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {
            "support": {"x": {"min": 0.9, "max": 0.5}},
            "explanations": [{"conclusion": {"type": "T"}, "minSources": 0}]}}
        ]}
        """);
    // `    "support": {"x": ` is 21 characters;
    // `    "explanations": [{"conclusion": {"type": "T"}, "minSources": ` is 65.
    refused(
        Diagnostic.error(at(3, 22), "support of \"x\": min 0.9 is above max 0.5"),
        Diagnostic.error(at(4, 66), "\"minSources\" must be at least 1"),
        Diagnostic.error(at(2, 3), "scenario \"n\" expects nothing"));
  }

  @Test
  void aQuestionExpectationMustExpectSomethingThatCanFail() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"questions": {
            "a": {},
            "b": {"posterior": {"h": {}}},
            "c": {"posterior": {"h": {"min": 0.6, "max": 0.4}}}}}}
        ]}
        """);
    // `    "a": ` is 9 characters; `    "b": {"posterior": {"h": ` 29; `    "c": ...` the same.
    refused(
        Diagnostic.error(at(3, 10), "a question expectation needs verdict, leader or posterior"),
        Diagnostic.error(at(4, 30), "posterior of \"h\" in \"b\": give min, max or both"),
        Diagnostic.error(at(5, 30), "posterior of \"h\" in \"c\": min 0.6 is above max 0.4"),
        Diagnostic.error(at(2, 3), "scenario \"n\" expects nothing"));
  }

  @Test
  void aQuestionExpectationIsBoundAsStrictlyAsTheRest() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"questions": {"q": {"verdict": "FAVOURED"}}}}
        ]}
        """);
    // `  {"name": "n", "expect": {"questions": {"q": {"verdict": ` is 58 characters.
    refused(
        Diagnostic.error(at(2, 59), "\"verdict\" must be FAVOURS or UNDECIDED, not \"FAVOURED\""));
    problems.clear();
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"questions": {"q": {"leaders": "a"}}}}
        ]}
        """);
    // `  {"name": "n", "expect": {"questions": {"q": {` is 47 characters.
    refused(
        Diagnostic.error(
            at(2, 48),
            "unknown key \"leaders\" in a question expectation (allowed: verdict, leader,"
                + " posterior)"));
  }

  @Test
  void questionExpectationsKeepWhereTheyAreWritten() {
    List<Scenario> s =
        read(
            """
        {"scenarios": [
          {"name": "n", "expect": {"questions": {"q": {
            "verdict": "FAVOURS", "leader": "a", "posterior": {"other": {"max": 0.1}}}}}}
        ]}
        """);
    assertThat(problems).isEmpty();
    // `    "verdict": ` is 15 characters, `"FAVOURS", "leader": ` 21 more, `"a", "posterior":
    // {"other": `
    // 28 more.
    assertThat(s.get(0).expectations())
        .containsExactly(
            new Expectation.QuestionIs(
                "q", dev.thesis.analysis.QuestionVerdict.Decision.FAVOURS, at(3, 16)),
            new Expectation.LeaderIs("q", "a", at(3, 37)),
            new Expectation.Posterior("q", "other", null, 0.1, at(3, 65)));
  }

  @Test
  void expectationsKeepWhereTheyAreWrittenAndTheirOrder() {
    List<Scenario> s =
        read(
            """
        {"scenarios": [
          {"name": "n",
           "expect": {"verdicts": {"b/c": "supported"},
                      "conclusions": [{"type": "T", "fields": {"f": null}}]}}
        ]}
        """);
    assertThat(problems).isEmpty();
    Scenario only = s.get(0);
    assertThat(only.location()).isEqualTo(at(2, 3));
    assertThat(only.facts()).isEmpty();
    assertThat(only.without()).isEmpty();
    // `   "expect": {"verdicts": {"b/c": ` is 34 characters; `              "conclusions": [` 30.
    assertThat(only.expectations())
        .containsExactly(
            new Expectation.VerdictIs("b/c", Verdict.SUPPORTED, at(3, 35)),
            new Expectation.Exists(
                new ConclusionPattern("T", java.util.Map.of("f", NullNode.getInstance())),
                at(4, 31)));
  }

  @Test
  void aLoneSurrogateIsRefusedWhereTheStringStarts() {
    // The JSON escape writes half a character; `  {"name": ` is 11 characters.
    List<Scenario> s =
        read(
            """
        {"scenarios": [
          {"name": "a\\ud800b", "expect": {"verdicts": {"x": "SUPPORTED"}}}
        ]}
        """);
    assertThat(s).isEmpty();
    refused(
        Diagnostic.error(
            at(2, 12),
            "the string holds a lone UTF-16 surrogate, \\ud800, which is not a character (write"
                + " the character itself, or both halves of its surrogate pair)"));
  }

  @Test
  void aLoneSurrogateInAKeyIsRefusedToo() {
    read(
        """
        {"scenarios": [
          {"name": "n", "expect": {"verdicts": {"x\\udc00": "SUPPORTED"}}}
        ]}
        """);
    // Jackson itself refuses half a character in a key (its names are interned as UTF-8).
    assertThat(problems)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().line()).isEqualTo(2);
              assertThat(d.message()).contains("surrogate").contains("0xdc00");
            });
  }
}
