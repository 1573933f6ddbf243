package dev.thesis.sandbox;

import java.time.Duration;

/**
 * What one run may use: wall-clock time, Java heap, and the whole process's address space. The
 * defaults grow with the inputs, so that a runaway on an analyst's corpus stops within a minute
 * while a generated corpus of a million companies still has the room it needs.
 *
 * @param wallClock time from the child's start to its end, after which it is killed
 * @param heapBytes the JVM's heap cap (-Xmx)
 * @param processBytes the address-space cap of the sandboxed process (ulimit -v); 0 for none
 */
public record Limits(Duration wallClock, long heapBytes, long processBytes) {
  /** The wall clock every run gets, whatever its size. */
  public static final Duration BASE_WALL_CLOCK = Duration.ofSeconds(45);

  /** Added per MiB of rule and fact files: a generated corpus runs for minutes. */
  public static final Duration WALL_CLOCK_PER_MIB = Duration.ofSeconds(15);

  /** The heap every run gets, whatever its size. */
  public static final long BASE_HEAP = 1L << 30;

  /**
   * Heap per byte of input beyond that. A generated corpus of 100,000 companies (97 MB of JSON) ran
   * the full rules in 3.4 GB; twice what was needed, at about 32 bytes per byte, leaves room.
   */
  public static final long HEAP_PER_INPUT_BYTE = 64;

  /**
   * The JVM reserves address space beyond its heap (class space, code cache, thread stacks, mapped
   * jars); measured at about 1.6 GiB on JDK 17 with the flags the child gets.
   */
  public static final long PROCESS_ABOVE_HEAP = 3L << 30;

  public Limits {
    if (wallClock.isNegative() || wallClock.isZero()) {
      throw new IllegalArgumentException("wall clock must be positive: " + wallClock);
    }
    if (heapBytes < (16L << 20)) {
      throw new IllegalArgumentException("heap under 16 MiB: " + heapBytes);
    }
  }

  /**
   * The defaults for inputs of {@code inputBytes}; the heap is at most three quarters of {@code
   * physicalBytes} (0 when unknown: no such bound).
   */
  public static Limits defaults(long inputBytes, long physicalBytes) {
    double mib = Math.max(0, inputBytes) / (double) (1 << 20);
    Duration wall =
        BASE_WALL_CLOCK.plus(
            Duration.ofMillis((long) Math.ceil(WALL_CLOCK_PER_MIB.toMillis() * mib)));
    long heap =
        Math.max(BASE_HEAP, saturatingMultiply(Math.max(0, inputBytes), HEAP_PER_INPUT_BYTE));
    if (physicalBytes > 0) {
      heap =
          Math.max(Math.min(heap, physicalBytes / 4 * 3), Math.min(BASE_HEAP, physicalBytes / 2));
    }
    return new Limits(wall, heap, heap + PROCESS_ABOVE_HEAP);
  }

  public Limits withWallClock(Duration d) {
    return new Limits(d, heapBytes, processBytes);
  }

  public Limits withHeap(long bytes) {
    return new Limits(wallClock, bytes, bytes + PROCESS_ABOVE_HEAP);
  }

  /** "45 s", "2.5 s": for messages. */
  public static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }

  private static long saturatingMultiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
  }
}
