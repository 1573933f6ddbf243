package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.Map;

/**
 * A compiled rule as users see it: its name, where it is written, and what it argues.
 *
 * @param thesis the thesis the rule argues ({@code @thesis}), or null for an intermediate rule
 * @param stance {@link Stance} when {@code thesis} is set
 * @param strength {@code @strength}, 1.0 when absent
 * @param rates what the rule rates ({@code @question} and {@code @rates}), or null
 * @param thesisAt where the id in {@code @thesis} is written (the rule's place when not found)
 */
public record RuleInfo(
    String packageName,
    String name,
    Location location,
    String thesis,
    Stance stance,
    double strength,
    Rates rates,
    Location thesisAt) {

  /**
   * A rule's ratings of the hypotheses of one question, as written.
   *
   * @param ratings hypothesis id to rating, in the order written
   * @param questionAt where {@code @question} is written
   * @param ratedAt where each rated id is written in {@code @rates}
   */
  public record Rates(
      String question,
      Map<String, Rating> ratings,
      Location questionAt,
      Map<String, Location> ratedAt) {
    public Rates {
      ratings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ratings));
      ratedAt = Map.copyOf(ratedAt);
    }
  }

  /** A rule whose {@code @thesis} is placed at the rule. */
  public RuleInfo(
      String packageName,
      String name,
      Location location,
      String thesis,
      Stance stance,
      double strength,
      Rates rates) {
    this(packageName, name, location, thesis, stance, strength, rates, location);
  }

  /** A rule that rates no question. */
  public RuleInfo(
      String packageName,
      String name,
      Location location,
      String thesis,
      Stance stance,
      double strength) {
    this(packageName, name, location, thesis, stance, strength, null, location);
  }

  public boolean argues() {
    return thesis != null;
  }

  /** Whether the rule rates the hypotheses of a question with {@code @question}. */
  public boolean ratesQuestion() {
    return rates != null;
  }

  public String qualifiedName() {
    return packageName + "." + name;
  }
}
