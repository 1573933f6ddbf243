package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.QuestionFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters from the inputs reach the terminal escaped, so that a source cannot clear the
 * screen or a title fake a line: the question worked by hand, with an ESC sequence in its source
 * and question title and a carriage return in a thesis title.
 */
class TerminalEscapingTest {
  private static final String RULES = QuestionFixtures.RULES.toString();

  @TempDir Path dir;
  private String facts;

  @BeforeEach
  void hostileCopy() throws Exception {
    String why = Files.readString(QuestionFixtures.FACTS.resolve("why.json"));
    // JSON escapes: the loaded strings hold a real ESC and a real carriage return.
    String hostile =
        why.replace("\"Three deals came back", "\"\\u001b[2JThree deals came back")
            .replace("\"The deals are a bubble\"", "\"The deals\\r are a bubble\"")
            .replace("\"Why these deals?\"", "\"Why these\\u001b[31m deals?\"");
    assertThat(hostile).isNotEqualTo(why);
    Path folder = Files.createDirectories(dir.resolve("facts"));
    Files.writeString(folder.resolve("why.json"), hostile);
    facts = folder.toString();
  }

  @Test
  void explainEscapesTheSourceAndTheTitle() {
    Run r = Run.of("explain", "--rules", RULES, "--facts", facts, "bubble");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("thesis bubble: The deals\\u000d are a bubble: OPEN")
        .contains(
            "memo: \"\\u001b[2JThree deals came back as revenue; one defended an account.\"\n")
        .doesNotContain("\u001b")
        .doesNotContain("\r");
  }

  @Test
  void evaluateEscapesTheQuestionTitle() {
    Run r =
        Run.of(
            "evaluate", "--rules", RULES, "--facts", facts, "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\nQuestion why: Why these\\u001b[31m deals?\n")
        .doesNotContain("\u001b");
  }

  @Test
  void explainEscapesAnUnknownId() {
    Run r = Run.of("explain", "--rules", RULES, "--facts", facts, "no\u001b[2Jsuch");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("has the id \"no\\u001b[2Jsuch\"").doesNotContain("\u001b");
  }

  /**
   * The question again, with an ESC sequence and a BEL in the source's text, a thesis id (and its
   * title) and a fact id: what whatif, timeline, diff and test print from them.
   */
  private Path hostileIds(String name, boolean withD1) throws Exception {
    String why = Files.readString(QuestionFixtures.FACTS.resolve("why.json"));
    String hostile =
        why.replace("\"Three deals", "\"\\u001b[2J\\u0007Three deals")
            .replace(
                "\"theses\": [\n",
                "\"theses\": [\n    {\"id\": \"odd\\u001b[2J\\u0007\", \"title\": \"A"
                    + " \\u001b[2J\\u0007 title\", \"source\": \"memo\"},\n")
            .replace("\"d1\", \"type\"", "\"d\\u001b[2J\\u00071\", \"type\"");
    if (!withD1) {
      hostile =
          hostile
              .replaceAll("\n.*\"d\\\\u001b.*", "")
              .replace("\"kind\": \"roundtrip\"},\n  ]", "\"kind\": \"roundtrip\"}\n  ]");
    }
    assertThat(hostile).contains("odd\\u001b");
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("why.json"), hostile);
    return folder;
  }

  /** The run exited {@code code} and printed {@code escaped}, and no raw ESC or BEL anywhere. */
  private static void printsEscaped(Run r, int code, String escaped) {
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(code);
    assertThat(r.out()).contains(escaped);
    assertThat(r.out() + r.err()).doesNotContain("\u001b").doesNotContain("\u0007");
  }

  @Test
  void whatifEscapesTheIdsItPrints() throws Exception {
    Path facts = hostileIds("whatif", true);
    Run r =
        Run.of(
            "whatif",
            "--rules",
            RULES,
            "--facts",
            facts.toString(),
            "--without",
            "d\u001b[2J\u00071");
    printsEscaped(r, 0, "Without: d\\u001b[2J\\u00071\n");
  }

  @Test
  void timelineEscapesTheThesisIds() throws Exception {
    Path facts = hostileIds("timeline", true);
    Run r = Run.of("timeline", "--rules", RULES, "--facts", facts.toString());
    printsEscaped(r, 0, "\nodd\\u001b[2J\\u0007\n");
  }

  @Test
  void diffEscapesTheIdsOfTheReports() throws Exception {
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    for (Path out : List.of(before, after)) {
      Path facts = hostileIds(out.getFileName().toString() + "-facts", out == before);
      Run e =
          Run.of(
              "evaluate", "--rules", RULES, "--facts", facts.toString(), "--out", out.toString());
      assertThat(e.code()).as(e.err()).isZero();
    }
    Run r =
        Run.of(
            "diff",
            before.resolve("report.json").toString(),
            after.resolve("report.json").toString());
    printsEscaped(r, 0, "d\\u001b[2J\\u00071");
  }

  @Test
  void testEscapesTheScenarioName() throws Exception {
    Path facts = hostileIds("scenario-facts", true);
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(
        scenarios.resolve("hostile.json"),
        "{\"rules\": \""
            + Path.of(RULES).toAbsolutePath()
            + "\", \"facts\": [\""
            + facts.toAbsolutePath()
            + "\"], \"scenarios\": [{\"name\": \"a \\u001b[2J\\u0007 name\", \"expect\":"
            + " {\"verdicts\": {\"odd\\u001b[2J\\u0007\": \"SUPPORTED\"}}}]}");
    Run r = Run.of("test", scenarios.toString());
    printsEscaped(r, ExitCodes.TESTS_FAILED, "a \\u001b[2J\\u0007 name");
  }
}
