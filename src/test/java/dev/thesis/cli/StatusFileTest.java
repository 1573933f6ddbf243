package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.diag.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the parent prints after a timeout: the rule caught in the act, or how far the run got. */
class StatusFileTest {
  private final StatusFile status = new StatusFile(Progress.NONE, Path.of("unused"));

  @Test
  void beforeAnyTaskTheRunWasStillCompiling() {
    assertThat(status.text())
        .isEqualTo("no rule had fired yet; the run was starting up and compiling the rules");
  }

  @Test
  void beforeTheFirstFiringItNamesTheLastTaskStarted() {
    status.start("reading fact files", 3).close();
    status.start("inserting facts", 3).close();
    assertThat(status.text()).isEqualTo("no rule had fired yet; the run was inserting facts");
  }

  @Test
  void aRuleThatNeverReturnsNamesItselfAndTheBusiestRules() {
    status.start("firing rules", -1);
    status.firing("p.A");
    status.fired();
    status.firing("p.A");
    status.fired();
    status.firing("p.Loop");
    assertThat(status.text())
        .isEqualTo(
            "rule \"p.Loop\" was firing (its consequence had not returned);"
                + " fired most: \"p.A\" 2 times, \"p.Loop\" 1 times");
  }
}
