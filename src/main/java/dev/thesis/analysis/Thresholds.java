package dev.thesis.analysis;

/**
 * The support and opposition a thesis needs for a side to count (both 0.5 by default), and the odds
 * a question's leader needs over its runner-up to be favoured (3 by default).
 */
public record Thresholds(double support, double opposition, double odds) {
  public static final Thresholds DEFAULT =
      new Thresholds(
          dev.thesis.inputs.Settings.DEFAULT_THRESHOLD,
          dev.thesis.inputs.Settings.DEFAULT_THRESHOLD,
          dev.thesis.inputs.Settings.DEFAULT_ODDS);

  public static Thresholds of(dev.thesis.inputs.Settings settings) {
    return new Thresholds(
        settings.supportThreshold(), settings.oppositionThreshold(), settings.odds());
  }

  public Thresholds(double support, double opposition) {
    this(support, opposition, dev.thesis.inputs.Settings.DEFAULT_ODDS);
  }

  public Thresholds {
    if (!(support > 0 && support <= 1) || !(opposition > 0 && opposition <= 1)) {
      throw new IllegalArgumentException("thresholds must be in (0,1]");
    }
    if (!(odds > 1) || Double.isInfinite(odds)) {
      throw new IllegalArgumentException("odds must be a number above 1");
    }
  }
}
