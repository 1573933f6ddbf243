package dev.thesis.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimingsTest {
  @Test
  void tasksReportedInAPhaseAreTimedAsItsPartsAndListedUnderIt() {
    Timings clock = new Timings();
    clock.time(
        "load facts",
        () -> {
          try (Progress.Task t = clock.progress().start("reading fact files", 3)) {
            t.stepBy(3);
          }
          return null;
        });
    clock.begin("evaluate");
    try (Progress.Task t = clock.progress().start("firing rules", -1)) {
      t.stepBy(1);
    }
    clock.add("evaluate", 5_000_000L);

    assertThat(clock.millis().keySet())
        .containsExactly("load facts", "  reading fact files", "evaluate", "  firing rules");
    assertThat(clock.millis().get("evaluate")).isEqualTo(5.0);
  }

  @Test
  void stepsStillReachTheProgressTheRunReportsTo() {
    long[] steps = new long[1];
    Progress counting =
        (name, total) ->
            new Progress.Task() {
              @Override
              public void stepBy(long n) {
                steps[0] += n;
              }

              @Override
              public void close() {}
            };
    Timings clock = new Timings(counting);
    try (Progress.Task t = clock.progress().start("inserting facts", 10)) {
      t.stepBy(4);
      t.stepBy(6);
    }
    assertThat(steps[0]).isEqualTo(10);
  }
}
