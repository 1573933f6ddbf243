package dev.thesis.cli;

import dev.thesis.env.Environment;
import dev.thesis.report.ReportWriter;
import dev.thesis.rules.CompiledRulesCache;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.sandbox.Bubblewrap;
import dev.thesis.sandbox.ChildProcess;
import dev.thesis.sandbox.Confinement;
import dev.thesis.sandbox.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A run of rules: the same command line in a child JVM of its own, confined by bubblewrap where it
 * can start, and always bounded by the run's limits. The child sees its inputs read-only and writes
 * its reports into a private staging folder; this process, which runs no rule, publishes them
 * atomically (as {@link ReportWriter} always does) and puts the rules the child compiled into the
 * cache. Nothing the rules do outlives the child.
 */
final class Confined {
  /** Copied into the child's environment (the rest of this process's is not passed on). */
  private static final List<String> PASSED =
      List.of(
          "LANG",
          "LANGUAGE",
          "LC_ALL",
          "LC_CTYPE",
          "LC_MESSAGES",
          "LC_NUMERIC",
          "LC_TIME",
          "LC_COLLATE",
          "TZ",
          "TERM",
          "NO_COLOR",
          "CLICOLOR",
          "CLICOLOR_FORCE",
          "THESIS_LOG",
          "THESIS_STDERR_TTY",
          "CI");

