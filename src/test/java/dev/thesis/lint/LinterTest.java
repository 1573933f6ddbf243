package dev.thesis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each finding is triggered by the fixture src/test/resources/lint/CODE, at the location given. */
class LinterTest {
  private static final Path FIXTURES = Path.of("src/test/resources/lint");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unknown-ref,      ERROR,   facts/f.json,    4, 79",
    "unused-type,      WARNING, rules/types.drl, 6, 9",
    "never-fires,      WARNING, rules/types.drl, 12, 5",
    "unknown-thesis,   ERROR,   rules/types.drl, 8, 31",
    "unargued-thesis,  WARNING, facts/f.json,    3, 4",
    "bad-stance,       ERROR,   rules/types.drl, 8, 1",
    "uncited-source,   WARNING, facts/f.json,    2, 14",
    "duplicate-rule,   ERROR,   rules/b.drl,     4, 1",
    "duplicate-type,   ERROR,   rules/b.drl,     3, 9",
    "unkeyed-conclusion,    ERROR,   rules/types.drl, 9, 1",
    "undeclared-conclusion, ERROR,   rules/types.drl, 6, 1",
    "not-logical,      WARNING, rules/types.drl, 9, 1",
    "bad-ref,          ERROR,   rules/types.drl, 6, 9",
    "bad-graph,        ERROR,   rules/types.drl, 6, 9",
    "unknown-question,   ERROR,   rules/types.drl, 40, 5",
    "not-a-hypothesis,   ERROR,   rules/types.drl, 40, 42",
    "unrated-hypothesis, WARNING, rules/types.drl, 40, 5",
    "bad-rates,          ERROR,   rules/types.drl, 40, 51",
    "unknown-literal,    WARNING, rules/types.drl, 12, 36",
    "not-in-values,      ERROR,   rules/types.drl, 12, 36",
    "bad-values,         ERROR,   rules/types.drl, 4, 17",
    "cross-product,      WARNING, rules/types.drl, 17, 5",
  })
  void findingIsReportedAtItsLocation(
      String code, Severity severity, String file, int line, int column) {
    Path dir = FIXTURES.resolve(code);
    List<Diagnostic> found =
        dev.thesis.Fixtures.loaded(dir.resolve("rules"), List.of(dir.resolve("facts")))
            .diagnostics();
    List<Diagnostic> withCode = found.stream().filter(d -> code.equals(d.code())).toList();
    assertThat(withCode)
        .as("findings %s in %s", code, found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(severity);
              assertThat(d.location().file()).isEqualTo(dir.resolve(file).toString());
              assertThat(d.location().line()).isEqualTo(line);
              assertThat(d.location().column()).isEqualTo(column);
            });
  }

  private static List<Diagnostic> findings(String fixture) {
    return findingsIn(FIXTURES.resolve(fixture));
  }

  @org.junit.jupiter.api.Test
  void extendsOrFunctionsQueriesFieldTypesAndCommentsGiveNoFalseFindings() {
    // Bank extends Firm (a loan's lender is a bank); a merger is one branch of an `or`; a function
    // creates Audit; a query is no rule; Address is only a field type; a comment mentions insert().
    assertThat(findings("clean-advanced")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void unknownLiteralKeepsQuietWhereARuleCanSetAnyValueAndReadsLiteralsHoldingSlashes(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    dev.thesis.Fixtures.copyDir(FIXTURES.resolve("unknown-literal"), dir);
    Path drl = dir.resolve("rules/types.drl");
    String base = java.nio.file.Files.readString(drl);
    // A "//" inside a string is no comment: the one rule making a Link concludes it, so the rule
    // on Link can fire (no never-fires) and "http://x" is a url it holds (no unknown-literal).
    java.nio.file.Files.writeString(
        drl,
        base
            + "declare Link\n    url : String @key\nend\n"
            + "rule \"linked\"\nwhen\n    Purchase( scale == \"primary\" )\nthen\n"
            + "    insertLogical( new Link( \"http://x\" ) );\nend\n"
            + "rule \"linked ones\"\nwhen\n    Link( url == \"http://x\" )\nthen\nend\n");
    assertThat(findingsIn(dir))
        .extracting(d -> d.code() + "@" + d.location().line())
        .containsExactly("unknown-literal@12");
    // A setter may give scale any value: "primery" can no longer be said to be unheld.
    java.nio.file.Files.writeString(
        drl,
        base
            + "rule \"sets\"\nwhen\n    Big( $b : buyer )\nthen\n"
            + "    Purchase p = new Purchase( $b, null );\n    p.setScale( \"bulk\" );\n"
            + "    insert( p );\nend\n");
    assertThat(findingsIn(dir)).extracting(Diagnostic::code).doesNotContain("unknown-literal");
  }

  private static List<Diagnostic> findingsIn(Path dir) {
    return dev.thesis.Fixtures.loaded(dir.resolve("rules"), List.of(dir.resolve("facts")))
        .diagnostics();
  }

  @org.junit.jupiter.api.Test
  void neverFiresFollowsTheChainOfRulesThatCannotFire() {
    // Nothing states a Merger, so rule A never creates the Big that rule B needs.
    assertThat(findings("never-fires-chain"))
        .extracting(d -> d.code() + "@" + d.location().line() + ":" + d.location().column())
        .containsExactly("never-fires@11:15", "never-fires@15:5");
  }

  private static String message(String fixture, String code) {
    return findings(fixture).stream()
        .filter(d -> code.equals(d.code()))
        .map(Diagnostic::message)
        .findFirst()
        .orElseThrow();
  }

  @org.junit.jupiter.api.Test
  void anUnknownLiteralListsTheValuesThereAreAndTheNearest() {
    // The facts say primary and secondary; "large" is concluded with a literal, so no warning.
    assertThat(message("unknown-literal", "unknown-literal"))
        .isEqualTo(
            "rule \"big buys\": no Purchase has scale \"primery\" (scale: primary, secondary);"
                + " did you mean \"primary\"?");
  }

  @org.junit.jupiter.api.Test
  void aLiteralOutsideTheFieldsValuesIsAnError() {
    assertThat(message("not-in-values", "not-in-values"))
        .isEqualTo(
            "rule \"big buys\": Purchase.scale is \"primery\", which is not one of its @values:"
                + " primary, secondary; did you mean \"primary\"?");
  }

  @org.junit.jupiter.api.Test
  void anUnknownThesisSaysWhichItMayHaveMeant() {
    assertThat(message("unknown-thesis", "unknown-thesis"))
        .isEqualTo(
            "rule \"firms are big\" argues thesis \"firms-are-bigg\", which no fact file defines;"
                + " did you mean \"firms-are-big\"?");
  }

  @org.junit.jupiter.api.Test
  void aCrossProductSaysWhatToJoinOn() {
    // The second rule of the fixture joins on name == $b: no finding there.
    assertThat(findings("cross-product"))
        .filteredOn(d -> "cross-product".equals(d.code()))
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo(
            "rule \"lenders meet every other firm\": Firm is joined to Loan (line 16) with no"
                + " equality between them, so every Firm meets every Loan: the square of the"
                + " corpus; join on name == $l, or materialise the pairs in a classify rule");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"rules", "bench/peer-rules"})
  void theCorpusRulesJoinNoLargeTypesWithoutAnEquality(String rules) {
    List<Diagnostic> found = dev.thesis.Fixtures.loaded(Path.of(rules), List.of()).diagnostics();
    assertThat(found).filteredOn(d -> "cross-product".equals(d.code())).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theCorpusComparesNoLiteralThatNothingHolds() {
    List<Diagnostic> found =
        dev.thesis.Fixtures.loaded(
                dev.thesis.Fixtures.SEED_RULES, List.of(dev.thesis.Fixtures.SEED_FACTS))
            .diagnostics();
    assertThat(found).filteredOn(d -> "unknown-literal".equals(d.code())).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aRivalNamedOnOneSideIsEnough() throws Exception {
    // "big" names "small"; "small" names nothing. Both are argued and both stand.
    Path dir = FIXTURES.resolve("rival-on-one-side");
    assertThat(findings("rival-on-one-side")).isEmpty();
    var result =
        dev.thesis.Fixtures.evaluator()
            .evaluate(dev.thesis.Fixtures.load(dir.resolve("rules"), dir.resolve("facts")));
    assertThat(result.verdicts())
        .extracting(v -> v.thesis().id() + " " + v.rivals())
        .containsExactly("big [small]", "small [big]");
    assertThat(result.tensions()).extracting(t -> t.a() + "/" + t.b()).containsExactly("big/small");
  }
}
