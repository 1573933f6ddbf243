package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.QuestionFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
