package dev.thesis.cli;

import dev.thesis.env.Environment;
import dev.thesis.report.ReportWriter;
import dev.thesis.rules.CompiledRulesCache;
import dev.thesis.sandbox.Bubblewrap;
import dev.thesis.sandbox.ChildProcess;
import dev.thesis.sandbox.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/**
 * A run of rules: the same command line in a child JVM of its own, confined by bubblewrap where it
 * can start, and always bounded by the run's limits. The child sees its inputs read-only and writes
 * its reports into a private staging folder; this process, which runs no rule, publishes them
 * atomically (as {@link ReportWriter} always does) and puts the rules the child compiled into the
 * cache. Nothing the rules do outlives the child.
 */
final class Confined {
  private final Console console;
  private final Environment environment;
  private final SafetyOptions safety;
  private final Object command;

  private Confined(Console console, SafetyOptions safety, Object command) {
    this.console = console;
    this.environment = console.environment();
    this.safety = safety;
    this.command = command;
  }

  /** Runs {@code args}, which parsed into {@code parsed}, in a child; returns the exit code. */
  static int run(
      String[] args, CommandLine.ParseResult parsed, SafetyOptions safety, Console console) {
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    return new Confined(console, safety, last.commandSpec().userObject()).run(args, last);
  }

  private int run(String[] args, CommandLine.ParseResult parsed) {
    PrintWriter err = console.err();
    Bubblewrap.Probe probe = null;
    if (safety.noSandbox || environment.sandboxOff()) {
      err.println(
          "thesis: warning: "
              + (safety.noSandbox ? "--no-sandbox" : "THESIS_SANDBOX=off")
              + ": the rules run unconfined, with your permissions; only safe mode checks them");
    } else {
      probe = Bubblewrap.probe(environment.path());
      if (!probe.available()) {
        if (environment.sandboxRequired()) {
          err.println(
              "thesis: no sandbox can start ("
                  + probe.unavailable()
                  + "), and THESIS_REQUIRE_SANDBOX=1 forbids running without one");
          err.flush();
          return ExitCodes.INTERNAL;
        }
        err.println(
            "thesis: warning: no sandbox: "
                + probe.unavailable()
                + ". The rules run unconfined, checked by safe mode only;"
                + " docs/security.md#where-there-is-no-sandbox says how to get one");
        probe = null;
      }
    }
    if (safety.trustRules) {
      err.println(
          "thesis: warning: --trust-rules: safe mode does not check the rules"
              + (probe != null
                  ? "; the sandbox still confines them"
                  : ", and their code runs with your permissions (processes, files, network)"));
    }
    err.flush();
    List<Path> inputs = RunInputs.of(parsed, command);
    Limits limits = RunInputs.limits(inputs, safety);
    CompiledRulesCache cache = cache();
    LaunchPlanner planner = new LaunchPlanner(console, probe, inputs, limits, cache);
    ChildLaunch launch = null;
    try {
      Process child = null;
      Spare spare = Spares.take();
      if (spare != null) {
        ChildLaunch same = planner.launch(spare.staging(), List.of());
        if (spare.startedAs(same)) {
          launch = same;
          child = spare.hand(args);
          log().debug("the run goes to the spare child started after the last one");
        } else {
          log().debug("the spare child was started for another kind of run: discarded");
          spare.discard();
        }
      }
      if (child == null) {
        launch = planner.launch(ChildLaunch.newStaging(), List.of(args));
        child = ChildProcess.start(launch.command(), launch.environment(), ChildLaunch.workDir());
        child.getOutputStream().close();
      }
      ReportPublisher publisher = new ReportPublisher(console, launch.reports(), reports());
      Thread publishing = publisher.start();
      ChildProcess.Outcome outcome =
          ChildProcess.await(
              child, watching() ? Duration.ofDays(3650) : limits.wallClock(), console.out(), err);
      publisher.stop(publishing);
      if (cache.enabled()) {
        for (String key : RunInputs.cacheKeys(command)) {
          cache.adopt(launch.outbox(), key);
        }
      }
      if (Spares.enabled() && !watching()) {
        // The next run in this folder is most likely this one again: its child starts now.
        ChildLaunch next = planner.launch(ChildLaunch.newStaging(), List.of());
        Spares.offer(next);
      }
      if (outcome.timedOut()) {
        return timedOut(limits, launch.status());
      }
      if (publisher.failure != ExitCodes.OK) {
        return publisher.failure;
      }
      return exitCode(outcome.exitCode(), limits);
    } catch (IOException e) {
      err.println("thesis: cannot start the run's child process: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERNAL;
    } finally {
      if (launch != null) {
        launch.discard();
      }
    }
  }

  private static org.slf4j.Logger log() {
    return org.slf4j.LoggerFactory.getLogger(Confined.class);
  }

  private boolean watching() {
    return command instanceof WatchCommand;
  }

  private int timedOut(Limits limits, Path status) throws IOException {
    PrintWriter err = console.err();
    err.println(
        "thesis: stopped after "
            + Limits.seconds(limits.wallClock())
            + ", the run's wall-clock limit ("
            + (safety.timeout > 0
                ? "--timeout"
                : "the default for inputs of this size; --timeout SECONDS sets another")
            + "): evaluation had not finished; no report was written");
    String what = Files.readString(status, StandardCharsets.UTF_8).strip();
    // Empty: the child's JVM had not yet written its first status.
    err.println(
        "thesis: " + (what.isEmpty() ? "no rule had fired yet; the run was starting up" : what));
    err.flush();
    return ExitCodes.TIMED_OUT;
  }

  /** The child's code; a process that died rather than exited is explained. */
  private int exitCode(int code, Limits limits) {
    if (code >= 0 && code <= ExitCodes.MEMORY_LIMIT) {
      return code;
    }
    PrintWriter err = console.err();
    if (code == 128 + 9 || code == 134) {
      // SIGKILL from the kernel's out-of-memory killer, or an abort when the address-space cap
      // left the JVM no room: the process ran out of memory outside the heap.
      err.println(
          "thesis: the run's process was stopped (exit "
              + code
              + "): it ran out of memory outside its heap (the process cap is "
              + dev.thesis.diag.ByteSizes.show(limits.processBytes())
              + "; --max-heap raises both); no report was written");
      err.flush();
      return ExitCodes.MEMORY_LIMIT;
    }
    err.println(
        "thesis: the run's process ended abnormally (exit " + code + "); no report was written");
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** The user's cache, when its folder passes the owner and permission checks. */
  private CompiledRulesCache cache() {
    CompiledRulesCache cache = CompiledRulesCache.of(environment);
    if (cache.enabled()) {
      try {
        cache.createFolder();
      } catch (IOException e) {
        return CompiledRulesCache.disabled();
      }
    }
    return cache;
  }

  /** Where and which reports are published, if the command writes reports. */
  private ReportOptions reports() {
    if (command instanceof SafetyOptions.Bounded b) {
      return b.reports();
    }
    return null;
  }
}
