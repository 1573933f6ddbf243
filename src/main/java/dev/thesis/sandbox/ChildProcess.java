package dev.thesis.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process to its end or to its wall-clock limit, relaying its standard output and
 * error as they come. Killing the process is the only stop that always works: a consequence that
 * loops never looks at a flag, and Java can no longer stop a thread from outside. A parent stopped
 * from outside (SIGTERM, a CI cancel) takes the child with it.
 */
public final class ChildProcess {
  /** How it ended: its exit code, or killed at the limit. */
  public record Outcome(int exitCode, boolean timedOut, Duration elapsed) {}

  private ChildProcess() {}

  /**
   * Starts {@code command} with exactly {@code environment} (nothing of this process's own), in
   * {@code workDir}; its standard input stays open for the caller.
   */
  public static Process start(
      List<String> command, Map<String, String> environment, java.nio.file.Path workDir)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().clear();
    pb.environment().putAll(environment);
    return pb.start();
  }

  /**
   * Relays a started child's output until it ends or {@code limit} has passed since now, when it is
   * killed.
   */
  public static Outcome await(Process child, Duration limit, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    long start = System.nanoTime();
    Thread reaper = new Thread(() -> kill(child), "thesis-child-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      Thread o = relay(child.getInputStream(), out);
      Thread e = relay(child.getErrorStream(), err);
      boolean finished = child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        kill(child);
        child.waitFor();
      }
      o.join(5_000);
      e.join(5_000);
      out.flush();
      err.flush();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Outcome(finished ? child.exitValue() : -1, !finished, elapsed);
    } catch (InterruptedException ex) {
      kill(child);
      throw ex;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting anyway; the hook runs.
      }
    }
  }

  /** Kills the child and whatever it started. */
  public static void stop(Process child) {
    kill(child);
  }

  private static void kill(Process child) {
    child.descendants().forEach(ProcessHandle::destroyForcibly);
    child.destroyForcibly();
  }

  private static Thread relay(InputStream from, PrintWriter to) {
    Thread t =
        new Thread(
            () -> {
              try (Reader r = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) >= 0; ) {
                  synchronized (to) {
                    to.write(buf, 0, n);
                    to.flush();
                  }
                }
              } catch (IOException ignored) {
                // The child was killed: its pipe closes mid-read.
              }
            },
            "thesis-child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
