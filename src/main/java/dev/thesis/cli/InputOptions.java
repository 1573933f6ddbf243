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
      descriptionKey = "input.rules")
  Path rules;

  @Option(names = "--facts", paramLabel = "PATH", defaultValue = "facts")
  List<Path> facts;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private static final String THRESHOLD = "" + Settings.DEFAULT_THRESHOLD;

  double supportThreshold;
  double oppositionThreshold;
  long maxFirings;

  @Option(names = "--support-threshold", paramLabel = "X", defaultValue = THRESHOLD)
  void supportThreshold(double x) {
    supportThreshold = threshold("--support-threshold", x);
  }

  @Option(names = "--opposition-threshold", paramLabel = "X", defaultValue = THRESHOLD)
  void oppositionThreshold(double x) {
    oppositionThreshold = threshold("--opposition-threshold", x);
  }

  private static final String ODDS = "" + Settings.DEFAULT_ODDS;

  double odds;

  @Option(names = "--odds", paramLabel = "K", defaultValue = ODDS)
  void odds(double k) {
    if (!(k > 1) || Double.isInfinite(k)) {
      throw new ParameterException(spec.commandLine(), "--odds must be above 1, not " + k);
    }
    odds = k;
  }

  @Option(names = "--max-firings", paramLabel = "N")
  void maxFirings(long n) {
    maxFirings = atLeast("--max-firings", n, 1);
  }

  private long atLeast(String option, long n, long least) {
    if (n < least) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least " + least + ", not " + n);
    }
    return n;
  }

  private double threshold(String option, double x) {
    if (!(x > 0 && x <= 1)) {
      throw new ParameterException(spec.commandLine(), option + " must be in (0,1], not " + x);
    }
    return x;
  }

  java.time.LocalDate asOf;

  @Option(names = "--as-of", paramLabel = "DATE")
  void asOf(String date) {
    try {
      asOf = java.time.LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), "--as-of must be a date YYYY-MM-DD, not " + date);
    }
  }

  @Option(names = "--strict")
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
        environment.sandboxed(),
        supportThreshold,
        oppositionThreshold,
        odds,
        maxFirings,
        -1, // the default; evaluate and watch take --critical-max (CriticalOptions)
        trace,
        environment);
  }

  /** The rules folder and fact paths named. */
  LoadSpec spec() {
    return LoadSpec.of(rules, facts);
  }
}
