package dev.thesis.cli;

import java.io.PrintWriter;

/**
 * Where a command prints: standard output for results, standard error for diagnostics; and where
 * long work shows progress (nowhere unless standard error is a terminal).
 */
public record Console(PrintWriter out, PrintWriter err, dev.thesis.diag.Progress progress) {
  public Console(PrintWriter out, PrintWriter err) {
    this(out, err, dev.thesis.diag.Progress.NONE);
  }
}
