package dev.thesis.cli;

import dev.thesis.daemon.Client;
import dev.thesis.daemon.Daemon;
import dev.thesis.daemon.Identity;
import dev.thesis.daemon.Logging;
import dev.thesis.daemon.Rendezvous;
import dev.thesis.daemon.Request;
import dev.thesis.daemon.ServedCommands;
import dev.thesis.env.Environment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's entry point for commands a daemon may serve: hands the command line to the
 * folder's daemon (starting one when there is none) and relays its output and exit code. When no
 * daemon can serve it (THESIS_DAEMON=off, no private folder for the socket, a refusal, a daemon
 * that will not start) the command runs here, as without a daemon; the output is the same.
 */
public final class ClientMain {
  private static final Duration START_WAIT = Duration.ofSeconds(20);

  /** How long to wait for another client's daemon once ours found it had the lock. */
  private static final Duration OTHER_START_WAIT = Duration.ofSeconds(5);

  private ClientMain() {}

  public static void main(String[] args) {
    Logging.install();
    Environment environment = Environment.current();
    if (environment.daemonOff()) {
      log().debug("THESIS_DAEMON=off: running in this process");
    } else if (!servable(Arrays.asList(args))) {
      log().debug("not a command line a daemon runs: running in this process");
    } else {
      Integer code = viaDaemon(args, environment);
      if (code != null) {
        System.out.flush();
        System.exit(code);
      }
    }
    Main.main(args);
  }

