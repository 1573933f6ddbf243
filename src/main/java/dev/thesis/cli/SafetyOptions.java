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

  @Option(names = "--no-sandbox")
  boolean noSandbox;

  /** The heap cap in bytes; 0 for the default. */
  long maxHeap;

  @Option(names = "--max-heap", paramLabel = "SIZE")
  void maxHeap(String size) {
    long bytes = dev.thesis.diag.ByteSizes.parse(size);
    if (bytes < (64L << 20) || bytes > (1L << 42)) {
      throw new ParameterException(
          spec.commandLine(),
          "--max-heap must be a size from 64m up, such as 512m or 4g, not " + size);
    }
    maxHeap = bytes;
  }

  /** A command whose runs these options bound. */
  interface Bounded {
    SafetyOptions safety();

    /** Inputs the command reads beyond the paths in its options (a scenario's own rules...). */
    default java.util.List<java.nio.file.Path> moreInputs() {
      return java.util.List.of();
    }

    /** The rule folders the command compiles. */
    default java.util.List<java.nio.file.Path> ruleFolders() {
      return java.util.List.of();
    }

    /** Where and which reports the command writes, or null when it writes none. */
    default ReportOptions reports() {
      return null;
    }
  }
}
