package dev.thesis.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How far a run may go: a wall-time limit and whether the rules are trusted. Read by Main after
 * parsing (a limited run is handed to a child process) and by the load path.
 */
final class SafetyOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** Seconds of wall time allowed; 0 for no limit. */
  double timeout;

  @Option(names = "--timeout", paramLabel = "SECONDS")
  void timeout(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be a number of seconds above 0, not " + seconds);
    }
    timeout = seconds;
  }

  @Option(names = "--trust-rules")
  boolean trustRules;

  /** A command whose runs these options bound. */
  interface Bounded {
    SafetyOptions safety();
  }
}
