package dev.thesis.scenario;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.thesis.trace.Conclusion;
import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A conclusion by type and some of its fields: {@code AllianceSignal{labA: anthropic}}. Bound as
 * written in a scenario file; a field may be expected to be null.
 */
@JsonClassDescription("a conclusion pattern")
public record ConclusionPattern(
    @ScenarioFile.Required String type,
    @JsonSetter(contentNulls = Nulls.SET) Map<String, JsonNode> fields) {

  public ConclusionPattern {
    var copy = new java.util.LinkedHashMap<String, JsonNode>(fields == null ? Map.of() : fields);
    copy.replaceAll((k, v) -> v == null ? NullNode.getInstance() : v);
    fields = java.util.Collections.unmodifiableMap(copy);
  }

  public boolean matches(Conclusion c) {
    return c.type().equals(type) && matchingFields(c) == fields.size();
  }

  /** How many of the pattern's fields the conclusion has with the same value (for "nearest"). */
  public int matchingFields(Conclusion c) {
    int n = 0;
    for (var e : fields.entrySet()) {
      if (c.fields().containsKey(e.getKey()) && same(e.getValue(), c.fields().get(e.getKey()))) {
        n++;
      }
    }
    return n;
  }

  static boolean same(JsonNode expected, Object actual) {
    if (expected.isNull()) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() && actual instanceof Number n) {
      return expected.decimalValue().compareTo(new BigDecimal(n.toString())) == 0;
    }
    if (expected.isBoolean()) {
      return actual instanceof Boolean b && b == expected.booleanValue();
    }
    return expected.isTextual() && expected.asText().equals(String.valueOf(actual));
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", type + "{", "}");
    fields.forEach((k, v) -> j.add(k + ": " + (v.isTextual() ? v.asText() : v.toString())));
    return j.toString();
  }
}
