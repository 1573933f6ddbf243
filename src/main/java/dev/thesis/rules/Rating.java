package dev.thesis.rules;

import java.util.Optional;

/**
 * How consistent a piece of evidence is with a hypothesis, on Heuer's five-step scale for Analysis
 * of Competing Hypotheses, with the likelihood weight each step carries.
 */
public enum Rating {
  II(0.25),
  I(0.5),
  N(1.0),
  C(2.0),
  CC(4.0);

  private final double weight;

  Rating(double weight) {
    this.weight = weight;
  }

  /** The likelihood weight λ: how much likelier the evidence is if the hypothesis holds. */
  public double weight() {
    return weight;
  }

  /** The next step towards CC (+1) or II (-1), or empty past either end. */
  public Optional<Rating> step(int direction) {
    int i = ordinal() + Integer.signum(direction);
    return i < 0 || i >= values().length ? Optional.empty() : Optional.of(values()[i]);
  }

  public static Optional<Rating> parse(String s) {
    for (Rating r : values()) {
      if (r.name().equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
