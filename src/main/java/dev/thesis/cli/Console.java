package dev.thesis.cli;

import java.io.PrintWriter;

/**
 * Where a command prints: standard output for results, standard error for diagnostics; where long
 * work shows progress (nowhere unless standard error is a terminal); and how long the process took
 * to start before the command ran (negative: measure this JVM's start).
 */
public record Console(PrintWriter out, PrintWriter err, dev.thesis.diag.Progress progress, long startupNanos) {
  public Console(PrintWriter out, PrintWriter err) {
    this(out, err, dev.thesis.diag.Progress.NONE);
  }

  public Console(PrintWriter out, PrintWriter err, dev.thesis.diag.Progress progress) {
    this(out, err, progress, -1);
  }

  /** Time from the start of the process the user launched to now. */
  long nanosSinceStart() {
    return startupNanos >= 0 ? startupNanos : JvmStart.nanosSinceStart();
  }
}
