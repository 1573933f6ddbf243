package dev.thesis.cli;

import dev.thesis.daemon.Daemon;
import dev.thesis.daemon.Identity;
import dev.thesis.daemon.Logging;
import dev.thesis.daemon.Rendezvous;
import dev.thesis.daemon.Request;
import dev.thesis.diag.Progress;
import dev.thesis.env.Environment;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The daemon process's entry point (started by {@link ClientMain}): serves command lines with
 * {@link Main}.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws IOException {
    Logging.install();
    Environment environment = Environment.current();
    Rendezvous rendezvous = Rendezvous.open(environment.daemonDir());
    // Each run's child is started ahead, after the run before it.
    Spares.enable();
    // Rule sets are not kept between runs: Drools counts a constraint's evaluations in its
    // knowledge
    // base and compiles it to Java at 20, which changes what some constraints do (10 / 0 throws in
    // Java, not in MVEL); a fresh knowledge base per run, from the disk cache, counts as a JVM of
    // its own would.
    // Exit 0 also when another daemon had the lock: the client waiting on this one then waits for
    // that one.
    Daemon.serve(
        rendezvous,
        Identity.of(environment),
        (request, out, err) -> run(request, out, err, environment),
        () -> System.exit(0));
    System.exit(0);
  }

  private static int run(
      Request request, PrintWriter out, PrintWriter err, Environment environment) {
    if (!ClientMain.servable(request.args())) {
      // The client never sends these; `daemon` here would probe this process's own lock.
      err.println("thesis: this command does not run in the daemon");
      return ExitCodes.USAGE;
    }
    // What the client's terminal allows, not the daemon's (it has none).
    Progress progress = request.terminal().progress() ? new TerminalProgress(err) : Progress.NONE;
    // Its log lines too go to the client's standard error, as in a JVM of its own.
    try (Logging.Scope lines = Logging.linesTo(err)) {
      return Main.run(
          request.args().toArray(String[]::new),
          new Console(
              out,
              err,
              progress,
              request.startupNanos(),
              colours(request.terminal().console(), environment),
              environment,
              true));
    }
  }

  /**
   * Picocli's automatic colour choice on Unix, taken with the client's terminal: NO_COLOR turns
   * colours off, CLICOLOR_FORCE on, CLICOLOR=0 off, else colours when standard input and output are
   * a terminal. An explicit -Dpicocli.ansi is left to picocli.
   */
  static Boolean colours(boolean console, Environment environment) {
    if (environment.picocliAnsi().isPresent()) {
      return null;
    }
    if (environment.noColor()) {
      return false;
    }
    if (environment.clicolorForce()) {
      return true;
    }
    if (environment.clicolorOff()) {
      return false;
    }
    return console;
  }
}
