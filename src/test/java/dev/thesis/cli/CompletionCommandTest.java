package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  @Test
  void theBashScriptNamesEveryCommandAndItsOptions() {
    Run r = Run.of("completion", "bash");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_thesis -o default thesis");
    for (String command :
        new String[] {
          "evaluate",
          "explain",
          "check",
          "test",
          "watch",
          "whatif",
          "timeline",
          "diff",
          "graph",
          "generate",
          "daemon",
          "init",
          "schema",
          "completion"
        }) {
      assertThat(r.out()).containsPattern("commands=\"[^\"]*\\b" + command + "\\b");
    }
    // Options and their values, from the commands' own definitions.
    assertThat(r.out()).contains("--fail-under").contains("--strict").contains("(\"svg\" \"dot\")");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Run r = Run.of("completion", "fish");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("bash");
  }
}
