package dev.thesis.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description =
        "Print a shell completion script for thesis: its commands, options and option values."
            + " See docs/completion.md to install it.")
final class CompletionCommand implements Callable<Integer> {
  /** The shells a script can be printed for (zsh runs the bash one; see docs/completion.md). */
  enum Shell {
    bash
  }

  private final Console console;

  @Parameters(paramLabel = "SHELL", descriptionKey = "completion.shell")
  Shell shell;

  @Spec CommandSpec spec;

  CompletionCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    // The whole command tree: Main registers every command when this one runs.
    console.out().print(AutoComplete.bash("thesis", spec.root().commandLine()));
    console.out().flush();
    return ExitCodes.OK;
  }
}
