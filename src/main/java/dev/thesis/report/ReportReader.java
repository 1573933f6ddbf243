package dev.thesis.report;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.thesis.report.json.Report;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A parsed report.json as {@link Report} (the parser has already named the line of any syntax
 * error): first the shape that diff cannot do without, then every field bound by Jackson. What is
 * wrong is said in one line that names the place, e.g. {@code facts[0].line is a string, not an
 * integer}.
 */
public final class ReportReader {
  // Unknown fields are skipped and missing ones left empty: reports of other thesis versions (new
  // fields do not bump the format) must still diff. A field of the wrong type is an error, never
  // coerced.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          // A null in a list is an error too: diff walks every element.
          .withConfigOverride(
              List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
          .withCoercionConfig(LogicalType.Textual, dev.thesis.facts.LocatedJson::textOnly)
          .build();

  private ReportReader() {}

  /** What makes a JSON tree unusable as a report, or null. */
  public static String problem(JsonNode n) {
    try {
      read(n);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The report in a JSON tree; an {@link IllegalArgumentException} saying where it is not one. */
  public static Report read(JsonNode n) {
    String shape = shape(n);
    if (shape != null) {
      throw new IllegalArgumentException(shape);
    }
    try {
      return MAPPER.treeToValue(n, Report.class);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(located(e, n), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** What diff relies on, checked before binding so that the messages stay those users know. */
  private static String shape(JsonNode n) {
    if (n == null || !n.isObject()) {
      return "not a JSON object";
    }
    for (String array : List.of("theses", "conclusions", "facts", "rules")) {
      if (!n.path(array).isArray()) {
        return "no \"" + array + "\" array";
      }
    }
    for (JsonNode t : n.path("theses")) {
      if (!t.path("id").isTextual()
          || !t.path("verdict").isTextual()
          || !t.path("support").isNumber()
          || !t.path("opposition").isNumber()) {
        return "a thesis lacks id, verdict, support or opposition";
      }
    }
    // Reports written before questions have none; a report that has them must name each.
    JsonNode questions = n.path("questions");
    if (!questions.isMissingNode() && !questions.isNull() && !questions.isArray()) {
      return "\"questions\" is not an array";
    }
    for (JsonNode q : questions) {
      if (!q.path("id").isTextual() || !q.path("verdict").isTextual()) {
        return "a question lacks id or verdict";
      }
    }
    for (JsonNode c : n.path("conclusions")) {
      if (!c.path("id").isTextual() || !c.path("justifications").isArray()) {
        return "a conclusion lacks id or justifications";
      }
    }
    // Facts and rules are matched across the reports by these.
    for (JsonNode f : n.path("facts")) {
      if (!f.path("id").isTextual()) {
        return "a fact lacks id";
      }
    }
    for (JsonNode r : n.path("rules")) {
      if (!r.path("name").isTextual()) {
        return "a rule lacks name";
      }
    }
    return null;
  }

  /**
   * "theses[2].support is a string, not a number": the path in the file, what is there, what
   * belongs.
   */
  private static String located(JsonMappingException e, JsonNode root) {
    StringBuilder where = new StringBuilder();
    JsonNode found = root;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        where.append(where.length() == 0 ? "" : ".").append(ref.getFieldName());
        found = found.path(ref.getFieldName());
      } else {
        where.append('[').append(ref.getIndex()).append(']');
        found = found.path(ref.getIndex());
      }
    }
    String place = where.length() == 0 ? "the report" : where.toString();
    Class<?> wanted = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (wanted == null || kind(found).equals(kind(wanted))) {
      // Right kind, wrong value (an integer too large, say): Jackson's own words, first line.
      return place + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }
    return place + " is " + kind(found) + ", not " + kind(wanted);
  }

  private static String kind(JsonNode n) {
    if (n.isMissingNode()) {
      return "missing";
    }
    if (n.isNull()) {
      return "null";
    }
    return switch (n.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> n.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      default -> "an object";
    };
  }

  private static String kind(Class<?> c) {
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return "an integer";
    }
    if (c.isPrimitive() && c != boolean.class || Number.class.isAssignableFrom(c)) {
      return "a number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "a boolean";
    }
    if (c == String.class) {
      return "a string";
    }
    return Collection.class.isAssignableFrom(c)
        ? "an array"
        : Map.class.isAssignableFrom(c) || c.isRecord() ? "an object" : c.getSimpleName();
  }
}
