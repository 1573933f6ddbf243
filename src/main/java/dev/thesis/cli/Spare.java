package dev.thesis.cli;

import dev.thesis.sandbox.ChildProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A run's child started ahead, by the daemon, for the run most likely to come next: the same as the
 * last one. It starts its JVM and loads the engine while nobody waits, then reads its command line
 * from its standard input. It serves one run, or none, and is discarded when the next run differs
 * in anything that shapes its process (inputs, limits, sandbox).
 */
final class Spare {
  private final ChildLaunch launch;
  private final Process process;

  private Spare(ChildLaunch launch, Process process) {
    this.launch = launch;
    this.process = process;
  }

  static Spare start(ChildLaunch launch) throws IOException {
    return new Spare(
        launch,
        ChildProcess.start(
            launch.command(), launch.environment(), java.nio.file.Path.of("").toAbsolutePath()));
  }

  java.nio.file.Path staging() {
    return launch.staging();
  }

  /** Whether this spare was started exactly as {@code wanted} would start a child. */
  boolean startedAs(ChildLaunch wanted) {
    if (!launch.command().equals(wanted.command())) {
      org.slf4j.LoggerFactory.getLogger(Spare.class)
          .debug("spare: command differs: {} | {}", launch.command(), wanted.command());
    } else if (!launch.environment().equals(wanted.environment())) {
      org.slf4j.LoggerFactory.getLogger(Spare.class)
          .debug("spare: environment differs: {} | {}", launch.environment(), wanted.environment());
    } else if (!launch.mounted().equals(wanted.mounted())) {
      org.slf4j.LoggerFactory.getLogger(Spare.class)
          .debug("spare: an input was replaced since: {} | {}", launch.mounted(), wanted.mounted());
    }
    return process.isAlive()
        && launch.command().equals(wanted.command())
        && launch.environment().equals(wanted.environment())
        && launch.mounted().equals(wanted.mounted());
  }

  /** Gives the spare its command line: each argument as UTF-8, ended by a NUL byte. */
  Process hand(String[] args) throws IOException {
    try (OutputStream in = process.getOutputStream()) {
      for (String a : args) {
        in.write(a.getBytes(StandardCharsets.UTF_8));
        in.write(0);
      }
    }
    return process;
  }

  void discard() {
    ChildProcess.stop(process);
    launch.discard();
  }

  /** Reads the command line {@link #hand} writes (in the spare). */
  static String[] readArgs(java.io.InputStream in) throws IOException {
    String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (all.isEmpty()) {
      return new String[0];
    }
    List<String> args = List.of(all.substring(0, all.length() - 1).split("\u0000", -1));
    return args.toArray(String[]::new);
  }
}
