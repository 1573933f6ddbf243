package dev.thesis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake in a question, or in a rule's ratings, is reported at the file, line and column
 * where it is written. Columns are found in the text itself (1-based), so each expectation names
 * the token it points at.
 */
class QuestionErrorsTest {
  @TempDir Path dir;

  private static final String RULES_HEAD =
      "package q;\ndeclare Deal\n    name : String @key\nend\n"
          + "declare Seen\n    name : String @key\nend\n";

  private static String rule(String name, String annotations) {
    return "rule \""
        + name
        + "\"\n    "
        + annotations
        + "\nwhen\n    Deal( $n : name )\nthen\n    insertLogical( new Seen( $n ) );\nend\n";
  }

  private static final String FACTS =
      String.join(
          "\n",
          "{",
          "  \"sources\": [{\"id\": \"memo\", \"text\": \"t\"}],",
          "  \"theses\": [{\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"b\", \"title\": \"B\"},"
              + " {\"id\": \"c\", \"title\": \"C\"}],",
          "  \"questions\": [",
          "    {\"id\": \"q1\", \"title\": \"Q1\", \"hypotheses\": [\"a\", \"nope\", \"c\"]},",
          "    {\"id\": \"q2\", \"title\": \"Q2\", \"hypotheses\": [\"b\", \"a\"]},",
          "    {\"id\": \"q3\", \"title\": \"Q3\", \"hypotheses\": [\"b\"]},",
          "    {\"id\": \"memo\", \"title\": \"Q4\", \"hypotheses\": [\"x\", \"y\"]}",
          "  ],",
          "  \"facts\": [{\"id\": \"d\", \"type\": \"Deal\", \"source\": \"memo\", \"name\": \"d\"}]",
          "}",
          "");

  /** A corpus with no mistakes: questions q1 (c, d) and q2 (b, a). */
  private static final String GOOD_FACTS =
      String.join(
          "\n",
          "{",
          "  \"sources\": [{\"id\": \"memo\", \"text\": \"t\"}],",
          "  \"theses\": [{\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"b\", \"title\": \"B\"},"
              + " {\"id\": \"c\", \"title\": \"C\"}, {\"id\": \"d\", \"title\": \"D\"}],",
          "  \"questions\": [",
          "    {\"id\": \"q1\", \"title\": \"Q1\", \"hypotheses\": [\"c\", \"d\"], \"source\": \"memo\"},",
          "    {\"id\": \"q2\", \"title\": \"Q2\", \"hypotheses\": [\"b\", \"a\"]}",
          "  ],",
          "  \"facts\": [{\"id\": \"d1\", \"type\": \"Deal\", \"source\": \"memo\", \"name\": \"d\"}]",
          "}",
          "");

  /** "file:line:col" of the n-th occurrence (1-based) of a token on a line of the text. */
  private static String at(Path file, String text, int line, String token, int nth) {
    String l = text.split("\n", -1)[line - 1];
    int col = -1;
    for (int i = 0; i < nth; i++) {
      col = l.indexOf(token, col + 1);
    }
    assertThat(col).as(token + " on line " + line).isGreaterThanOrEqualTo(0);
    return dev.thesis.diag.DisplayPath.of(file) + ":" + line + ":" + (col + 1);
  }

  private List<String> problems(String drl) {
    return problems(drl, GOOD_FACTS);
  }

  private List<String> problems(String drl, String factText) {
    Path rules = Fixtures.write(dir.resolve("rules"), "q.drl", drl);
    Path facts = Fixtures.write(dir.resolve("facts"), "q.json", factText);
    return Fixtures.loaded(rules.getParent(), List.of(facts.getParent())).diagnostics().stream()
        .map(Diagnostic::toString)
        .toList();
  }

  @Test
  void factFileMistakesAreReportedAtTheirValues() {
    List<String> found =
        problems(RULES_HEAD + rule("R", "@question(\"q2\") @rates(\"a: C, b: I\")"), FACTS);
    Path f = dir.resolve("facts/q.json");
    assertThat(found)
        .contains(
            at(f, FACTS, 5, "\"nope\"", 1)
                + ": error: question \"q1\" names hypothesis \"nope\", which is not a thesis"
                + " (define it in \"theses\")",
            at(f, FACTS, 6, "\"a\"", 1)
                + ": error: thesis \"a\" is a hypothesis of question \"q1\" (at "
                + at(f, FACTS, 5, "{", 1)
                + ") and of \"q2\"; a thesis answers one question at most",
            at(f, FACTS, 7, "[", 1)
                + ": error: a question weighs at least two hypotheses; \"q3\" has 1 (a lone thesis"
                + " needs no question)",
            at(f, FACTS, 8, "{", 1)
                + ": error: duplicate id \"memo\" (first defined at "
                + at(f, FACTS, 2, "{", 1)
                + ")");
  }

