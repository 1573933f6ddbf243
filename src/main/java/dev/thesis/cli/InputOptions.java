package dev.thesis.cli;

import dev.thesis.env.Environment;
import dev.thesis.inputs.LoadSpec;
import dev.thesis.inputs.Settings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every command that evaluates: where the rules and facts are, and how to weigh. */
final class InputOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      defaultValue = "rules",
      description = "Folder of .drl rule files (default: ${DEFAULT-VALUE}).")
  Path rules;

  @Option(
      names = "--facts",
      paramLabel = "PATH",
      defaultValue = "facts",
      description =
          "Fact file or folder of .json fact files; repeatable (default: ${DEFAULT-VALUE}).")
  List<Path> facts;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  double supportThreshold;
  double oppositionThreshold;
  long maxFirings;

  @Option(
      names = "--support-threshold",
      paramLabel = "X",
      defaultValue = "" + Settings.DEFAULT_THRESHOLD,
      description =
          "Support at which a thesis counts as supported, in (0,1] (default: ${DEFAULT-VALUE}).")
  void supportThreshold(double x) {
    supportThreshold = threshold("--support-threshold", x);
  }

  @Option(
      names = "--opposition-threshold",
      paramLabel = "X",
      defaultValue = "" + Settings.DEFAULT_THRESHOLD,
      description =
          "Opposition at which a thesis counts as opposed, in (0,1] (default: ${DEFAULT-VALUE}).")
  void oppositionThreshold(double x) {
    oppositionThreshold = threshold("--opposition-threshold", x);
  }

  @Option(
      names = "--max-firings",
      paramLabel = "N",
      description =
          "Stop evaluation after N rule firings, N >= 1 (default: "
              + Settings.DEFAULT_MAX_FIRINGS
              + " or "
              + Settings.FIRINGS_PER_FACT
              + " per fact, whichever is more).")
  void maxFirings(long n) {
    if (n < 1) {
      throw new ParameterException(
          spec.commandLine(), "--max-firings must be at least 1, not " + n);
    }
    maxFirings = n;
  }

  private double threshold(String option, double x) {
    if (!(x > 0 && x <= 1)) {
      throw new ParameterException(spec.commandLine(), option + " must be in (0,1], not " + x);
    }
    return x;
  }

  @Option(
      names = "--critical-max",
      paramLabel = "N",
      description =
          "Find, per thesis, the sets of up to N facts whose removal changes its verdict; 0 skips it"
              + " (default: 2, or 0 above "
              + Settings.CRITICAL_AUTO_LIMIT
              + " facts).")
  void criticalMax(int n) {
    if (n < 0) {
      throw new ParameterException(
          spec.commandLine(), "--critical-max must be 0 or more, not " + n);
    }
    criticalMax = n;
  }

  /** -1 until given: then it depends on the corpus ({@link #criticalMax(int)}). */
  int criticalMax = -1;

  java.time.LocalDate asOf;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Ignore facts dated after DATE (YYYY-MM-DD); undated facts always count.")
  void asOf(String date) {
    try {
      asOf = java.time.LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), "--as-of must be a date YYYY-MM-DD, not " + date);
    }
  }

  @Option(names = "--strict", description = "Treat warnings (linter findings) as errors.")
  boolean strict;

  @Mixin SafetyOptions safety;

  /**
   * The settings these options ask for, in this environment; {@code trace} false keeps no
   * explanations.
   */
  Settings settings(Environment environment, boolean trace) {
    return new Settings(
        asOf,
        strict,
        safety.trustRules,
        supportThreshold,
        oppositionThreshold,
        maxFirings,
        criticalMax,
        trace,
        safety.timeout,
        environment);
  }

  /** The rules folder and fact paths named. */
  LoadSpec spec() {
    return LoadSpec.of(rules, facts);
  }
}
