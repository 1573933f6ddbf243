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
          bubble: SUPPORTED -> SUPPORTED, support 0.6400 -> 0.4000, opposition 0.3000 -> 0.3000  \
        (rule "Circular" changed; fact f2 changed)
        Facts changed (1):
          f2
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
          "lost": [],
          "gained": [],
          "reexplained": [],
          "facts_removed": [],
          "facts_added": [],
          "facts_changed": [
            "f2"
          ],
          "rules_removed": [],
          "rules_added": []
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
