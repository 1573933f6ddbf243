package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A thesis weighed, in report.json. Verdicts and stances are kept as the strings written, so the
 * file format does not move when an enum in the code is renamed.
 *
 * @param question the question it is a hypothesis of; null (written) outside questions
 * @param posterior its posterior in that question; null (written) outside questions
 * @param forArguments the conclusions arguing for it ({@code for} is a Java keyword)
 * @param untested in a question: no rule rates it I or II, so nothing could count against it
 * @param unchallenged outside questions: no rule opposes it
 */
public record ThesisEntry(
    String id,
    String title,
    @JsonInclude(Include.NON_NULL) String claim,
    @JsonInclude(Include.NON_NULL) String source,
    String verdict,
    String question,
    Double posterior,
    double support,
    double opposition,
    @JsonProperty("for") List<String> forArguments,
    List<String> against,
    List<String> rivals,
    List<String> sources,
    @JsonProperty("single_source") boolean singleSource,
    boolean untested,
    boolean unchallenged,
    List<Critical> critical) {

  /** A smallest set of facts whose removal changes the verdict, and the verdict it changes to. */
  public record Critical(List<String> facts, String flipsTo) {}
}