  /**
   * Logs why a run does not go to a daemon. Asked for only then: a run that a daemon serves loads
   * no logging classes, which would add to the client's start.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ClientMain.class);
  }

  /**
   * Whether a daemon may run this command line. Not: a command outside {@link ServedCommands}; and
   * paths that exist only in this process (`/dev/fd/63` from `<(...)`, `/dev/stdin`,
   * `/proc/self/...`). `--timeout` and `--trust-rules` may: the daemon runs no rule itself, but
   * starts a child for each run, as this process would.
   */
  static boolean servable(List<String> args) {
    if (args.isEmpty() || !ServedCommands.contains(args.get(0))) {
      return false;
    }
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
      if (processLocal(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a path names something under /dev or /proc, however spelt: as written (`..` resolved),
   * through each link in turn (`/dev/stdin` resolves to a pipe, which has no real path), or fully
   * resolved.
   */
  private static boolean processLocal(String value) {
    Path path;
    try {
      path = Path.of(value).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException notAPath) {
      return false;
    }
    for (int hop = 0; hop < 10; hop++) {
      if (path.startsWith("/dev") || path.startsWith("/proc")) {
        return true;
      }
      if (!java.nio.file.Files.isSymbolicLink(path)) {
        break;
      }
      try {
        path = path.resolveSibling(java.nio.file.Files.readSymbolicLink(path)).normalize();
      } catch (IOException | SecurityException unreadable) {
        break;
      }
    }
    try {
      Path real = path.toRealPath();
      return real.startsWith("/dev") || real.startsWith("/proc");
    } catch (IOException | SecurityException missing) {
      return false;
    }
  }

  private static Integer viaDaemon(String[] args, Environment environment) {
    Identity identity = Identity.of(environment);
    Rendezvous rendezvous;
    try {
      rendezvous = Rendezvous.open(environment.daemonDir());
    } catch (IOException | RuntimeException e) {
      log()
          .info(
              "no daemon: cannot use the daemons' folder ({}); running in this process",
              e.getMessage());
      return null;
    }
    if (!rendezvous.socketFits(identity)) {
      log()
          .info(
              "no daemon: the socket's path {} is too long; running in this process",
              rendezvous.socket(identity));
      return null;
    }
    Path socket = rendezvous.socket(identity);
    Request.Terminal terminal =
        new Request.Terminal(
            System.console() != null, environment.stderrTty() && !environment.ci());
    Client.Outcome outcome =
        Client.send(socket, request(identity, args, terminal), System.out, System.err);
    if (outcome instanceof Client.Unavailable) {
      if (Daemon.failedLately(rendezvous, identity)) {
        log()
            .info(
                "no daemon: one failed to start lately (its log is {}); running in this process",
                rendezvous.log(identity));
        return null;
      }
      // Which logs why, should it not get an answer.
      outcome = startAndSend(rendezvous, identity, socket, args, terminal, environment);
    }
    if (outcome instanceof Client.Exited exited) {
      return exited.code();
    }
    if (outcome instanceof Client.Lost lost) {
      System.err.println(
          "thesis: the daemon stopped during the run ("
              + lost.why()
              + "); its log is "
              + rendezvous.log(identity)
              + ". Run again, or with THESIS_DAEMON=off.");
      return ExitCodes.INTERNAL;
    }
    if (outcome instanceof Client.Refused refused) {
      log().info("the daemon refused the run ({}); running in this process", refused.why());
    }
    return null;
  }

  private static Request request(Identity identity, String[] args, Request.Terminal terminal) {
    // Measured at each try: the wait for a starting daemon is part of this run's start.
    return Request.run(identity, Arrays.asList(args), nanosSinceStart(), terminal);
  }

  private static Client.Outcome startAndSend(
      Rendezvous rendezvous,
      Identity identity,
      Path socket,
      String[] args,
      Request.Terminal terminal,
      Environment environment) {
    Process daemon;
    if (environment.stderrTty()) {
      // Said on a terminal only: a process that outlives the command should not be a surprise.
      System.err.println(
          "thesis: starting a daemon that keeps the engine warm for the next runs in this folder"
              + " (it leaves after "
              + Daemon.idleDescription()
              + " idle; 'thesis daemon stop' stops it, THESIS_DAEMON=off"
              + " runs without)");
    }
    try {
      rendezvous.prune();
      daemon = Daemon.spawn(rendezvous, identity, ServerMain.class.getName());
    } catch (IOException | RuntimeException e) {
      log().warn("could not start a daemon ({}); running in this process", e.toString());
      return new Client.Unavailable(e.toString());
    }
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    Client.Outcome outcome;
    do {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Client.Unavailable("interrupted");
      }
      outcome = Client.send(socket, request(identity, args, terminal), System.out, System.err);
      if (outcome instanceof Client.Unavailable && !daemon.isAlive()) {
        if (daemon.exitValue() != 0) {
          log()
              .warn(
                  "the daemon exited with {} before it answered; its log is {}",
                  daemon.exitValue(),
                  rendezvous.log(identity));
          Daemon.markFailed(rendezvous, identity);
          return outcome;
        }
        // Exit 0 without binding: another client's daemon holds the lock; wait a little for it.
        deadline = Math.min(deadline, System.nanoTime() + OTHER_START_WAIT.toNanos());
      }
    } while (outcome instanceof Client.Unavailable && System.nanoTime() < deadline);
    if (outcome instanceof Client.Unavailable unavailable) {
      log()
          .warn(
              "the daemon started did not answer in time ({}); its log is {}",
              unavailable.why(),
              rendezvous.log(identity));
    }
    return outcome;
  }

  /**
   * Since the launcher started the JVM: it passes the time as -Dthesis.launchedAt, epoch seconds
   * with microseconds (bash's EPOCHREALTIME, whose separator follows the locale); without it, since
   * this JVM started.
   */
  static long nanosSinceStart() {
    String launched = Environment.current().launchedAt().replace(',', '.');
    try {
      long startNanos = new BigDecimal(launched).movePointRight(9).longValueExact();
      return Math.max(
          0,
          Duration.between(Instant.ofEpochSecond(0).plusNanos(startNanos), Instant.now())
              .toNanos());
    } catch (NumberFormatException | ArithmeticException e) {
      return JvmStart.nanosSinceStart();
    }
  }
}
