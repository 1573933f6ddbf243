package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A thesis weighed, in report.json. Verdicts and stances are kept as the strings written, so the
 * file format does not move when an enum in the code is renamed.
 *
 * @param forArguments the conclusions arguing for it ({@code for} is a Java keyword)
 */
public record ThesisEntry(
    String id,
    String title,
    @JsonInclude(Include.NON_NULL) String claim,
    @JsonInclude(Include.NON_NULL) String source,
    String verdict,
    double support,
    double opposition,
    @JsonProperty("for") List<String> forArguments,
    List<String> against,
    List<String> rivals,
    List<String> sources,
    @JsonProperty("single_source") boolean singleSource,
    List<Critical> critical) {

  /** A smallest set of facts whose removal changes the verdict, and the verdict it changes to. */
  public record Critical(List<String> facts, String flipsTo) {}
}
