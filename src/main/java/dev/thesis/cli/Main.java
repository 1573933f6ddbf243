package dev.thesis.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: wires the commands to the given writers and maps failures to exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, StatusFile.forEnvironment(TerminalProgress.forEnvironment(err))));
  }

  /** Runs one command line; never calls System.exit, so tests can run it in-process. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, dev.thesis.diag.Progress.NONE);
  }

  static int run(String[] args, PrintWriter out, PrintWriter err, dev.thesis.diag.Progress progress) {
    Double timeout = TimeLimit.requested(args);
    if (timeout != null) {
      return TimeLimit.run(args, timeout, out, err);
    }
    Console console = new Console(out, err, progress);
    CommandLine cl = new CommandLine(new ThesisCommand())
        .addSubcommand(new EvaluateCommand(console))
        .addSubcommand(new ExplainCommand(console))
        .addSubcommand(new CheckCommand(console))
        .addSubcommand(new TestCommand(console))
        .addSubcommand(new WatchCommand(console))
        .addSubcommand(new WhatIfCommand(console))
        .addSubcommand(new TimelineCommand(console))
        .addSubcommand(new DiffCommand(console))
        .addSubcommand(new GraphCommand(console))
        .addSubcommand(new GenerateCommand(console));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = commandLine.getCommand() instanceof Verbose v && v.verbose();
      err.println("thesis: internal error: " + e);
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("(run again with --verbose for the stack trace)");
      }
      err.flush();
      return ExitCodes.INTERNAL;
    });
    if (java.util.Arrays.asList(args).contains("--trust-rules")) {
      err.println("thesis: warning: --trust-rules: safe mode is off, and the rules' code runs with your"
          + " permissions (processes, files, network)");
    }
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
