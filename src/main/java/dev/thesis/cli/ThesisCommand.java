package dev.thesis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "thesis",
    resourceBundle = "dev.thesis.cli.Help",
    mixinStandardHelpOptions = true,
    version = "thesis 0.1.0",
    description =
        "Evaluate analysts' theses against facts with hand-edited Drools rules, and explain every verdict.")
final class ThesisCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
