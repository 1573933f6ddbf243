package dev.thesis.safemode;

/** What the build does with safe mode's findings. */
public enum Scan {
  /** Refusals are errors, and nothing is built: where the rules run unconfined. */
  ENFORCE,
  /**
   * Refusals are warnings (errors under --strict), and the rules are built: where the OS sandbox
   * confines them, the scan is early, located advice.
   */
  ADVISE,
  /** No scan ({@code --trust-rules}). */
  OFF
}
