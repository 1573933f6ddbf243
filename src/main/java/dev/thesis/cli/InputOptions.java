package dev.thesis.cli;

import dev.thesis.engine.EvaluationSession;
import dev.thesis.analysis.Thresholds;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command shares: where the rules and facts are, and how to weigh. */
final class InputOptions {
  @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
      description = "Folder of .drl rule files (default: ${DEFAULT-VALUE}).")
  Path rules;

  @Option(names = "--facts", paramLabel = "PATH", defaultValue = "facts",
      description = "Fact file or folder of .json fact files; repeatable (default: ${DEFAULT-VALUE}).")
  List<Path> facts;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  double supportThreshold;
  double oppositionThreshold;
  long maxFirings;

  @Option(names = "--support-threshold", paramLabel = "X", defaultValue = "0.5",
      description = "Support at which a thesis counts as supported, in (0,1] (default: ${DEFAULT-VALUE}).")
  void supportThreshold(double x) {
    supportThreshold = threshold("--support-threshold", x);
  }

  @Option(names = "--opposition-threshold", paramLabel = "X", defaultValue = "0.5",
      description = "Opposition at which a thesis counts as opposed, in (0,1] (default: ${DEFAULT-VALUE}).")
  void oppositionThreshold(double x) {
    oppositionThreshold = threshold("--opposition-threshold", x);
  }

  /** Firings allowed per fact when --max-firings is not given; a loop stops after this many per fact. */
  static final long FIRINGS_PER_FACT = 20;

  /** Above this many facts the critical-evidence search is skipped unless --critical-max is given. */
  static final int CRITICAL_AUTO_LIMIT = 5_000;

  @Option(names = "--max-firings", paramLabel = "N",
      description = "Stop evaluation after N rule firings, N >= 1 (default: " + EvaluationSession.DEFAULT_MAX_FIRINGS
          + " or " + FIRINGS_PER_FACT + " per fact, whichever is more).")
  void maxFirings(long n) {
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--max-firings must be at least 1, not " + n);
    }
    maxFirings = n;
  }

  private double threshold(String option, double x) {
    if (!(x > 0 && x <= 1)) {
      throw new ParameterException(spec.commandLine(), option + " must be in (0,1], not " + x);
    }
    return x;
  }

  @Option(names = "--critical-max", paramLabel = "N",
      description = "Find, per thesis, the sets of up to N facts whose removal changes its verdict; 0 skips it"
          + " (default: 2, or 0 above " + CRITICAL_AUTO_LIMIT + " facts).")
  void criticalMax(int n) {
    if (n < 0) {
      throw new ParameterException(spec.commandLine(), "--critical-max must be 0 or more, not " + n);
    }
    criticalMax = n;
  }

  /** -1 until given: then it depends on the corpus ({@link #criticalMax(int)}). */
  int criticalMax = -1;

  /** The firing limit for a corpus of this many facts. */
  long maxFirings(int facts) {
    return maxFirings > 0 ? maxFirings : Math.max(EvaluationSession.DEFAULT_MAX_FIRINGS, FIRINGS_PER_FACT * facts);
  }

  /** The largest critical set searched for a corpus of this many facts. */
  int criticalMaxFor(int facts) {
    return criticalMax >= 0 ? criticalMax : facts <= CRITICAL_AUTO_LIMIT ? 2 : 0;
  }

  java.time.LocalDate asOf;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Ignore facts dated after DATE (YYYY-MM-DD); undated facts always count.")
  void asOf(String date) {
    try {
      asOf = java.time.LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--as-of must be a date YYYY-MM-DD, not " + date);
    }
  }

  @Option(names = "--strict", description = "Treat warnings (linter findings) as errors.")
  boolean strict;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of internal errors.")
  boolean verbose;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Stop after SECONDS of wall time, however the rules behave: the work runs in a child"
          + " process that is killed then (exit 6, no report written).")
  void timeout(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new ParameterException(spec.commandLine(), "--timeout must be a number of seconds above 0, not " + seconds);
    }
  }

  @Option(names = "--trust-rules",
      description = "Compile the rules without the safe-mode check: their code may then do anything you can"
          + " (see docs/safe-mode.md).")
  boolean trustRules;

  /** The diagnostics as this run counts them: with --strict, every warning is an error. */
  java.util.List<dev.thesis.diag.Diagnostic> counted(java.util.List<dev.thesis.diag.Diagnostic> ds) {
    return strict ? ds.stream().map(dev.thesis.diag.Diagnostic::asError).toList() : ds;
  }

  /** The inputs as these options ask: loaded, as of the date, and refused under --strict if warned. */
  dev.thesis.inputs.Inputs load(dev.thesis.diag.Timings clock) throws dev.thesis.diag.InvalidInputException {
    dev.thesis.inputs.Inputs in = dev.thesis.inputs.Inputs.load(rules, facts, clock, trustRules).asOf(asOf);
    if (strict && !in.warnings().isEmpty()) {
      throw new dev.thesis.diag.InvalidInputException(counted(in.warnings()));
    }
    return in;
  }

  Thresholds thresholds() {
    return new Thresholds(supportThreshold, oppositionThreshold);
  }
}
