package dev.thesis.cli;

import dev.thesis.engine.EvaluationSession;
import dev.thesis.trace.Thresholds;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command shares: where the rules and facts are, and how to weigh. */
final class InputOptions {
  @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
      description = "Folder of .drl rule files (default: ${DEFAULT-VALUE}).")
  Path rules;

  @Option(names = "--facts", paramLabel = "PATH", defaultValue = "facts",
      description = "Fact file or folder of .json fact files; repeatable (default: ${DEFAULT-VALUE}).")
  List<Path> facts;

  @Option(names = "--support-threshold", paramLabel = "X", defaultValue = "0.5",
      description = "Support at which a thesis counts as supported (default: ${DEFAULT-VALUE}).")
  double supportThreshold;

  @Option(names = "--opposition-threshold", paramLabel = "X", defaultValue = "0.5",
      description = "Opposition at which a thesis counts as opposed (default: ${DEFAULT-VALUE}).")
  double oppositionThreshold;

  @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + EvaluationSession.DEFAULT_MAX_FIRINGS,
      description = "Stop evaluation after N rule firings (default: ${DEFAULT-VALUE}).")
  long maxFirings;

  @Option(names = "--strict", description = "Treat warnings (linter findings) as errors.")
  boolean strict;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of internal errors.")
  boolean verbose;

  /** The diagnostics as this run counts them: with --strict, every warning is an error. */
  java.util.List<dev.thesis.diag.Diagnostic> counted(java.util.List<dev.thesis.diag.Diagnostic> ds) {
    return strict ? ds.stream().map(dev.thesis.diag.Diagnostic::asError).toList() : ds;
  }

  Thresholds thresholds() {
    return new Thresholds(supportThreshold, oppositionThreshold);
  }
}
