package dev.thesis.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options of the top command that every subcommand inherits. */
final class CommonOptions {
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT)
  boolean verbose;
}
