package dev.thesis.cli;

import java.lang.management.ManagementFactory;

/** Time from the JVM's start to now: the part of a run spent before our code ran. */
final class JvmStart {
  private JvmStart() {}

  static long nanosSinceStart() {
    long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    return Math.max(0, (System.currentTimeMillis() - startMillis) * 1_000_000L);
  }
}
