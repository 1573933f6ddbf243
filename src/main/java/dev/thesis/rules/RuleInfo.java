package dev.thesis.rules;

import dev.thesis.diag.Location;

/**
 * A compiled rule as users see it: its name, where it is written, and what it argues.
 *
 * @param thesis the thesis the rule argues ({@code @thesis}), or null for an intermediate rule
 * @param stance {@link Stance} when {@code thesis} is set
 * @param strength {@code @strength}, 1.0 when absent
 */
public record RuleInfo(
    String packageName,
    String name,
    Location location,
    String thesis,
    Stance stance,
    double strength) {

  public boolean argues() {
    return thesis != null;
  }

  public String qualifiedName() {
    return packageName + "." + name;
  }
}
