package dev.thesis.analysis;

/** The support and opposition a thesis needs for a side to count (both 0.5 by default). */
public record Thresholds(double support, double opposition) {
  public static final Thresholds DEFAULT =
      new Thresholds(
          dev.thesis.inputs.Settings.DEFAULT_THRESHOLD,
          dev.thesis.inputs.Settings.DEFAULT_THRESHOLD);

  public static Thresholds of(dev.thesis.inputs.Settings settings) {
    return new Thresholds(settings.supportThreshold(), settings.oppositionThreshold());
  }

  public Thresholds {
    if (!(support > 0 && support <= 1) || !(opposition > 0 && opposition <= 1)) {
      throw new IllegalArgumentException("thresholds must be in (0,1]");
    }
  }
}