  /** The parent's JVM options that do not carry over: the child gets its own heap and no agent. */
  private static final List<String> DROPPED =
      List.of(
          "-Xmx",
          "-Xms",
          "-XX:MaxHeapSize",
          "-XX:InitialHeapSize",
          "-XX:MaxRAMPercentage",
          "-XX:InitialRAMPercentage",
          "-XX:MinRAMPercentage",
          "-javaagent",
          "-agentlib",
          "-agentpath",
          "-XX:ArchiveClassesAtExit",
          "-XX:SharedArchiveFile",
          "-Dthesis.",
          "-XX:+HeapDumpOnOutOfMemoryError",
          "-XX:HeapDumpPath",
          "-XX:ErrorFile",
          "-Dpicocli.ansi");

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
    List<Path> inputs = inputs(parsed);
    Limits limits = limits(inputs);
    CompiledRulesCache cache = cache();
    Launch launch = null;
    try {
      Process child = null;
      Spare spare = Spares.take();
      if (spare != null) {
        Launch same = launch(spare.staging(), List.of(), probe, inputs, limits, cache);
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
        launch = launch(newStaging(), List.of(args), probe, inputs, limits, cache);
        child = ChildProcess.start(launch.command(), launch.environment(), workDir());
        child.getOutputStream().close();
      }
      Publisher publisher = new Publisher(launch.reports(), out());
      Thread publishing = publisher.start();
      ChildProcess.Outcome outcome =
          ChildProcess.await(
              child, watching() ? Duration.ofDays(3650) : limits.wallClock(), console.out(), err);
      publisher.stop(publishing);
      if (cache.enabled()) {
        for (String key : cacheKeys()) {
          cache.adopt(launch.outbox(), key);
        }
      }
      if (Spares.enabled() && !watching()) {
        // The next run in this folder is most likely this one again: its child starts now.
        Launch next = launch(newStaging(), List.of(), probe, inputs, limits, cache);
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
        deleteTree(launch.staging());
      }
    }
  }

  /**
   * How a child is started: its command line and environment, and its private staging folder
   * (reports, compiled rules, status).
   */
  record Launch(
      List<String> command, Map<String, String> environment, Path staging, List<String> mounted) {
    Path reports() {
      return staging.resolve("reports");
    }

    Path outbox() {
      return staging.resolve("cache");
    }

    Path status() {
      return staging.resolve("status");
    }
  }

  private static Path newStaging() throws IOException {
    Path staging = Files.createTempDirectory("thesis-run-");
    Files.createDirectory(staging.resolve("reports"));
    Files.createDirectory(staging.resolve("cache"));
    Files.writeString(staging.resolve("status"), "");
    return staging;
  }

  private static Path workDir() {
    return Path.of("").toAbsolutePath();
  }

  /**
   * The child for {@code args} (none: a spare, which reads them later) staging in {@code staging}.
   */
  private Launch launch(
      Path staging,
      List<String> args,
      Bubblewrap.Probe probe,
      List<Path> inputs,
      Limits limits,
      CompiledRulesCache cache) {
    Launch shape = new Launch(List.of(), Map.of(), staging, List.of());
    Map<String, String> env =
        childEnvironment(probe != null, shape.reports(), shape.status(), cache, shape.outbox());
    if (args.isEmpty()) {
      env.put(Environment.Input.THESIS_SPARE.key(), "1");
    }
    List<String> java = javaCommand(args.toArray(String[]::new), limits, probe != null);
    // What each input is on disk (device and inode): a spare's mounts keep what was there when it
    // started, so a file or folder replaced since (an editor's save, rm -rf and copy) rules it out.
    List<String> mounted = new ArrayList<>();
    for (Path p : inputs) {
      mounted.add(p + " " + fileKey(p));
    }
    if (probe == null) {
      return new Launch(java, env, staging, mounted);
    }
    List<Path> readOnly = new ArrayList<>(inputs);
    readOnly.addAll(classPath());
    sharedArchive().ifPresent(readOnly::add);
    if (cache.enabled()) {
      readOnly.add(cache.folder());
    }
    Confinement confinement = new Confinement(readOnly, List.of(staging), workDir());
    return new Launch(
        confinement.wrap(
            probe.program(), Path.of(System.getProperty("java.home")), capped(java, limits)),
        env,
        staging,
        mounted);
  }

  private static String fileKey(Path p) {
    try {
      return String.valueOf(
          Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    } catch (IOException e) {
      return "missing";
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
    if (!what.isEmpty()) {
      err.println("thesis: " + what);
    }
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
              + Limits.bytes(limits.processBytes())
              + "; --max-heap raises both); no report was written");
      err.flush();
      return ExitCodes.MEMORY_LIMIT;
    }
    err.println(
        "thesis: the run's process ended abnormally (exit " + code + "); no report was written");
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** The heap and wall clock for these inputs, unless the options set them. */
  private Limits limits(List<Path> inputs) {
    long bytes = 0;
    for (Path p : inputs) {
      bytes += size(p);
    }
    long physical = physicalMemory();
    Limits limits = Limits.defaults(bytes, physical);
    if (safety.timeout > 0) {
      limits = limits.withWallClock(Duration.ofMillis((long) Math.ceil(safety.timeout * 1000)));
    }
    if (safety.maxHeap > 0) {
      limits = limits.withHeap(safety.maxHeap);
    }
    return limits;
  }

  /** The machine's memory from /proc/meminfo (the management beans cost a run 50 ms); 0 unknown. */
  private static long physicalMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: no bound from the machine.
    }
    return 0;
  }

  private static long size(Path p) {
    if (Files.isRegularFile(p)) {
      try {
        return Files.size(p);
      } catch (IOException e) {
        return 0;
      }
    }
    if (!Files.isDirectory(p)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".drl"))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /**
   * Every path the command was given or defaults to (its rules, facts, scenario files, a fact file
   * for --with...), except where its reports go.
   */
  private List<Path> inputs(CommandLine.ParseResult parsed) {
    List<Path> found = new ArrayList<>();
    CommandLine.Model.CommandSpec spec = parsed.commandSpec();
    List<CommandLine.Model.ArgSpec> specs = new ArrayList<>(spec.options());
    specs.addAll(spec.positionalParameters());
    for (CommandLine.Model.ArgSpec a : specs) {
      if (a instanceof CommandLine.Model.OptionSpec o && List.of(o.names()).contains("--out")) {
        continue;
      }
      collect(a.getValue(), found);
    }
    if (command instanceof SafetyOptions.Bounded b) {
      found.addAll(b.moreInputs());
    }
    return found;
  }

  private static void collect(Object value, List<Path> into) {
    if (value instanceof Path p) {
      into.add(p);
    } else if (value instanceof java.io.File f) {
      into.add(f.toPath());
    } else if (value instanceof java.util.Collection<?> c) {
      for (Object o : c) {
        collect(o, into);
      }
    }
  }

  /** The rule folders the child may compile: their cache keys are the entries it may fill. */
  private List<String> cacheKeys() {
    List<String> keys = new ArrayList<>();
    List<Path> folders = command instanceof SafetyOptions.Bounded b ? b.ruleFolders() : List.of();
    for (Path dir : folders) {
      List<Path> files = RuleCompiler.drlFiles(dir, new ArrayList<>());
      if (!files.isEmpty()) {
        try {
          keys.add(CompiledRulesCache.key(dir.normalize(), files));
        } catch (IOException e) {
          // Unreadable now: the child could not have compiled it either.
        }
      }
    }
    return keys;
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

  private Map<String, String> childEnvironment(
      boolean sandboxed, Path reports, Path status, CompiledRulesCache cache, Path outbox) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : PASSED) {
      String v = System.getenv(name);
      if (v != null) {
        env.put(name, v);
      }
    }
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", sandboxed ? "/tmp" : System.getProperty("user.home", "/tmp"));
    // glibc reserves 64 MB of address space per thread arena; the process cap counts them.
    env.put("MALLOC_ARENA_MAX", "2");
    // Progress bars where this run shows them (a daemon's run: where its client does).
    if (console.progress() != dev.thesis.diag.Progress.NONE) {
      env.put("THESIS_STDERR_TTY", "1");
    }
    env.put(Environment.CHILD, "1");
    env.put(Environment.STATUS_FILE, status.toString());
    env.put(Environment.STAGING, reports.toString());
    if (cache.enabled()) {
      env.put("THESIS_CACHE_DIR", cache.folder().getParent().toString());
      env.put(Environment.CACHE_OUTBOX, outbox.toString());
    } else {
      env.put("THESIS_CACHE_DIR", "off");
    }
    if (sandboxed) {
      env.put(Environment.Input.THESIS_SANDBOXED.key(), "1");
    }
    return env;
  }

  /** java, this JVM's options (less heap and agents), the heap cap, the class path, Main, args. */
  private List<String> javaCommand(String[] args, Limits limits, boolean sandboxed) {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option :
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (DROPPED.stream().noneMatch(option::startsWith)
          && !(option.startsWith("-Xmn") && limits.heapBytes() < (2L << 30))) {
        c.add(option);
      }
    }
    sharedArchive().ifPresent(j -> c.add("-XX:SharedArchiveFile=" + j));
    // The thesis.* settings this process was given (a test's, or the launcher's).
    for (Environment.Input input : Environment.Input.values()) {
      if (input.kind() == Environment.Kind.PROPERTY
          && input.key().startsWith("thesis.")
          && input != Environment.Input.LAUNCHED_AT
          && input != Environment.Input.JSA) {
        environment.value(input).ifPresent(v -> c.add("-D" + input.key() + "=" + v));
      }
    }
    c.add("-Xmx" + (limits.heapBytes() >> 20) + "m");
    // A crash report goes to the child's private /tmp, not into the inputs.
    c.add(
        "-XX:ErrorFile="
            + (sandboxed ? "/tmp" : System.getProperty("java.io.tmpdir"))
            + "/thesis_hs_err_%p.log");
    Boolean colours = console.colours();
    if (colours == null) {
      colours = CommandLine.Help.Ansi.AUTO.enabled();
    }
    c.add("-Dpicocli.ansi=" + colours);
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(Main.class.getName());
    c.addAll(List.of(args));
    return c;
  }

  /**
   * The class-data-sharing archive the launcher made: named to this JVM (a run in its own JVM) or
   * handed on for a daemon (-Dthesis.jsa). The child maps it too: it holds the engine's classes.
   */
  private java.util.Optional<Path> sharedArchive() {
    java.util.Optional<Path> named = environment.jsa();
    for (String option :
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-XX:SharedArchiveFile=")) {
        named = java.util.Optional.of(Path.of(option.substring("-XX:SharedArchiveFile=".length())));
      }
    }
    return named.filter(Files::isRegularFile);
  }

  /** The command under an address-space cap (ulimit -v), set by the shell inside the sandbox. */
  private static List<String> capped(List<String> java, Limits limits) {
    if (limits.processBytes() <= 0) {
      return java;
    }
    List<String> c = new ArrayList<>();
    c.add("/bin/sh");
    c.add("-c");
    c.add("ulimit -v " + (limits.processBytes() >> 10) + " && exec \"$@\"");
    c.add("thesis-run");
    c.addAll(java);
    return c;
  }

  private static List<Path> classPath() {
    List<Path> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e));
        // A manifest-only jar (surefire's) names the real entries in its Class-Path.
        entries.addAll(manifestClassPath(Path.of(e)));
      }
    }
    return entries;
  }

  private static List<Path> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return List.of();
    }
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest m = j.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (cp == null) {
        return List.of();
      }
      List<Path> entries = new ArrayList<>();
      for (String u : cp.trim().split("\\s+")) {
        try {
          java.net.URI uri = jar.toUri().resolve(u);
          entries.add(Path.of(uri));
        } catch (RuntimeException bad) {
          // Not a file URL: nothing to mount.
        }
      }
      return entries;
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Where the reports are published to, if the command writes reports. */
  private Path out() {
    if (command instanceof SafetyOptions.Bounded b) {
      return b.reportsOut();
    }
    return null;
  }

  /**
   * Publishes each set of reports the child finishes (a watch run makes one per change): the child
   * writes them into a numbered folder and renames it into place when complete; this thread moves
   * them into the output folder with {@link ReportWriter}, in order.
   */
  private final class Publisher {
    private final Path staged;
    private final Path out;
    private final java.util.concurrent.CountDownLatch finished =
        new java.util.concurrent.CountDownLatch(1);
    private int next = 1;
    int failure = ExitCodes.OK;

    Publisher(Path staged, Path out) {
      this.staged = staged;
      this.out = out;
    }

    Thread start() {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (!finished.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    sweep();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "thesis-publisher");
      t.setDaemon(true);
      t.start();
      return t;
    }

    /** After the child ended: the last sets, here (not interrupting a publish in progress). */
    void stop(Thread t) throws InterruptedException {
      finished.countDown();
      t.join();
      sweep();
    }

    private synchronized void sweep() {
      while (true) {
        Path set = staged.resolve(String.valueOf(next));
        if (!Files.isDirectory(set, LinkOption.NOFOLLOW_LINKS)) {
          return;
        }
        next++;
        if (out == null) {
          deleteTree(set);
          continue;
        }
        int code = publish(set);
        if (code != ExitCodes.OK) {
          failure = code;
        }
        deleteTree(set);
      }
    }

    private int publish(Path set) {
      Map<String, String> files = new LinkedHashMap<>();
      try (Stream<Path> listing = Files.list(set)) {
        for (Path f : listing.sorted(Comparator.comparing(Path::toString)).toList()) {
          String name = f.getFileName().toString();
          if (ReportOptions.NAMES.contains(name)
              && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            files.put(name, Files.readString(f, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        console.err().println("thesis: cannot read the run's reports: " + e.getMessage());
        console.err().flush();
        return ExitCodes.INTERNAL;
      }
      if (files.isEmpty()) {
        return ExitCodes.OK;
      }
      return ReportOptions.publish(console, out, files);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // A leftover temporary folder; the system's cleaning removes it.
    }
  }
}
