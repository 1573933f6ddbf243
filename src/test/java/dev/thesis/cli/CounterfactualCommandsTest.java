package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** whatif, diff and timeline on the seed corpus, as a user runs them. */
class CounterfactualCommandsTest {
  @TempDir Path dir;

  @Test
  void whatifWithoutTheCollaborationTakesTheAllianceDown() {
    Run r = Run.of("whatif", "--without", "s4-deepmind-collaborates-anthropic");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("- lost    alliance-signal:anthropic:google-deepmind:openai")
        .contains("~ thesis  anti-openai-alliance: SUPPORTED -> UNSUPPORTED, support 0.64 -> 0.00");
  }

  @Test
  void whatifWithoutASourceAndWithAFileInJson() throws Exception {
    Path extra =
        Fixtures.write(
            dir,
            "extra.json",
            """
        {"sources": [{"id": "memo", "text": "Meta and Mistral collaborate in public against OpenAI."}],
         "facts": [
          {"id": "meta", "type": "Company", "source": "memo", "name": "meta-ai", "kind": "lab"},
          {"id": "meta-vs-openai", "type": "Competes", "source": "memo", "company": "meta-ai", "rival": "openai"},
          {"id": "meta-with-anthropic", "type": "PublicCollaboration", "source": "memo", "a": "meta-ai", "b": "anthropic"}]}
        """);
    Run r =
        Run.of(
            "whatif", "--without-source", "seed-4", "--with", extra.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertThat(d.get("removed"))
        .extracting(JsonNode::asText)
        .contains("s4-deepmind-collaborates-anthropic");
    assertThat(d.get("added"))
        .extracting(JsonNode::asText)
        .containsExactly("meta", "meta-vs-openai", "meta-with-anthropic");
    assertThat(d.get("gained"))
        .extracting(JsonNode::asText)
        .contains("alliance-signal:anthropic:meta-ai:openai");
    assertThat(d.get("lost"))
        .extracting(JsonNode::asText)
        .contains("alliance-signal:anthropic:google-deepmind:openai");
  }

  @Test
  void whatifRejectsUnknownIds() {
    Run r = Run.of("whatif", "--without", "no-such-fact");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("no fact has the id \"no-such-fact\"");
    assertThat(Run.of("whatif").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void diffOfTwoReportsNamesTheLostConclusionsAndTheRemovedFacts() throws Exception {
    Fixtures.copyDir(Fixtures.SEED_FACTS, dir.resolve("facts"));
    assertThat(
            Run.of(
                    "evaluate",
                    "--facts",
                    dir.resolve("facts").toString(),
                    "--out",
                    dir.resolve("old").toString(),
                    "--format",
                    "json",
                    "--critical-max",
                    "0")
                .code())
        .isZero();
    Files.delete(dir.resolve("facts/seed-04.json"));
    assertThat(
            Run.of(
                    "evaluate",
                    "--facts",
                    dir.resolve("facts").toString(),
                    "--out",
                    dir.resolve("new").toString(),
                    "--format",
                    "json",
                    "--critical-max",
                    "0")
                .code())
        .isZero();
    Run r =
        Run.of(
            "diff",
            dir.resolve("old/report.json").toString(),
            dir.resolve("new/report.json").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Inputs changed (1):\n  facts seed-04.json removed")
        .contains("anti-openai-alliance: SUPPORTED -> ABSENT")
        .contains(
            "alliance-signal:anthropic:google-deepmind:openai  (fact s4-deepmind-collaborates-anthropic removed")
        .contains(
            "Facts removed (4):\n  google-deepmind-is-lab\n  s4-anthropic-challenges-openai\n"
                + "  s4-deepmind-challenges-openai\n  s4-deepmind-collaborates-anthropic\n")
        // Still there, but without seed-4's competes fact among its reasons.
        .contains(
            "Conclusions now resting on other facts (2):\n  rivals:anthropic:openai  (fact s4-anthropic-challenges-openai removed)");
    Run json =
        Run.of(
            "diff",
            dir.resolve("old/report.json").toString(),
            dir.resolve("new/report.json").toString(),
            "--format",
            "json");
    JsonNode d = new ObjectMapper().readTree(json.out());
    assertThat(d.get("lost")).hasSize(6);
    assertThat(
            Run.of(
                    "diff",
                    dir.resolve("old/report.json").toString(),
                    dir.resolve("old/report.json").toString())
                .out())
        .isEqualTo("The reports agree.\n");
  }

  @Test
  void timelinePrintsARowPerChangeDate() {
    Run r = Run.of("timeline");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "Dates: undated (facts without a date), 2019-07-22 (+2), 2023-02-03 (+1),"
                + " 2023-09-25 (+2), 2023-10-27 (+1), 2024-10-02 (+2), 2025-11-18 (+9)\n");
    assertThat(r.out())
        .contains("end-of-exclusivity\n  undated    UNSUPPORTED")
        .contains("  2025-11-18 SUPPORTED   support 0.64  opposition 0.36  <- UNSUPPORTED");
  }

  @Test
  void diffNamesTheFactOrRuleEditBehindAThesisMove() throws Exception {
    Fixtures.copyDir(Fixtures.SEED_FACTS, dir.resolve("facts"));
    Fixtures.copyDir(Fixtures.SEED_RULES, dir.resolve("rules"));
    String[] common = {
      "--rules",
      dir.resolve("rules").toString(),
      "--facts",
      dir.resolve("facts").toString(),
      "--format",
      "json",
      "--critical-max",
      "0"
    };
    assertThat(
            Run.of(
                    concat(
                        new String[] {"evaluate", "--out", dir.resolve("old").toString()}, common))
                .code())
        .isZero();
    Path f = dir.resolve("facts/seed-04.json");
    Files.writeString(
        f,
        Files.readString(f)
            .replace(
                "\"id\": \"s4-deepmind-collaborates-anthropic\", \"type\": \"PublicCollaboration\", \"source\": \"seed-4\", \"confidence\": 0.9",
                "\"id\": \"s4-deepmind-collaborates-anthropic\", \"type\": \"PublicCollaboration\", \"source\": \"seed-4\", \"confidence\": 0.5"));
    Path r = dir.resolve("rules/20-conclude.drl");
    Files.writeString(
        r,
        Files.readString(r)
            .replace(
                "@thesis(\"rivals-become-partners\") @stance(\"supports\") @strength(0.75)",
                "@thesis(\"rivals-become-partners\") @stance(\"supports\") @strength(0.3)"));
    assertThat(
            Run.of(
                    concat(
                        new String[] {"evaluate", "--out", dir.resolve("new").toString()}, common))
                .code())
        .isZero();
    Run d =
        Run.of(
            "diff",
            dir.resolve("old/report.json").toString(),
            dir.resolve("new/report.json").toString());
    // 0.8 x min(SharedRival 0.8, collaboration 0.5) = 0.40; 0.75 -> 0.3 scales both lab arguments.
    assertThat(d.out())
        .contains(
            "anti-openai-alliance: SUPPORTED -> UNSUPPORTED, support 0.6400 -> 0.4000,"
                + " opposition 0.4000 -> 0.2500  (fact s4-deepmind-collaborates-anthropic changed)")
        .contains("rivals-become-partners: SUPPORTED -> UNSUPPORTED")
        .contains("(rule \"A lab partners with providers that compete\" changed)");
  }

  @Test
  void diffRefusesWhatIsNotAReport() throws Exception {
    Path bad =
        Fixtures.write(
            dir,
            "bad.json",
            "{\"theses\": [{\"id\": \"t\"}], \"conclusions\": [], \"facts\": [], \"rules\": []}");
    Run r = Run.of("diff", bad.toString(), bad.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("is not a report.json written by thesis evaluate: a thesis lacks id, verdict")
        .doesNotContain("Exception");
  }

  @Test
  void asOfAppliesToWhatifAndItsWithFacts() throws Exception {
    Path extra =
        Fixtures.write(
            dir,
            "extra.json",
            """
        {"sources": [{"id": "memo", "text": "Later news.", "date": "2026-01-01"}],
         "facts": [{"id": "late", "type": "Competes", "source": "memo", "company": "openai", "rival": "google-deepmind"}]}
        """);
    Run r =
        Run.of("whatif", "--as-of", "2020-01-01", "--with", extra.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = new ObjectMapper().readTree(r.out());
    // The corpus's facts dated after 2020 stay out, and the --with fact is dated by its source
    // (2026).
    assertThat(d.get("added")).isEmpty();
    assertThat(d.get("gained")).isEmpty();
    assertThat(d.get("lost")).isEmpty();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
