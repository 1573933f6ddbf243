package dev.thesis.cli;

import dev.thesis.inputs.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The critical-evidence search's bound, for the commands that search (evaluate, watch) and no
 * others: explain, graph, whatif and timeline skip the search, so the option would do nothing
 * there.
 */
final class CriticalOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** -1 until given: then it depends on the corpus ({@link Settings#criticalMaxFor(int)}). */
  int criticalMax = -1;

  @Option(names = "--critical-max", paramLabel = "N")
  void criticalMax(int n) {
    if (n < 0) {
      throw new ParameterException(
          spec.commandLine(), "--critical-max must be at least 0, not " + n);
    }
    criticalMax = n;
  }

  /** The settings with this bound. */
  Settings applyTo(Settings settings) {
    return settings.withCriticalMax(criticalMax);
  }
}
