package dev.thesis.analysis;

/**
 * How a thesis stands once weighed: outside questions by its arguments (the first four); as a
 * hypothesis of a question by its posterior against its rivals' (the last three).
 */
public enum Verdict {
  SUPPORTED,
  REFUTED,
  CONTESTED,
  UNSUPPORTED,
  FAVOURED,
  DISFAVOURED,
  OPEN;

  public static Verdict of(double support, double opposition, Thresholds t) {
    boolean s = support >= t.support();
    boolean o = opposition >= t.opposition();
    if (s && o) {
      return CONTESTED;
    }
    if (s) {
      return SUPPORTED;
    }
    return o ? REFUTED : UNSUPPORTED;
  }

  /** Whether the thesis is standing (held, or at least not defeated) for tension purposes. */
  public boolean standing() {
    return this == SUPPORTED || this == CONTESTED;
  }
}
