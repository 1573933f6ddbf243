package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * report.json as {@code thesis evaluate} writes it and {@code thesis diff} reads it. Component
 * order is field order in the file. docs/report.schema.json describes the same fields; a test keeps
 * the two in step. A component marked {@code NON_NULL} is left out of the file when null.
 *
 * @param inputs null only when read from a report written before reports listed their inputs
 * @param questions null only when read from a report written before questions
 */
public record Report(
    int format,
    List<Input> inputs,
    Thresholds thresholds,
    List<ThesisEntry> theses,
    List<Tension> tensions,
    List<QuestionEntry> questions,
    List<ConclusionEntry> conclusions,
    List<FactEntry> facts,
    List<Source> sources,
    List<RuleEntry> rules) {

  /** Bumped when a field is renamed or removed; new fields do not bump it. */
  public static final int FORMAT = 1;

  /** An input file and the SHA-256 of its bytes. */
  public record Input(String kind, String name, String file, String sha256) {}

  /**
   * The support and opposition a thesis needed for a side to count, and the odds a question's
   * leader needed over its runner-up.
   *
   * @param odds null only when read from a report written before questions
   */
  public record Thresholds(double support, double opposition, Double odds) {}

  /** Two rival theses that both stand. */
  public record Tension(String a, String b, String why) {}

  /** A sentence that facts and theses cite. */
  public record Source(
      String id, String text, String origin, @JsonInclude(Include.NON_NULL) String date) {}
}
