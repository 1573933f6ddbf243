package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.QuestionFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whatif, diff, timeline and test on the question worked by hand (src/test/resources/questions), as
 * a user runs them. The figures are worked out by hand in the comments (the full question in
 * QuestionReportTest).
 */
class QuestionCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULES = QuestionFixtures.RULES.toString();
  private static final String FACTS = QuestionFixtures.FACTS.toString();

  @TempDir Path dir;

  @Test
  void whatifWithoutTheDefensiveDealLeavesNothingToTellTheHypothesesApart() throws Exception {
    Run r = Run.of("whatif", "--rules", RULES, "--facts", FACTS, "--without", "d1");
    assertThat(r.code()).as(r.err()).isZero();
    // Before: bubble 0.64, defence 1.72, other 1 over 3.36 (0.19, 0.51, 0.30), leader defence.
    // Without d1 only the round trips are left, 1.999 for each: 1/3 each, and on the tie the first
    // named, bubble, leads; odds 1, still UNDECIDED. The hypotheses' lines give their posteriors
    // (their noisy-OR sums decide nothing): bubble 0.19 -> 0.33, defence 0.51 -> 0.33.
    assertThat(r.out())
        .isEqualTo(
            """
            Without: d1
            With:    -
              - lost    defence:d1
              ~ thesis  bubble: OPEN, posterior 0.19 -> 0.33
              ~ thesis  defence: OPEN, posterior 0.51 -> 0.33
              ~ question why: UNDECIDED, leader defence -> bubble, posterior bubble 0.19 -> 0.33, \
            defence 0.51 -> 0.33, other 0.30 -> 0.33
            """);
    Run json =
        Run.of("whatif", "--rules", RULES, "--facts", FACTS, "--without", "d1", "--format", "json");
    JsonNode d = JSON.readTree(json.out());
    assertThat(d.get("questions_added")).isEmpty();
    assertThat(d.get("questions"))
        .isEqualTo(
            JSON.readTree(
                """
                [{"id": "why",
                  "verdict": {"before": "UNDECIDED", "after": "UNDECIDED"},
                  "leader": {"before": "defence", "after": "bubble"},
                  "posteriors": {"bubble": {"before": 0.1905, "after": 0.3333},
                                 "defence": {"before": 0.5119, "after": 0.3333},
                                 "other": {"before": 0.2976, "after": 0.3333}}}]
                """));
  }

  @Test
  void whatifWithoutAnEvidenceFreeFactLeavesTheQuestionOut() {
    // r1 gone: the round trips are worth 1 - 0.1^2 = 0.99 instead of 0.999, the same for every
    // hypothesis, so the posteriors do not move.
    Run r = Run.of("whatif", "--rules", RULES, "--facts", FACTS, "--without", "r1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("- lost    round-trip:r1").doesNotContain("question");
  }

  @Test
  void diffNamesTheQuestionMoveAndTheFactBehindIt() throws Exception {
    Path facts = QuestionFixtures.dated(dir);
    String[] common = {
      "--rules", RULES, "--facts", facts.toString(), "--odds", "1.5", "--format", "json"
    };
    evaluate(dir.resolve("old"), "2024-01-01", common);
    evaluate(dir.resolve("new"), "2024-03-01", common);
    Run d =
        Run.of(
            "diff",
            dir.resolve("old/report.json").toString(),
            dir.resolve("new/report.json").toString());
    assertThat(d.code()).as(d.err()).isZero();
    // Before d1 (2024-03-01): the round trips alone, 1/3 each, bubble leads on the tie. With it:
    // 0.1905, 0.5119, 0.2976 and odds 1.72 >= 1.5: FAVOURS defence.
    assertThat(d.out())
        .contains(
            """
            Questions moved (1):
              why: UNDECIDED -> FAVOURS, leader bubble -> defence, posterior bubble 0.3333 -> \
            0.1905, defence 0.3333 -> 0.5119, other 0.3333 -> 0.2976  (fact d1 added)
            """)
        // The hypotheses' lines give their posteriors: bubble 1/3 -> 0.1905, at most 0.5119 / 1.5.
        .contains("bubble: OPEN -> DISFAVOURED, posterior 0.3333 -> 0.1905  (fact d1 added)")
        .contains("defence: OPEN -> FAVOURED")
        .contains("Facts added (1):\n  d1\n");
  }

  private static void evaluate(Path out, String asOf, String... common) {
    String[] args = new String[common.length + 5];
    args[0] = "evaluate";
    args[1] = "--out";
    args[2] = out.toString();
    args[3] = "--as-of";
    args[4] = asOf;
    System.arraycopy(common, 0, args, 5, common.length);
    Run r = Run.of(args);
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void timelineHasARowPerDateForTheQuestion() throws Exception {
    Path facts = QuestionFixtures.dated(dir);
    Run r = Run.of("timeline", "--rules", RULES, "--facts", facts.toString(), "--odds", "1.5");
    assertThat(r.code()).as(r.err()).isZero();
    // Undated: the round trips alone, 1/3 each, bubble leads on the tie, UNDECIDED.
    // 2024-03-01, d1: defence 0.5119 at odds 1.72 >= 1.5, FAVOURS.
    // 2024-06-01, h1 through "Hype without revenue" (0.5 x 0.9 = 0.45, bubble CC: 1 + 0.45 x 3 =
    // 2.35, defence and other 1): bubble 0.64 x 2.35 = 1.504, defence 1.72, other 1; defence
    // 1.72 / 4.224 = 0.41 leads bubble by 1.72 / 1.504 = 1.14 < 1.5: UNDECIDED.
    assertThat(r.out())
        .startsWith(
            "Dates: undated (facts without a date), 2024-03-01 (+1), 2024-06-01 (+1)\n"
                + "  2024-03-01  + d1\n"
                + "  2024-06-01  + h1\n\n")
        .endsWith(
            """

            why (question)
              undated    UNDECIDED   leader bubble   posterior 0.33
              2024-03-01 FAVOURS     leader defence  posterior 0.51  <- UNDECIDED, leader bubble
              2024-06-01 UNDECIDED   leader defence  posterior 0.41  <- FAVOURS
            """)
        // The hypotheses' rows beside it, with their posteriors: defence FAVOURED only while the
        // question favours it (1/3, then 0.5119, then 1.72 / 4.224 = 0.4072).
        .contains(
            """
            defence
              undated    OPEN        posterior 0.33
              2024-03-01 FAVOURED    posterior 0.51  <- OPEN
              2024-06-01 OPEN        posterior 0.41  <- FAVOURED
            """);
    JsonNode json =
        JSON.readTree(
            Run.of(
                    "timeline",
                    "--rules",
                    RULES,
                    "--facts",
                    facts.toString(),
                    "--odds",
                    "1.5",
                    "--format",
                    "json")
                .out());
    // 1.504 / 4.224 = 0.3561, 1.72 / 4.224 = 0.4072, 1 / 4.224 = 0.2367.
    assertThat(json.at("/timeline/2/questions/why"))
        .isEqualTo(
            JSON.readTree(
                """
                {"verdict": "UNDECIDED", "leader": "defence",
                 "posteriors": {"bubble": 0.3561, "defence": 0.4072, "other": 0.2367}}
                """));
  }

  @Test
  void theQuestionScenariosPass() {
    Run r = Run.of("test", "src/test/resources/questions/scenarios");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("2 scenario(s): 2 passed, 0 failed, 0 could not run");
  }
}
