package dev.thesis.cli;

import picocli.CommandLine.Command;

@Command(name = "thesis", mixinStandardHelpOptions = true, version = "thesis 0.1.0",
    description = "Evaluate analysts' theses against facts with hand-edited Drools rules, and explain every verdict.",
    footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage error, 3 invalid rules or facts, 4 tests failed, 5 evaluation limit reached (--max-firings),"
        + " 6 --timeout reached."})
final class ThesisCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
