package dev.thesis.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A compiled rule in report.json, and how often it fired.
 *
 * @param thesis the thesis it argues; null (and so is {@code stance}) for an intermediate rule
 */
public record RuleEntry(
    String name,
    String file,
    int line,
    @JsonInclude(Include.NON_NULL) String thesis,
    @JsonInclude(Include.NON_NULL) String stance,
    double strength,
    int fired) {}
