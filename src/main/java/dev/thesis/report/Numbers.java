package dev.thesis.report;

import java.util.Locale;

/** How scores are shown: four decimals in JSON (stable, readable), two on screen. */
final class Numbers {
  private Numbers() {}

  static double round4(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }

  static String two(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
