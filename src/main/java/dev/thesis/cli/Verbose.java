package dev.thesis.cli;

/** A command that knows whether --verbose was given, for the internal-error handler. */
interface Verbose {
  boolean verbose();
}
