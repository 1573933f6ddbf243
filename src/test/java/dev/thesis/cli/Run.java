package dev.thesis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI: exit code and what it printed. */
record Run(int code, String out, String err) {
  static Run of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A run in {@code environment} instead of this process's. */
  static Run in(dev.thesis.env.Environment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new Console(
                new PrintWriter(out),
                new PrintWriter(err),
                dev.thesis.diag.Progress.NONE,
                -1,
                null,
                environment,
                false));
    return new Run(code, out.toString(), err.toString());
  }
}
