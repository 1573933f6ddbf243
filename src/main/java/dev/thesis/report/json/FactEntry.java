package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A fact as the corpus states it, in report.json.
 *
 * @param fields the fact type's own fields, values exactly as written in the fact file (JSON, so
 *     that {@code 1} and {@code 1.0} stay apart when two reports are compared)
 */
public record FactEntry(
    String id,
    String type,
    Map<String, JsonNode> fields,
    String file,
    int line,
    String source,
    double confidence,
    @JsonInclude(Include.NON_NULL) String date,
    @JsonInclude(Include.NON_NULL) String note) {}
