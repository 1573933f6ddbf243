package dev.thesis.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.LocatedValue;
import dev.thesis.trace.Conclusion;
import java.util.Map;
import java.util.StringJoiner;

/** One-line descriptions of facts and conclusions: {@code Type(field=value, ...)}. */
final class Describe {
  private Describe() {}

  static String fact(BoundFact f) {
    StringJoiner j = new StringJoiner(", ", f.record().type() + "(", ")");
    for (Map.Entry<String, LocatedValue> e : f.record().fields().entrySet()) {
      JsonNode v = e.getValue().value();
      j.add(e.getKey() + "=" + (v.isTextual() ? v.asText() : v.toString()));
    }
    return j.toString();
  }

  static String conclusion(Conclusion c) {
    StringJoiner j = new StringJoiner(", ", c.type() + "(", ")");
    c.fields().forEach((k, v) -> j.add(k + "=" + v));
    return j.toString();
  }
}
