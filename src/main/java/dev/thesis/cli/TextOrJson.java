package dev.thesis.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `--format text|json` for the commands that print results rather than write reports. */
final class TextOrJson {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private boolean json;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  void format(String f) {
    if (!f.equals("text") && !f.equals("json")) {
      throw new ParameterException(spec.commandLine(), "unknown format \"" + f + "\" (expected text or json)");
    }
    json = f.equals("json");
  }

  boolean json() {
    return json;
  }
}
