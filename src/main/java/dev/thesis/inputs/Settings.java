package dev.thesis.inputs;

import dev.thesis.env.Environment;
import dev.thesis.safemode.Scan;
import java.time.LocalDate;

/**
 * Everything that shapes a run besides its inputs, as one value: read once from the command line
 * (and the environment), then handed to the load path, the evaluator and the reports. Nothing below
 * the command line looks at options or variables of its own.
 *
 * @param asOf facts dated after it are left out (undated facts always count); null for all
 * @param strict warnings (linter findings) count as errors
 * @param trustRules compile without the safe-mode check
 * @param sandboxed the rules run confined by the OS sandbox, so safe mode's findings are advice
 *     (warnings, errors under --strict)
 * @param odds how many times the runner-up's posterior a question's leader needs to be favoured
 * @param maxFirings the firing limit; 0 for the default, which grows with the corpus
 * @param criticalMax the largest fact set tried by the critical-evidence search; -1 for the
 *     default, which depends on the corpus's size
 * @param trace keep explanations (argument trees, critical evidence); off only to measure their
 *     cost
 * @param environment what the process read from outside its arguments (the compiled-rules cache's
 *     folder, among others)
 */
public record Settings(
    LocalDate asOf,
    boolean strict,
    boolean trustRules,
    boolean sandboxed,
    double supportThreshold,
    double oppositionThreshold,
    double odds,
    long maxFirings,
    int criticalMax,
    boolean trace,
    Environment environment) {

  /** Firings allowed when no limit is given, whatever the corpus's size. */
  public static final long DEFAULT_MAX_FIRINGS = 1_000_000;

  /** Firings allowed per fact when no limit is given: a loop stops after this many per fact. */
  public static final long FIRINGS_PER_FACT = 20;

  /** Above this many facts the critical-evidence search is skipped unless a bound is given. */
  public static final int CRITICAL_AUTO_LIMIT = 5_000;

  public static final double DEFAULT_THRESHOLD = 0.5;

  /** The lower bound of "substantial" on Jeffreys' scale of odds. */
  public static final double DEFAULT_ODDS = 3.0;

  /** The defaults, in this process's environment. */
  public static final Settings DEFAULT = defaults(Environment.current(), false);

  /** The defaults, in the given environment, with the rules trusted or not. */
  public static Settings defaults(Environment environment, boolean trustRules) {
    return new Settings(
        null,
        false,
        trustRules,
        environment.sandboxed(),
        DEFAULT_THRESHOLD,
        DEFAULT_THRESHOLD,
        DEFAULT_ODDS,
        0,
        -1,
        true,
        environment);
  }

  /**
   * What the build does with safe mode's findings: nothing when the rules are trusted; advice where
   * the OS sandbox confines them; otherwise refusals. Under --strict the advice would count as
   * errors anyway, so the scan is enforced: nothing is built.
   */
  public Scan scan() {
    if (trustRules) {
      return Scan.OFF;
    }
    return sandboxed && !strict ? Scan.ADVISE : Scan.ENFORCE;
  }

  /** The firing limit for a corpus of this many facts. */
  public long maxFiringsFor(int facts) {
    return maxFirings > 0 ? maxFirings : Math.max(DEFAULT_MAX_FIRINGS, FIRINGS_PER_FACT * facts);
  }

  /** The largest critical set searched for a corpus of this many facts. */
  public int criticalMaxFor(int facts) {
    return criticalMax >= 0 ? criticalMax : facts <= CRITICAL_AUTO_LIMIT ? 2 : 0;
  }

  /**
   * Whether the critical-evidence search was left to its default and skipped for this corpus's
   * size.
   */
  public boolean criticalSkippedFor(int facts) {
    return criticalMax < 0 && trace && facts > CRITICAL_AUTO_LIMIT;
  }

  /** These settings with another {@code --as-of} date (null: every fact counts). */
  public Settings withAsOf(LocalDate date) {
    return with(date, criticalMax);
  }

  public Settings withCriticalMax(int n) {
    return with(asOf, n);
  }

  private Settings with(LocalDate date, int n) {
    return new Settings(
        date,
        strict,
        trustRules,
        sandboxed,
        supportThreshold,
        oppositionThreshold,
        odds,
        maxFirings,
        n,
        trace,
        environment);
  }
}