  @Test
  void ruleMistakesThatNeedTheCorpusAreReportedAtTheAnnotation() {
    String r1 = "@question(\"nosuch\") @rates(\"a: C\")";
    String r2 = "@question(\"q2\") @rates(\"b: C, zz: I\")";
    String r3 = "@question(\"q2\") @rates(\"b: C\")";
    String drl = RULES_HEAD + rule("R1", r1) + rule("R2", r2) + rule("R3", r3);
    List<String> found = problems(drl);
    Path f = dir.resolve("rules/q.drl");
    int r1Line = lineOf(drl, r1);
    int r2Line = lineOf(drl, r2);
    int r3Line = lineOf(drl, r3);
    assertThat(found)
        .contains(
            at(f, drl, r1Line, "@question", 1)
                + ": error: rule \"R1\" rates question \"nosuch\", which no fact file defines"
                + " (questions: q1, q2) [unknown-question]",
            at(f, drl, r2Line, "zz", 1)
                + ": error: rule \"R2\" rates \"zz\", which is not a hypothesis of question"
                + " \"q2\" (b, a, other) [not-a-hypothesis]",
            at(f, drl, r3Line, "@question", 1)
                + ": warning: rule \"R3\" leaves a of question \"q2\" unrated: each counts as N"
                + " (neutral); rate it in @rates, N included, to say so [unrated-hypothesis]");
  }

  @Test
  void ratingsThatCannotBeReadStopTheBuildAtTheirColumn() {
    String bad = "@question(\"q2\") @rates(\"b: C, a: X\")";
    String both = "@thesis(\"a\") @stance(\"supports\") @question(\"q2\") @rates(\"a: C, b: N\")";
    String loose = "@rates(\"a: C\")";
    String malformed = "@question(\"q2\") @rates(\"b C\")";
    String drl =
        RULES_HEAD
            + rule("Bad", bad)
            + rule("Both", both)
            + rule("Loose", loose)
            + rule("Malformed", malformed);
    List<String> found = problems(drl);
    Path f = dir.resolve("rules/q.drl");
    assertThat(found)
        .contains(
            at(f, drl, lineOf(drl, bad), "X", 1)
                + ": error: rule \"Bad\": \"X\" is no rating of \"a\"; use CC, C, N, I or II (very"
                + " consistent to very inconsistent) [bad-rates]",
            at(f, drl, lineOf(drl, both), "@question", 1)
                + ": error: rule \"Both\": @thesis and @question on one rule: a rule either argues"
                + " one thesis or rates the hypotheses of one question [bad-rates]",
            at(f, drl, lineOf(drl, loose), "@rates", 1)
                + ": error: rule \"Loose\": @rates without @question: say which question"
                + " [bad-rates]",
            at(f, drl, lineOf(drl, malformed), "b C", 1)
                + ": error: rule \"Malformed\": @rates entry \"b C\" is not \"hypothesis:"
                + " RATING\" [bad-rates]");
  }

  @Test
  void aRatingOnTheSecondLineOfItsAnnotationIsReportedThere() {
    String spread = "@question(\"q2\") @rates(\"b: C,\n               a: Q\")";
    String drl = RULES_HEAD + rule("Spread", spread);
    List<String> found = problems(drl);
    Path f = dir.resolve("rules/q.drl");
    assertThat(found)
        .contains(
            at(f, drl, lineOf(drl, "a: Q"), "Q", 1)
                + ": error: rule \"Spread\": \"Q\" is no rating of \"a\"; use CC, C, N, I or II"
                + " (very consistent to very inconsistent) [bad-rates]");
  }

  @Test
  void aLikelihoodWordIsAConfidenceAndAnyOtherWordIsAnError() {
    String facts =
        "{\"sources\": [{\"id\": \"m\", \"text\": \"t\"}], \"facts\": [\n"
            + "{\"id\": \"d\", \"type\": \"Deal\", \"source\": \"m\", \"confidence\": \"likely\","
            + " \"name\": \"d\"},\n"
            + "{\"id\": \"e\", \"type\": \"Deal\", \"source\": \"m\", \"confidence\": \"probable\","
            + " \"name\": \"e\"}]}\n";
    Path file = Fixtures.write(dir, "w.json", facts);
    CorpusLoader.Result r = Fixtures.corpus(List.of(file));
    assertThat(r.corpus().facts()).extracting(FactRecord::confidence).containsExactly(0.675);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            at(file, facts, 3, "\"probable\"", 1)
                + ": error: \"confidence\" \"probable\" is no likelihood word; use a number in"
                + " [0,1] or one of almost-no-chance, very-unlikely, unlikely, roughly-even,"
                + " likely, very-likely, almost-certain");
  }

  private static int lineOf(String text, String token) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(token)) {
        return i + 1;
      }
    }
    throw new AssertionError(token);
  }
}
