package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A compiled rule in report.json, and how often it fired.
 *
 * @param thesis the thesis it argues; null (and so is {@code stance}) for an intermediate rule
 * @param question the question it rates ({@code @question}); null (and so is {@code rates}) for
 *     other rules
 * @param rates hypothesis id to rating, as {@code @rates} writes them, so that a diff sees a rating
 *     change
 * @param body the rule's conditions and consequence, each line stripped, so that a diff sees an
 *     edit of the rule's logic; null in reports written before it was recorded
 */
public record RuleEntry(
    String name,
    String file,
    int line,
    @JsonInclude(Include.NON_NULL) String thesis,
    @JsonInclude(Include.NON_NULL) String stance,
    @JsonInclude(Include.NON_NULL) String question,
    @JsonInclude(Include.NON_NULL) java.util.Map<String, String> rates,
    double strength,
    int fired,
    @JsonInclude(Include.NON_NULL) String body) {}
