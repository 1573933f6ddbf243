package dev.thesis.cli;

/** Every exit code of the `thesis` command, in one place (the README lists the same). */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** A bug or an environment failure (e.g. the output folder cannot be written). */
  public static final int INTERNAL = 1;
  /** The command line is wrong: unknown option, missing argument, unknown id to explain. */
  public static final int USAGE = 2;
  /** The rules or the facts are invalid (build error, bad fact file, a rule that throws). */
  public static final int INVALID_INPUT = 3;
  /** `thesis test`: a scenario failed, or rule coverage is under --fail-under. */
  public static final int TESTS_FAILED = 4;
  /** Evaluation stopped at a limit (e.g. --max-firings) before it was done. */
  public static final int LIMIT_REACHED = 5;
  /** Evaluation ran past --timeout and was stopped (its child process killed); no report written. */
  public static final int TIMED_OUT = 6;

  private ExitCodes() {}
}
