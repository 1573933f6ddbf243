package dev.thesis.analysis;

import dev.thesis.rules.Stance;

/**
 * A conclusion counted for or against a thesis, because a rule with that {@code @thesis} and
 * {@code @stance} justifies it. Its confidence counts only the justifications of such rules.
 */
public record Argument(String conclusion, String thesis, Stance stance, double confidence) {}
