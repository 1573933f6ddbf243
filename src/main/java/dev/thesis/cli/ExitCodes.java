package dev.thesis.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit code of the `thesis` command, in one place: the constants the commands return, and the
 * descriptions every command's help lists (docs/exit-codes.md explains each one at length).
 */
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

  /**
   * Evaluation ran past its wall-clock limit (--timeout, or the default) and was stopped (its child
   * process killed); no report written.
   */
  public static final int TIMED_OUT = 6;

  /**
   * The run used up its memory: the heap cap (--max-heap, or the default) or the sandbox's process
   * cap. No report written.
   */
  public static final int MEMORY_LIMIT = 7;

  /**
   * {@code --format pdf}: no Chromium to print report.pdf with, or it failed to print; no report
   * written.
   */
  public static final int PRINT_FAILED = 8;

  private ExitCodes() {}

  /** Code to description, for picocli's exit-code list in the help. */
  static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(" " + OK, "ok");
    m.put(" " + INTERNAL, "internal error (--verbose prints the stack trace)");
    m.put(" " + USAGE, "usage error: unknown command or option, bad value, unknown id");
    m.put(" " + INVALID_INPUT, "invalid rules or facts, or a rule failed while evaluating");
    m.put(" " + TESTS_FAILED, "tests failed, or rule coverage under --fail-under");
    m.put(" " + LIMIT_REACHED, "evaluation limit reached (--max-firings)");
    m.put(
        " " + TIMED_OUT, "wall-clock limit reached (--timeout, or the default); no report written");
    m.put(
        " " + MEMORY_LIMIT, "memory limit reached (--max-heap, or the default); no report written");
    m.put(
        " " + PRINT_FAILED, "--format pdf: no Chromium, or it failed to print; no report written");
    return m;
  }
}
