package dev.thesis.cli;

import dev.thesis.diag.Timings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that loads rules and facts: it takes the shared input options and prints to the
 * console.
 */
abstract class InputCommand implements Callable<Integer>, SafetyOptions.Bounded {
  final Console console;

  @Mixin InputOptions inputs;

  InputCommand(Console console) {
    this.console = console;
  }

  /** The settings the options ask for, in this run's environment. */
  dev.thesis.inputs.Settings settings() {
    return inputs.settings(console.environment(), true);
  }

  /**
   * Loads and evaluates for reading a result (explain, graph): no critical-evidence search, which
   * they do not show; warnings left to the caller.
   */
  Evaluation evaluateForReading() {
    return Evaluation.run(
        console,
        settings().withCriticalMax(0),
        inputs.spec(),
        new Timings(console.progress()),
        false);
  }

  @Override
  public SafetyOptions safety() {
    return inputs.safety;
  }

  @Override
  public java.util.List<java.nio.file.Path> ruleFolders() {
    return java.util.List.of(inputs.rules);
  }
}
