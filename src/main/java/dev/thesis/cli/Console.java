package dev.thesis.cli;

import java.io.PrintWriter;

/** Where a command prints: standard output for results, standard error for diagnostics. */
public record Console(PrintWriter out, PrintWriter err) {}
