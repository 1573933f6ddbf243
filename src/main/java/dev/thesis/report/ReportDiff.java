package dev.thesis.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.report.json.Report;
import java.util.List;

/**
 * What differs between two report.json files, as {@link ReportDiffer} finds it. Written as JSON by
 * {@link #json()} (component order is field order) and for the terminal by {@link DiffText}.
 */
public record ReportDiff(
    @JsonProperty("inputs_changed") List<String> inputsChanged,
    List<ThesisMove> theses,
    List<QuestionMove> questions,
    List<Change> lost,
    List<Change> gained,
    List<Change> reexplained,
    @JsonProperty("facts_removed") List<String> factsRemoved,
    @JsonProperty("facts_added") List<String> factsAdded,
    @JsonProperty("facts_changed") List<Edited> factsChanged,
    @JsonProperty("rules_removed") List<String> rulesRemoved,
    @JsonProperty("rules_added") List<String> rulesAdded,
    @JsonProperty("rules_changed") List<Edited> rulesChanged) {

  /** A fact or rule in both reports, and what about it differs, in a fixed order. */
  public record Edited(String id, List<FieldChange> changes) {}

  /**
   * One field of a fact or rule, as each report states it; null where a report has none.
   *
   * @param field a fact's field by name, or confidence, type, source, date; a rule's strength,
   *     thesis, stance, question, rates
   */
  public record FieldChange(String field, String before, String after) {}

  /** A thesis whose verdict or scores differ, and the edits found under its arguments. */
  public record ThesisMove(
      String id,
      @JsonProperty("verdict_before") String verdictBefore,
      @JsonProperty("verdict_after") String verdictAfter,
      @JsonProperty("support_before") double supportBefore,
      @JsonProperty("support_after") double supportAfter,
      @JsonProperty("opposition_before") double oppositionBefore,
      @JsonProperty("opposition_after") double oppositionAfter,
      @JsonProperty("posterior_before")
          @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double posteriorBefore,
      @JsonProperty("posterior_after")
          @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Double posteriorAfter,
      List<String> because) {

    /** Whether the thesis is a hypothesis of a question in either report. */
    @JsonIgnore
    public boolean hypothesis() {
      return posteriorBefore != null || posteriorAfter != null;
    }
  }

  /**
   * A question whose verdict, leader or posteriors differ (verdict ABSENT and leader null on the
   * side that lacks it), and the edits found under its evidence.
   *
   * @param posteriors each weighed hypothesis whose posterior differs, in the newer report's order
   */
  public record QuestionMove(
      String id,
      @JsonProperty("verdict_before") String verdictBefore,
      @JsonProperty("verdict_after") String verdictAfter,
      @JsonProperty("leader_before") String leaderBefore,
      @JsonProperty("leader_after") String leaderAfter,
      List<PosteriorMove> posteriors,
      List<String> because) {}

  /** A hypothesis's posterior in each report; null where the report does not weigh it. */
  public record PosteriorMove(String hypothesis, Double before, Double after) {}

  /** A conclusion that changed, and the edits that explain it. */
  public record Change(String id, List<String> because) {}

  @JsonIgnore
  public boolean isEmpty() {
    return inputsChanged.isEmpty()
        && theses.isEmpty()
        && questions.isEmpty()
        && lost.isEmpty()
        && gained.isEmpty()
        && reexplained.isEmpty()
        && factsRemoved.isEmpty()
        && factsAdded.isEmpty()
        && factsChanged.isEmpty()
        && rulesRemoved.isEmpty()
        && rulesAdded.isEmpty()
        && rulesChanged.isEmpty();
  }

  /** What makes a JSON tree unusable as a report, or null: see {@link ReportReader}. */
  public static String problem(JsonNode n) {
    return ReportReader.problem(n);
  }

  /** The diff of two trees that {@link #problem} accepts. */
  public static ReportDiff between(JsonNode before, JsonNode after) {
    return between(ReportReader.read(before), ReportReader.read(after));
  }

  public static ReportDiff between(Report before, Report after) {
    return ReportDiffer.between(before, after);
  }

  /** The diff for the terminal. */
  public String text() {
    return DiffText.render(this);
  }

  /** The diff as JSON, in report.json's style. */
  public String json() {
    return JsonText.write(this);
  }
}
