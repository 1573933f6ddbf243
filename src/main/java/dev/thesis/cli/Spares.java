package dev.thesis.cli;

import java.io.IOException;

/**
 * The daemon's one spare child (none outside a daemon). Taken by the next run, which uses it when
 * it was started for the same kind of run and discards it otherwise; a new one is offered after
 * each run. A spare left over when the daemon leaves dies with it (bubblewrap's --die-with-parent;
 * the shutdown hook otherwise).
 */
final class Spares {
  private static boolean enabled;
  private static Spare waiting;

  /**
   * Spares are started from this one thread, which lives as long as the daemon: bubblewrap's
   * --die-with-parent follows the thread that started it, and a run's thread ends with the run.
   */
  private static final java.util.concurrent.ExecutorService STARTER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "thesis-spare-starter");
            t.setDaemon(true);
            return t;
          });

  private Spares() {}

  /** Called once by the daemon at its start. */
  static synchronized void enable() {
    if (!enabled) {
      enabled = true;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(Spares::discardWaiting, "thesis-spare-reaper"));
    }
  }

  static synchronized boolean enabled() {
    return enabled;
  }

  /** The waiting spare, if any; the caller now owns it. */
  static synchronized Spare take() {
    Spare s = waiting;
    waiting = null;
    return s;
  }

  /** Starts a spare for {@code launch}, replacing any that waits. */
  static void offer(ChildLaunch launch) {
    if (!enabled()) {
      launch.discard();
      return;
    }
    STARTER.execute(() -> replace(launch));
  }

  private static void replace(ChildLaunch launch) {
    Spare started;
    try {
      started = Spare.start(launch);
    } catch (IOException e) {
      launch.discard();
      return;
    }
    Spare old;
    synchronized (Spares.class) {
      old = waiting;
      waiting = started;
    }
    if (old != null) {
      old.discard();
    }
  }

  private static void discardWaiting() {
    Spare s = take();
    if (s != null) {
      s.discard();
    }
  }
}
