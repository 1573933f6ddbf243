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
    // Before: 0.7 x min(CommonFront 0.675, MarketLeader 0.875) = 0.4725 for, 0.5 x 0.675 = 0.3375
    // against (the DeepMind-OpenAI rivalry is "likely", 0.675); without the collaboration, none.
    assertThat(r.out())
        .contains("- lost    alliance-signal:anthropic:google-deepmind:openai")
        .contains(
            "~ thesis  anti-openai-alliance: UNSUPPORTED, support 0.47 -> 0.00, opposition 0.34 -> 0.00");
  }

  @Test
  void whatifWithoutASourceAndWithAFileInJson() throws Exception {
    Path extra =
        Fixtures.write(
            dir,
            "extra.json",
            """
        {"sources": [{"id": "memo", "text": "Meta and Anthropic collaborate in public against OpenAI, the market leader."}],
         "facts": [
          {"id": "meta", "type": "Company", "source": "memo", "name": "meta-ai", "kind": "lab"},
          {"id": "meta-vs-openai", "type": "Competes", "source": "memo", "company": "meta-ai", "rival": "openai"},
          {"id": "meta-with-anthropic", "type": "PublicCollaboration", "source": "memo", "a": "meta-ai", "b": "anthropic"},
          {"id": "openai-leads", "type": "MarketLeader", "source": "memo", "company": "openai", "market": "ai-industry"}]}
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
        .containsExactly("meta", "meta-vs-openai", "meta-with-anthropic", "openai-leads");
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
    // A mistyped id is a usage error, as it is for explain.
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--without: no fact has the id \"no-such-fact\"");
    // One letter left out of a seed fact's id.
    Run typo = Run.of("whatif", "--without", "s7-microsoft-shares-drp");
    assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err())
        .contains(
            "--without: no fact has the id \"s7-microsoft-shares-drp\";"
                + " did you mean \"s7-microsoft-shares-drop\"?");
    assertThat(Run.of("whatif").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void whatifSaysWhenAnIdIsOfTheOtherKindOrLeftOutByAsOf() {
    // seed-4 is the source of assertion 4; s4-openai-leads-market is one of its facts.
    Run source = Run.of("whatif", "--without", "seed-4");
    assertThat(source.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(source.err())
        .contains(
            "--without: \"seed-4\" is a source, not a fact; take out every fact citing it with"
                + " --without-source seed-4");
    Run fact = Run.of("whatif", "--without-source", "s4-openai-leads-market");
    assertThat(fact.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(fact.err())
        .contains(
            "--without-source: \"s4-openai-leads-market\" is a fact, not a source; take it out"
                + " with --without s4-openai-leads-market");
    // f4 cites s2, the memo of 2024-06-01: not in force on 2024-01-01.
    Run dated =
        Run.of(
            "whatif",
            "--rules",
            Fixtures.MINI_RULES.toString(),
            "--facts",
            Fixtures.DATED_FACTS.toString(),
            "--as-of",
            "2024-01-01",
            "--without",
            "f4");
    assertThat(dated.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(dated.err())
        .contains(
            "--without: fact \"f4\" is dated 2024-06-01, after --as-of: it is not in the corpus"
                + " evaluated");
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
    // seed-04's facts go; its source and thesis stay, since rules still argue the thesis (a rule
    // arguing a thesis no fact file defines is an error).
    ObjectMapper m = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode seed4 =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            m.readTree(dir.resolve("facts/seed-04.json").toFile());
    seed4.putArray("facts");
    Files.writeString(dir.resolve("facts/seed-04.json"), m.writeValueAsString(seed4));
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
        .contains("Inputs changed (1):\n  facts seed-04.json changed")
        .contains(
            "anti-openai-alliance: still UNSUPPORTED, support 0.4725 -> 0.0000,"
                + " opposition 0.3375 -> 0.0000")
        .containsPattern(
            "alliance-signal:anthropic:google-deepmind:openai  \\(.*fact"
                + " s4-deepmind-collaborates-anthropic removed")
        .contains(
            "Facts removed (4):\n  google-deepmind-is-lab\n  s4-deepmind-collaborates-anthropic\n"
                + "  s4-deepmind-competes-openai\n  s4-openai-leads-market\n")
        // Anthropic's rivalry with OpenAI rests on seed-1 and seed-8 alone: nothing that stays
        // loses a reason.
        .doesNotContain("Conclusions now resting on other facts");
    Run json =
        Run.of(
            "diff",
            dir.resolve("old/report.json").toString(),
            dir.resolve("new/report.json").toString(),
            "--format",
            "json");
    JsonNode d = new ObjectMapper().readTree(json.out());
    // Both directions of the DeepMind-OpenAI rivalry, the shared rival, the common front, the
    // alliance signal and the divided loyalty.
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
    // The seed corpus is undated: one row.
    Run seed = Run.of("timeline");
    assertThat(seed.code()).isZero();
    assertThat(seed.out()).startsWith("Dates: undated (facts without a date)\n\n");
    Run r =
        Run.of(
            "timeline",
            "--rules",
            Fixtures.MINI_RULES.toString(),
            "--facts",
            Fixtures.DATED_FACTS.toString());
    assertThat(r.code()).isZero();
    // Each date names the facts that arrived then: the memo of 2023-03-01 (s1) states f1 and f2,
    // that of 2024-06-01 (s2) f3 and f4; f5 (s0) is undated.
    assertThat(r.out())
        .startsWith(
            "Dates: undated (facts without a date), 2023-03-01 (+2), 2024-06-01 (+2)\n"
                + "  2023-03-01  + f1, f2\n"
                + "  2024-06-01  + f3, f4\n\n");
    // On 2024-06-01 LabA's second cloud (0.8 x 0.7 = 0.56) and BigCloud's hedged bet (0.9 x 0.6 =
    // 0.54) make the funding rational: 1 - 0.44 x 0.46 = 0.7976.
    assertThat(r.out())
        .contains("rational\n  undated    UNSUPPORTED")
        .contains("  2024-06-01 SUPPORTED   support 0.80  opposition 0.00  <- UNSUPPORTED");
  }

  @Test
  void aDateWithManyFactsNamesTheFirstAndCountsTheRest() throws Exception {
    StringBuilder facts = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      facts.append(
          String.format(
              "%s{\"id\": \"c%02d\", \"type\": \"Company\", \"source\": \"s\", \"name\":"
                  + " \"c%02d\", \"kind\": \"lab\"}",
              i == 1 ? "" : ",\n", i, i));
    }
    Path f =
        Fixtures.write(
            dir,
            "many.json",
            "{\"sources\": [{\"id\": \"s\", \"text\": \"Ten labs.\", \"date\": \"2025-01-02\"}],\n"
                + " \"facts\": ["
                + facts
                + "]}");
    // With the seed corpus (undated), whose theses its rules argue.
    Run r = Run.of("timeline", "--facts", "facts", "--facts", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith(
            "Dates: undated (facts without a date), 2025-01-02 (+10)\n"
                + "  2025-01-02  + c01, c02, c03, c04, c05, c06, c07, c08 and 2 more\n");
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
                "\"id\": \"s4-deepmind-collaborates-anthropic\", \"type\": \"PublicCollaboration\", \"source\": \"seed-4\", \"confidence\": \"very-likely\"",
                "\"id\": \"s4-deepmind-collaborates-anthropic\", \"type\": \"PublicCollaboration\", \"source\": \"seed-4\", \"confidence\": \"unlikely\""));
    Path r = dir.resolve("rules/20-conclude.drl");
    Files.writeString(
        r,
        Files.readString(r)
            .replace(
                "@thesis(\"rivals-become-partners\") @stance(\"supports\") @strength(0.8)",
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
    // For: 0.7 x min(SharedRival 0.675, collaboration 0.875 -> 0.325) = 0.4725 -> 0.2275; against:
    // 0.5 x the same = 0.3375 -> 0.1625. Rivals become partners: 0.8 -> 0.3 scales both lab
    // arguments, OpenAI's 0.8 x 0.675 and Anthropic's 0.8 x 0.67 (1 - 0.46 x 0.464 = 0.7866), to
    // 0.2025 and 0.201 (1 - 0.7975 x 0.799 = 0.3628).
    assertThat(d.out())
        .contains(
            "anti-openai-alliance: still UNSUPPORTED, support 0.4725 -> 0.2275,"
                + " opposition 0.3375 -> 0.1625  (fact s4-deepmind-collaborates-anthropic changed)")
        // Its opposition stays 0 and is not shown as a move.
        .contains(
            "rivals-become-partners: SUPPORTED -> UNSUPPORTED, support 0.7866 -> 0.3628  (rule")
        .contains("(rule \"A lab partners with providers that compete\" changed)")
        // The edits themselves, old -> new: "very-likely" is 0.875 and "unlikely" 0.325 on the
        // scale (docs/calibration.md).
        .contains(
            "Facts changed (1):\n  s4-deepmind-collaborates-anthropic: confidence 0.875 -> 0.325\n")
        .contains(
            "Rules changed (1):\n  \"A lab partners with providers that compete\": strength 0.8 ->"
                + " 0.3\n");
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
    // The corpus is undated, so all of it stays in; the --with fact is dated by its source (2026)
    // and stays out.
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
