package dev.thesis.cli;

import dev.thesis.diag.Progress;
import dev.thesis.env.Environment;
import java.io.PrintWriter;

/**
 * What a command runs with besides its arguments: standard output for results, standard error for
 * diagnostics; where long work shows progress (nowhere unless standard error is a terminal); how
 * long the process took to start before the command ran (negative: measure this JVM's start);
 * whether picocli colours its messages (null: picocli decides from this process's terminal, which a
 * daemon does not have); the environment, read once; and whether a command that runs rules runs
 * them in a child process of its own, sandboxed ({@link Confined}), as the program and its daemon
 * do, or here, as a test that calls {@link Main#run} does.
 */
public record Console(
    PrintWriter out,
    PrintWriter err,
    Progress progress,
    long startupNanos,
    Boolean colours,
    Environment environment,
    boolean childPerRun) {

  /** Plain writers in this process's environment: no progress, no colours decided here. */
  public static Console of(PrintWriter out, PrintWriter err) {
    return new Console(out, err, Progress.NONE, -1, null, Environment.current(), false);
  }

  /** Time from the start of the process the user launched to now. */
  long nanosSinceStart() {
    return startupNanos >= 0 ? startupNanos : JvmStart.nanosSinceStart();
  }
}
