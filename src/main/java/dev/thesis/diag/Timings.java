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

  public dev.thesis.diag.Progress progress() {
    return progress;
  }

  public <T> T time(String phase, Supplier<T> work) {
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
