package dev.thesis.cli;

import dev.thesis.diag.Progress;
import dev.thesis.diag.Thrown;
import dev.thesis.env.Environment;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point: wires the commands to the given writers and maps failures to exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // java -jar as well as the launcher: nothing is logged unless THESIS_LOG asks.
    dev.thesis.daemon.Logging.install();
    long startupNanos = -1;
    if (Environment.current().spare()) {
      // Started ahead by the daemon: load the engine while nobody waits, until the run comes.
      WarmUp warmUp = WarmUp.start();
      try {
        args = Spare.readArgs(System.in);
      } catch (java.io.IOException e) {
        System.exit(ExitCodes.INTERNAL);
      }
      warmUp.stop();
      if (args.length == 0) {
        System.exit(ExitCodes.OK); // discarded
      }
      startupNanos = 0;
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Environment environment = Environment.current();
    if (!environment.child() && !environment.sandboxOff()) {
      // While picocli parses the command line, which takes longer.
      dev.thesis.sandbox.Bubblewrap.probeEarly(environment.path());
    }
    // A thread of the run's own other than the one firing (a report renderer, the status writer)
    // may be the one to find the heap gone: the run ends with the memory limit, not a stack trace.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof Error error && Thrown.kind(error) == Thrown.Kind.MEMORY) {
            Runtime.getRuntime().halt(Failures.uncaught(err, error, false));
          }
          err.println("thesis: internal error in " + thread.getName() + ": " + e);
          err.flush();
        });
    Progress progress =
        StatusFile.forEnvironment(TerminalProgress.forEnvironment(err, environment), environment);
    System.exit(
        run(
            args,
            new Console(
                out, err, progress, startupNanos, null, environment, !environment.child())));
  }

  /** Runs one command line; never calls System.exit, so tests can run it in-process. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, Console.of(out, err));
  }

  /**
   * Runs one command line with what {@code console} holds (a daemon's run: the client's terminal).
   */
  static int run(String[] args, Console console) {
    PrintWriter out = console.out();
    PrintWriter err = console.err();
    Boolean colours = console.colours();
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("evaluate", () -> new EvaluateCommand(console));
    commands.put("explain", () -> new ExplainCommand(console));
    commands.put("check", () -> new CheckCommand(console));
    commands.put("test", () -> new TestCommand(console));
    commands.put("watch", () -> new WatchCommand(console));
    commands.put("whatif", () -> new WhatIfCommand(console));
    commands.put("timeline", () -> new TimelineCommand(console));
    commands.put("diff", () -> new DiffCommand(console));
    commands.put("graph", () -> new GraphCommand(console));
    commands.put("generate", () -> new GenerateCommand(console));
    commands.put("daemon", () -> new DaemonCommand(console));
    commands.put("init", () -> new InitCommand(console));
    commands.put("schema", () -> new SchemaCommand(console));
    commands.put("completion", () -> new CompletionCommand(console));
    ThesisCommand top = new ThesisCommand();
    CommandLine cl = new CommandLine(top);
    // Picocli reads every registered command's annotations up front (a fifth of a second for all);
    // a command line that names one gets only that one. Help and errors still list them all, and
    // completion, which describes them all, gets them all.
    if (args.length > 0 && commands.containsKey(args[0]) && !args[0].equals("completion")) {
      cl.addSubcommand(args[0], commands.get(args[0]).get());
    } else {
      commands.forEach((name, make) -> cl.addSubcommand(name, make.get()));
    }
    exitCodeHelp(cl);
    if (colours != null) {
      cl.setColorScheme(
          CommandLine.Help.defaultColorScheme(
              colours ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    }
    cl.setOut(out);
    cl.setErr(err);
    // A wrong value or option gets the error and where to read more, not the whole usage (graph's
    // is 50 lines); a command line that names no command still lists them all.
    cl.setParameterExceptionHandler(
        (e, given) -> {
          CommandLine cmd = e.getCommandLine();
          PrintWriter w = cmd.getErr();
          if (cmd.getCommandSpec().parent() == null) {
            String command = unknownCommand(e);
            if (command != null) {
              w.println(
                  "thesis: unknown command \""
                      + dev.thesis.diag.TerminalText.escape(command)
                      + "\""
                      + dev.thesis.diag.Nearest.didYouMean(
                          command, cmd.getSubcommands().keySet(), 3));
              w.println("(thesis --help lists the commands)");
              w.flush();
              return ExitCodes.USAGE;
            }
            w.println(e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, w)) {
              cmd.usage(w, cmd.getColorScheme());
            }
            w.flush();
            return ExitCodes.USAGE;
          }
          w.println("thesis: " + e.getMessage() + nearestChoice(e.getMessage()));
          CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
          w.println("(thesis " + cmd.getCommandName() + " --help lists the options)");
          w.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("thesis: internal error: " + e);
          if (top.common.verbose) {
            e.printStackTrace(err);
          } else {
            err.println("(run again with --verbose for the stack trace)");
          }
          err.flush();
          return ExitCodes.INTERNAL;
        });
    cl.setExecutionStrategy(
        parsed -> {
          SafetyOptions safety = safety(parsed);
          // A run of rules is the same command line in a child process: sandboxed, bounded, and
          // gone when the run is.
          // In-process (a test's Main.run) too, a run with --timeout needs a process it can kill.
          if (safety != null
              && (console.childPerRun()
                  || (safety.timeout > 0 && !console.environment().child()))) {
            return Confined.run(args, parsed, safety, console);
          }
          if (safety != null && safety.trustRules && !console.environment().child()) {
            err.println(
                "thesis: warning: --trust-rules: safe mode is off, and the rules' code runs with your"
                    + " permissions (processes, files, network)");
          }
          try {
            return new CommandLine.RunLast().execute(parsed);
          } catch (Error e) {
            return Failures.uncaught(err, e, top.common.verbose);
          }
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The word given where a command belongs ({@code thesis evalute}), or null. */
  private static String unknownCommand(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      return u.getUnmatched().get(0);
    }
    return null;
  }

  /** The safety options of the command that runs, if it has them. */
  private static SafetyOptions safety(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    return last.commandSpec().userObject() instanceof SafetyOptions.Bounded b ? b.safety() : null;
  }

  /** Every command's help ends with the exit codes, from the one registry. */
  private static void exitCodeHelp(CommandLine cl) {
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.descriptions());
    cl.getSubcommands().values().forEach(Main::exitCodeHelp);
  }

  private static final java.util.regex.Pattern CHOICES =
      java.util.regex.Pattern.compile("expected one of \\[(.*)\\].* but was '(.*)'");

  /**
   * For a value that is not one of an option's choices ({@code daemon stp}, {@code --format
   * nonee}): {@code ; did you mean "stop"?} when one is close; else nothing.
   */
  static String nearestChoice(String message) {
    java.util.regex.Matcher m = CHOICES.matcher(String.valueOf(message));
    if (!m.find()) {
      return "";
    }
    return dev.thesis.diag.Nearest.didYouMean(
        m.group(2), java.util.Arrays.asList(m.group(1).split(",\\s*")), 3);
  }
}
