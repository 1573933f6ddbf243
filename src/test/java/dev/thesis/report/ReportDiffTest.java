package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thesis.report.json.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The diff of two reports read as records, in its text and JSON forms. */
class ReportDiffTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode golden(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode r =
        (ObjectNode) JSON.readTree(Path.of("src/test/resources/golden/mini-report.json").toFile());
    edit.accept(r);
    return r;
  }

  private static Report report(Consumer<ObjectNode> edit) throws Exception {
    return ReportReader.read(golden(edit));
  }

  @Test
  void aReportAgreesWithItself() throws Exception {
    ReportDiff d = ReportDiff.between(report(r -> {}), report(r -> {}));
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.text()).isEqualTo("The reports agree.\n");
  }

  /**
   * A rating moved one step is a rule change, named as the reason its question moved. "A defensive
   * deal", defence C -> CC, is a linchpin of the questions fixture (QuestionWeighingTest): the
   * question then FAVOURS defence.
   */
  @Test
  void aRatingEditIsNamedAsTheReasonAQuestionMoved(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    ReportDiff d =
        questionsEdited(
            dir,
            drl ->
                drl.replace(
                    "@rates(\"bubble: I, defence: C\")", "@rates(\"bubble: I, defence: CC\")"));
    assertThat(d.questions())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.verdictBefore()).isEqualTo("UNDECIDED");
              assertThat(q.verdictAfter()).isEqualTo("FAVOURS");
              assertThat(q.because()).contains("rule \"A defensive deal\" changed");
            });
  }

  /**
   * An edit of a rule's conditions is a body change, shown as the lines removed and added; a
   * strength edit in the same rule is named once, as itself; re-indenting and commenting another
   * rule is no change. The expected lines are the two versions of "Hype without revenue"'s pattern
   * as edited here.
   */
  @Test
  void aBodyEditIsShownLineByLineAndReindentingIsNoChange(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    ReportDiff d =
        questionsEdited(
            dir,
            drl ->
                drl.replace("kind == \"hype\" )", "kind == \"hype\" || kind == \"roundtrip\" )")
                    .replace(
                        "@rates(\"bubble: CC, defence: N\") @strength(0.5)",
                        "@rates(\"bubble: CC, defence: N\") @strength(0.6)")
                    .replace(
                        "    insertLogical( new Rejection( $d ) );",
                        "\t\t  insertLogical( new Rejection( $d ) ); // re-indented, commented"));
    assertThat(d.rulesChanged())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo("Hype without revenue");
              assertThat(e.changes())
                  .extracting(ReportDiff.FieldChange::field)
                  .containsExactly("strength", "body");
            });
    assertThat(d.text())
        .contains(
            """
          "Hype without revenue": strength 0.5 -> 0.6, body changed:
              - Deal( $d : name, kind == "hype" )
              + Deal( $d : name, kind == "hype" || kind == "roundtrip" )
        """);
  }

  /** The diff of the questions fixture's report and its report after editing why.drl. */
  private static ReportDiff questionsEdited(Path dir, java.util.function.UnaryOperator<String> edit)
      throws Exception {
    Path rules = Path.of("src/test/resources/questions/rules");
    Path facts = Path.of("src/test/resources/questions/facts");
    dev.thesis.Fixtures.copyDir(rules, dir);
    Path drl = dir.resolve("why.drl");
    java.nio.file.Files.writeString(drl, edit.apply(java.nio.file.Files.readString(drl)));
    return ReportDiff.between(reportOf(rules, facts), reportOf(dir, facts));
  }

  private static Report reportOf(Path rules, Path facts) throws Exception {
    String json =
        JsonReport.render(
            dev.thesis.Fixtures.evaluator().evaluate(dev.thesis.Fixtures.load(rules, facts)));
    return ReportReader.read(JSON.readTree(json));
  }

  @Test
  void aRuleAndAFactEditExplainAThesisMove() throws Exception {
    Report after =
        report(
            r -> {
              ((ObjectNode) r.get("rules").get(2)).put("strength", 0.5);
              ((ObjectNode) r.get("theses").get(0)).put("support", 0.4);
              ((ObjectNode) r.get("facts").get(1)).put("confidence", 0.7);
            });
    ReportDiff d = ReportDiff.between(report(r -> {}), after);
    assertThat(d.text())
        .isEqualTo(
            """
        Theses moved (1):
          bubble: still SUPPORTED, support 0.6400 -> 0.4000  (rule "Circular" changed; fact f2 changed)
        Facts changed (1):
          f2: confidence 0.8 -> 0.7
        Rules changed (1):
          "Circular": strength 0.8 -> 0.5
        """);
    assertThat(d.json())
        .isEqualTo(
            """
        {
          "inputs_changed": [],
          "theses": [
            {
              "id": "bubble",
              "verdict_before": "SUPPORTED",
              "verdict_after": "SUPPORTED",
              "support_before": 0.64,
              "support_after": 0.4,
              "opposition_before": 0.3,
              "opposition_after": 0.3,
              "because": [
                "rule \\"Circular\\" changed",
                "fact f2 changed"
              ]
            }
          ],
          "questions": [],
          "lost": [],
          "gained": [],
          "reexplained": [],
          "facts_removed": [],
          "facts_added": [],
          "facts_changed": [
            {
              "id": "f2",
              "changes": [
                {
                  "field": "confidence",
                  "before": "0.8",
                  "after": "0.7"
                }
              ]
            }
          ],
          "rules_removed": [],
          "rules_added": [],
          "rules_changed": [
            {
              "id": "Circular",
              "changes": [
                {
                  "field": "strength",
                  "before": "0.8",
                  "after": "0.5"
                }
              ]
            }
          ]
        }
        """);
    // The trees the CLI reads give the same diff as the records.
    assertThat(ReportDiff.between(golden(r -> {}), JSON.valueToTree(after))).isEqualTo(d);
  }

  @Test
  void aReportWrittenBeforeInputsWereListedIsSaidToBe() throws Exception {
    ReportDiff d = ReportDiff.between(report(r -> r.remove("inputs")), report(r -> {}));
    assertThat(d.inputsChanged())
        .containsExactly("(a report records no inputs: written before reports listed them)");
  }

  @Test
  void aReportWrittenBeforeQuestionsAgreesWithTheSameReportNow() throws Exception {
    Report old =
        report(
            r -> {
              r.remove("questions");
              ((ObjectNode) r.get("thresholds")).remove("odds");
            });
    assertThat(old.questions()).isNull();
    assertThat(ReportDiff.between(old, report(r -> {})).isEmpty()).isTrue();
  }

  @Test
  void theOddsExplainAQuestionMoveOnceBothReportsRecordThem() throws Exception {
    ObjectNode after = questionReport();
    ((ObjectNode) after.get("thresholds")).put("odds", 1.5);
    ((ObjectNode) after.get("questions").get(0)).put("verdict", "FAVOURS");
    ObjectNode before = questionReport();
    assertThat(ReportDiff.between(before, after).questions().get(0).because())
        .containsExactly("thresholds changed");
    ((ObjectNode) before.get("thresholds")).remove("odds");
    assertThat(ReportDiff.between(before, after).questions().get(0).because()).isEmpty();
  }

  private static ObjectNode questionReport() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            JsonReport.render(
                dev.thesis.Fixtures.evaluator()
                    .evaluate(
                        dev.thesis.Fixtures.load(
                            dev.thesis.QuestionFixtures.RULES,
                            dev.thesis.QuestionFixtures.FACTS))));
  }

  @Test
  void aQuestionRemovedOrAddedIsAbsentOnOneSide() throws Exception {
    ObjectNode with = questionReport();
    ObjectNode without = with.deepCopy();
    ((ArrayNode) without.get("questions")).removeAll();
    // The hand-worked posteriors: 0.1905, 0.5119, 0.2976 (see QuestionReportTest).
    assertThat(ReportDiff.between(with, without).text())
        .isEqualTo(
            """
        Questions moved (1):
          why: UNDECIDED -> ABSENT, leader defence -> -, posterior bubble 0.1905 -> -, \
        defence 0.5119 -> -, other 0.2976 -> -
        """);
    ReportDiff added = ReportDiff.between(without, with);
    assertThat(added.questions())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.verdictBefore()).isEqualTo("ABSENT");
              assertThat(m.verdictAfter()).isEqualTo("UNDECIDED");
              assertThat(m.leaderBefore()).isNull();
              assertThat(m.posteriors())
                  .containsExactly(
                      new ReportDiff.PosteriorMove("bubble", null, 0.1905),
                      new ReportDiff.PosteriorMove("defence", null, 0.5119),
                      new ReportDiff.PosteriorMove("other", null, 0.2976));
            });
  }

  @Test
  void onlyThePosteriorsThatMovedAreListed() throws Exception {
    ObjectNode before = questionReport();
    ObjectNode after = before.deepCopy();
    ObjectNode why = (ObjectNode) after.get("questions").get(0);
    ((ObjectNode) why.get("hypotheses").get(0)).put("posterior", 0.2);
    why.put("other", 0.2881);
    ReportDiff d = ReportDiff.between(before, after);
    assertThat(d.questions())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.leaderAfter()).isEqualTo("defence");
              assertThat(m.posteriors())
                  .containsExactly(
                      new ReportDiff.PosteriorMove("bubble", 0.1905, 0.2),
                      new ReportDiff.PosteriorMove("other", 0.2976, 0.2881));
            });
    assertThat(d.json())
        .contains(
            """
              "questions": [
                {
                  "id": "why",
                  "verdict_before": "UNDECIDED",
                  "verdict_after": "UNDECIDED",
                  "leader_before": "defence",
                  "leader_after": "defence",
                  "posteriors": [
                    {
                      "hypothesis": "bubble",
                      "before": 0.1905,
                      "after": 0.2
                    },
            """);
  }

  @Test
  void aQuestionWithoutIdIsNotAReport() throws Exception {
    ObjectNode r = questionReport();
    ((ObjectNode) r.get("questions").get(0)).remove("id");
    assertThat(ReportDiff.problem(r)).isEqualTo("a question lacks id or verdict");
    r.put("questions", 3);
    assertThat(ReportDiff.problem(r)).isEqualTo("\"questions\" is not an array");
  }

  @Test
  void aLostConclusionNamesTheRemovedFactUnderIt() throws Exception {
    Report after =
        report(
            r -> {
              ((ArrayNode) r.get("facts")).remove(4);
              ((ArrayNode) r.get("conclusions")).remove(2);
            });
    ReportDiff d = ReportDiff.between(report(r -> {}), after);
    assertThat(d.lost())
        .containsExactly(new ReportDiff.Change("hedged-bet:bigcloud", List.of("fact f5 removed")));
    assertThat(d.factsRemoved()).containsExactly("f5");
  }
}
