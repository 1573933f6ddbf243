package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.report.json.Report;

/**
 * report.json: the whole evaluation for machines and diffs, as the records of {@link
 * dev.thesis.report.json} written in the fixed style of {@link JsonText}. The same inputs give
 * byte-identical output.
 */
public final class JsonReport {
  /** Bumped when a field is renamed or removed; new fields do not bump it. */
  public static final int FORMAT = Report.FORMAT;

  private JsonReport() {}

  public static String render(EvaluationResult r) {
    return JsonText.write(ReportRecords.of(r));
  }
}
