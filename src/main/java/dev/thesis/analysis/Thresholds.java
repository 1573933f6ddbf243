package dev.thesis.analysis;

/** The support and opposition a thesis needs for a side to count (both 0.5 by default). */
public record Thresholds(double support, double opposition) {
  public static final Thresholds DEFAULT = new Thresholds(0.5, 0.5);

  public Thresholds {
    if (!(support > 0 && support <= 1) || !(opposition > 0 && opposition <= 1)) {
      throw new IllegalArgumentException("thresholds must be in (0,1]");
    }
  }
}
