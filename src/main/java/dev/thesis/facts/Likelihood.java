package dev.thesis.facts;

import java.util.Locale;
import java.util.Optional;

/**
 * The words of the US intelligence community's standard for expressing likelihood (ICD 203), each
 * standing for the midpoint of its range. A fact's confidence may be written as one of them when
 * the source's wording sets the level; docs/calibration.md says when to use which.
 */
public enum Likelihood {
  ALMOST_NO_CHANCE(0.01, 0.05),
  VERY_UNLIKELY(0.05, 0.20),
  UNLIKELY(0.20, 0.45),
  ROUGHLY_EVEN(0.45, 0.55),
  LIKELY(0.55, 0.80),
  VERY_LIKELY(0.80, 0.95),
  ALMOST_CERTAIN(0.95, 0.99);

  private final double low;
  private final double high;

  Likelihood(double low, double high) {
    this.low = low;
    this.high = high;
  }

  /** The word as written in a fact file: {@code very-likely}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The midpoint of the range, the confidence the word stands for. */
  public double confidence() {
    return (low + high) / 2;
  }

  public double low() {
    return low;
  }

  public double high() {
    return high;
  }

  public static Optional<Likelihood> parse(String word) {
    for (Likelihood l : values()) {
      if (l.word().equals(word)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** Every word, in order, for messages. */
  public static String words() {
    return String.join(", ", java.util.Arrays.stream(values()).map(Likelihood::word).toList());
  }
}
