package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A derived fact in report.json, with every justification that supports it.
 *
 * @param fields the conclusion type's fields, values as the rules made them
 * @param thesis the thesis its first argument is about; null when no rule argues with it
 * @param arguments every thesis it argues, when rules of more than one do; null otherwise
 */
public record ConclusionEntry(
    String id,
    String type,
    Map<String, Object> fields,
    double confidence,
    @JsonProperty("single_source") boolean singleSource,
    boolean cyclic,
    @JsonInclude(Include.NON_NULL) String thesis,
    @JsonInclude(Include.NON_NULL) String stance,
    @JsonInclude(Include.NON_NULL) List<Role> arguments,
    List<Justification> justifications) {

  /** The conclusion as an argument of one thesis. */
  public record Role(String thesis, String stance, double confidence) {}

  /**
   * One rule firing that supports the conclusion, and the ids of the facts and conclusions it
   * matched.
   */
  public record Justification(RuleRef rule, Map<String, Object> bindings, List<String> premises) {}

  /** Where the rule that fired is written. */
  public record RuleRef(String name, String file, int line) {}
}
