package dev.thesis.diag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per phase of a run, in the order the phases ran, for `evaluate --timings`; and where
 * the run's phases report progress.
 */
public final class Timings {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final dev.thesis.diag.Progress progress;

  public Timings() {
    this(dev.thesis.diag.Progress.NONE);
  }

  public Timings(dev.thesis.diag.Progress progress) {
    this.progress = progress;
  }

  /**
   * Where the run's phases report progress: {@code progress}, with each task also timed as a part
   * of the phase that runs it (" firing rules"), so that --timings shows where a long phase goes.
   */
  public dev.thesis.diag.Progress progress() {
    return new dev.thesis.diag.Progress() {
      @Override
      public Task start(String name, long total) {
        Task inner = progress.start(name, total);
        long start = System.nanoTime();
        return new Task() {
          @Override
          public void stepBy(long steps) {
            inner.stepBy(steps);
          }

          @Override
          public void close() {
            inner.close();
            add("  " + name, System.nanoTime() - start);
          }
        };
      }

      @Override
      public boolean followsFirings() {
        return progress.followsFirings();
      }

      @Override
      public void firing(String rule) {
        progress.firing(rule);
      }

      @Override
      public void fired() {
        progress.fired();
      }
    };
  }

  /** Puts {@code phase} in the order now, before the parts it runs are timed. */
  public void begin(String phase) {
    nanos.putIfAbsent(phase, 0L);
  }

  public <T> T time(String phase, Supplier<T> work) {
    begin(phase);
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      nanos.merge(phase, System.nanoTime() - start, Long::sum);
    }
  }

  public void add(String phase, long elapsedNanos) {
    nanos.merge(phase, elapsedNanos, Long::sum);
  }

  /** Phase name to milliseconds. */
  public Map<String, Double> millis() {
    Map<String, Double> out = new LinkedHashMap<>();
    nanos.forEach((k, v) -> out.put(k, v / 1e6));
    return out;
  }
}
