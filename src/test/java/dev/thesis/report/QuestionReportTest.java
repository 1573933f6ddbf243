package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.QuestionFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.json's questions[] and the question fields of theses[], on the question worked by hand
 * (src/test/resources/questions). Every figure below is computed by hand in the comments.
 */
class QuestionReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private JsonNode report(String out, String... options) throws Exception {
    return JSON.readTree(ReportSamples.questions(dir.resolve(out), options).toFile());
  }

  @Test
  void theQuestionIsReportedWithTheFiguresWorkedByHand() throws Exception {
    JsonNode r = report("default");
    assertThat(r.get("thresholds").get("odds").asDouble()).isEqualTo(3.0);
    assertThat(r.get("questions")).hasSize(1);
    // Round trips: three firings of 1.0 x 0.9, noisy-OR 1 - 0.1^3 = 0.999; C for both, so "other"
    // takes max(1, min λ) = 2 too: every weight 1 + 0.999 x (2 - 1) = 1.999, diagnosticity 1.
    // Defensive deal: 0.8 x 0.9 = 0.72; bubble I: 1 + 0.72 x (0.5 - 1) = 0.64, defence C:
    // 1 + 0.72 = 1.72, other max(1, 0.5) = 1: weight 1; diagnosticity 1.72 / 0.64 = 2.6875.
    // Posteriors (uniform priors, 1.999 common to all): 0.64, 1.72, 1 over 3.36: 0.1905, 0.5119,
    // 0.2976. Leader defence, runner-up other, odds 1.72 < 3: UNDECIDED; other is below the leader,
    // so not incomplete. Bubble 0.1905 > 0.5119 / 3 = 0.1706: OPEN, as is defence. Neither is
    // untested: the defensive deal rates bubble I, "Rejected by markets" defence II.
    // Linchpins (rules in name order, each named hypothesis stepped down then up):
    //   defensive deal, defence C -> CC: 1 + 0.72 x 3 = 3.16 over other's 1: FAVOURS defence;
    //   round trips, bubble C -> N: bubble 1, other max(1, 1) = 1: defence 1.72 x 1.999 = 3.44
    //   over 1: FAVOURS defence;
    //   round trips, defence C -> CC: defence 1 + 0.999 x 3 = 3.997, other stays 1.999:
    //   1.72 x 3.997 / 1.999 = 3.44: FAVOURS defence.
    //   (No other step and no removal moves the odds past 3 or the verdict off UNDECIDED.)
    // Prior shift: 3 / 1.72 = 1.7442. Next, against defence and other: "Rejected by markets"
    // |log2 0.25 - log2 2| = 3; "Hype without revenue" |log2 1 - log2 max(1, min(4, 1))| = 0.
    // No fact set of up to two flips it: removals only take items out, and neither item alone
    // lifts the odds to 3.
    String drl = QuestionFixtures.DRL;
    JsonNode expected =
        JSON.readTree(
            """
            {
              "id": "why", "title": "Why these deals?", "verdict": "UNDECIDED", "incomplete": false,
              "leader": "defence", "runner_up": "other", "odds": 1.72, "other": 0.2976,
              "hypotheses": [
                {"id": "bubble", "posterior": 0.1905, "verdict": "OPEN", "untested": false},
                {"id": "defence", "posterior": 0.5119, "verdict": "OPEN", "untested": false}
              ],
              "evidence": [
                {"rule": "A defensive deal", "file": "%1$s", "line": 30, "confidence": 0.72,
                 "ratings": {"bubble": "I", "defence": "C"}, "unrated": [],
                 "weights": {"bubble": 0.64, "defence": 1.72, "other": 1.0},
                 "diagnosticity": 2.6875, "conclusions": ["defence:d1"], "shares_premises_with": []},
                {"rule": "Round trips fit both", "file": "%1$s", "line": 22, "confidence": 0.999,
                 "ratings": {"bubble": "C", "defence": "C"}, "unrated": [],
                 "weights": {"bubble": 1.999, "defence": 1.999, "other": 1.999},
                 "diagnosticity": 1.0,
                 "conclusions": ["round-trip:r1", "round-trip:r2", "round-trip:r3"],
                 "shares_premises_with": []}
              ],
              "critical": [],
              "linchpins": [
                {"rule": "A defensive deal", "change": "rating", "hypothesis": "defence",
                 "from": "C", "to": "CC", "verdict": "FAVOURS", "leader": "defence"},
                {"rule": "Round trips fit both", "change": "rating", "hypothesis": "bubble",
                 "from": "C", "to": "N", "verdict": "FAVOURS", "leader": "defence"},
                {"rule": "Round trips fit both", "change": "rating", "hypothesis": "defence",
                 "from": "C", "to": "CC", "verdict": "FAVOURS", "leader": "defence"}
              ],
              "prior_shift": 1.7442,
              "next": [
                {"rule": "Rejected by markets", "file": "%1$s", "line": 48, "discrimination": 3.0, "favours": "other"},
                {"rule": "Hype without revenue", "file": "%1$s", "line": 39, "discrimination": 0.0, "favours": null}
              ]
            }
            """
                .formatted(drl));
    assertThat(r.get("questions").get(0)).isEqualTo(expected);
  }

  @Test
  void thesesThatAreHypothesesNameTheirQuestionAndPosterior() throws Exception {
    JsonNode theses = report("default").get("theses");
    JsonNode bubble = theses.get(0);
    JsonNode defence = theses.get(1);
    assertThat(bubble.get("id").asText()).isEqualTo("bubble");
    assertThat(bubble.get("question").asText()).isEqualTo("why");
    assertThat(bubble.get("posterior").asDouble()).isEqualTo(0.1905);
    assertThat(bubble.get("verdict").asText()).isEqualTo("OPEN");
    // Its arguments still weigh as before: for, the three round trips at 0.9 (1 - 0.1^3); against,
    // the defensive deal at 0.72.
    assertThat(bubble.get("support").asDouble()).isEqualTo(0.999);
    assertThat(bubble.get("opposition").asDouble()).isEqualTo(0.72);
    assertThat(bubble.get("untested").asBoolean()).isFalse();
    assertThat(bubble.get("unchallenged").asBoolean()).isFalse();
    assertThat(defence.get("posterior").asDouble()).isEqualTo(0.5119);
    // 1 - 0.1^3 x 0.28 = 0.99972.
    assertThat(defence.get("support").asDouble()).isEqualTo(0.9997);
  }

  @Test
  void aThesisOutsideQuestionsHasNullQuestionAndPosterior() throws Exception {
    JsonNode mini =
        JSON.readTree(Files.readString(Path.of("src/test/resources/golden/mini-report.json")));
    JsonNode bubble = mini.get("theses").get(0);
    assertThat(bubble.get("question").isNull()).isTrue();
    assertThat(bubble.get("posterior").isNull()).isTrue();
    assertThat(mini.get("questions")).isEmpty();
  }

  @Test
  void atLowerOddsTheDefensiveDealIsCriticalAndALinchpin() throws Exception {
    JsonNode q = report("low", "--odds", "1.5").get("questions").get(0);
    // 1.72 >= 1.5: FAVOURS defence; bubble 0.1905 <= 0.5119 / 1.5 = 0.3413: DISFAVOURED.
    assertThat(q.get("verdict").asText()).isEqualTo("FAVOURS");
    assertThat(q.get("hypotheses").get(0).get("verdict").asText()).isEqualTo("DISFAVOURED");
    assertThat(q.get("hypotheses").get(1).get("verdict").asText()).isEqualTo("FAVOURED");
    // 1.5 / 1.72 = 0.8721.
    assertThat(q.get("prior_shift").asDouble()).isEqualTo(0.8721);
    // Without d1 only the round trips are left: all three at 1/3, UNDECIDED, the first named
    // (bubble) leads on the tie.
    assertThat(q.get("critical"))
        .isEqualTo(
            JSON.readTree(
                "[{\"facts\": [\"d1\"], \"verdict\": \"UNDECIDED\", \"leader\": \"bubble\"}]"));
    assertThat(q.get("linchpins"))
        .contains(
            JSON.readTree(
                "{\"rule\": \"A defensive deal\", \"change\": \"without\", \"verdict\": \"UNDECIDED\","
                    + " \"leader\": \"bubble\"}"));
    JsonNode defence = report("low2", "--odds", "1.5").get("theses").get(1);
    // Without d1 defence is at 1/3, above 1/3 / 1.5: OPEN.
    assertThat(defence.get("critical"))
        .isEqualTo(JSON.readTree("[{\"facts\": [\"d1\"], \"flipsTo\": \"OPEN\"}]"));
  }

  @Test
  void aClosedQuestionHasNoOther(@TempDir Path variant) throws Exception {
    Path closed = QuestionFixtures.closed(variant);
    JsonNode q =
        JSON.readTree(
                ReportSamples.evaluate(
                        dir.resolve("closed"),
                        "--rules",
                        closed.resolve("rules").toString(),
                        "--facts",
                        closed.resolve("facts").toString())
                    .toFile())
            .get("questions")
            .get(0);
    // Closed: 0.64 and 1.72 over 2.36: 0.2712 and 0.7288; odds 1.72 / 0.64 = 2.6875 < 3.
    assertThat(q.get("other").isNull()).isTrue();
    assertThat(q.get("runner_up").asText()).isEqualTo("bubble");
    assertThat(q.get("odds").asDouble()).isEqualTo(2.6875);
    assertThat(q.get("hypotheses").get(0).get("posterior").asDouble()).isEqualTo(0.2712);
    assertThat(q.get("hypotheses").get(1).get("posterior").asDouble()).isEqualTo(0.7288);
    assertThat(q.get("evidence").get(0).get("weights"))
        .isEqualTo(JSON.readTree("{\"bubble\": 0.64, \"defence\": 1.72}"));
    // Without "Rejected by markets" nothing rates defence I or II.
    assertThat(q.get("hypotheses").get(1).get("untested").asBoolean()).isTrue();
  }
}
