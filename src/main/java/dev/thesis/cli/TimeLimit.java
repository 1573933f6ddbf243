package dev.thesis.cli;

import dev.thesis.env.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --timeout}: the command runs in a child JVM that is killed when the time is up. Asking a
 * rule to stop is not enough: a consequence that loops without returning never looks at a flag, and
 * Java can no longer stop a thread from outside. Killing the process always works, and the reports
 * are safe because they are moved into place only once all are written.
 */
final class TimeLimit {

  private TimeLimit() {}

  /**
   * Runs the same command line in a child JVM for at most {@code seconds}; returns its exit code.
   */
  static int run(String[] args, double seconds, PrintWriter out, PrintWriter err) {
    Path status = null;
    Process child = null;
    try {
      status = Files.createTempFile("thesis-status", ".txt");
      List<String> command = new ArrayList<>();
      command.add(
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().put(Environment.TIMEOUT_CHILD, "1");
      pb.environment().put(Environment.STATUS_FILE, status.toString());
      child = pb.start();
      Process started = child;
      // A parent stopped from outside (SIGTERM, a CI cancel) must not leave the child running: it
      // may
      // be the runaway consequence --timeout exists for.
      Thread reaper =
          new Thread(
              () -> {
                started.descendants().forEach(ProcessHandle::destroyForcibly);
                started.destroyForcibly();
              },
              "thesis-child-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
      child.getOutputStream().close();
      Thread o = copy(child.getInputStream(), out);
      Thread e = copy(child.getErrorStream(), err);
      boolean finished = child.waitFor((long) Math.ceil(seconds * 1000), TimeUnit.MILLISECONDS);
      if (!finished) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor();
      }
      o.join(5_000);
      e.join(5_000);
      out.flush();
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting anyway; the hook runs.
      }
      if (finished) {
        return child.exitValue();
      }
      err.println(
          "thesis: stopped after "
              + seconds
              + " s (--timeout): evaluation had not finished;"
              + " no report was written");
      String what = Files.readString(status, StandardCharsets.UTF_8).strip();
      if (!what.isEmpty()) {
        err.println("thesis: " + what);
      }
      err.flush();
      return ExitCodes.TIMED_OUT;
    } catch (IOException ex) {
      err.println(
          "thesis: cannot run the evaluation in a child process for --timeout: " + ex.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      if (child != null) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
      }
      return ExitCodes.INTERNAL;
    } finally {
      if (status != null) {
        try {
          Files.deleteIfExists(status);
        } catch (IOException ignored) {
          // A temporary file of a few bytes.
        }
      }
    }
  }

  private static Thread copy(InputStream from, PrintWriter to) {
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
