package dev.thesis.cli;

import dev.thesis.env.Environment;
import dev.thesis.rules.CompiledRulesCache;
import dev.thesis.sandbox.Bubblewrap;
import dev.thesis.sandbox.Confinement;
import dev.thesis.sandbox.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Plans a run's child: the java command line (this JVM's options less heap and agents, the heap
 * cap, the class path), what it sees when sandboxed (bubblewrap's binds, the address-space cap),
 * and its environment (none of this process's, but the few variables a run reads).
 */
final class LaunchPlanner {
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
  private final Bubblewrap.Probe probe;
  private final List<Path> inputs;
  private final Limits limits;
  private final CompiledRulesCache cache;

  /**
   * @param probe bubblewrap, found and working; null to run the child unconfined
   */
  LaunchPlanner(
      Console console,
      Bubblewrap.Probe probe,
      List<Path> inputs,
      Limits limits,
      CompiledRulesCache cache) {
    this.console = console;
    this.environment = console.environment();
    this.probe = probe;
    this.inputs = List.copyOf(inputs);
    this.limits = limits;
    this.cache = cache;
  }

  /**
   * The child for {@code args} (none: a spare, which reads them later) staging in {@code staging}.
   */
  ChildLaunch launch(Path staging, List<String> args) {
    ChildLaunch shape = new ChildLaunch(List.of(), Map.of(), staging, List.of());
    Map<String, String> env =
        childEnvironment(probe != null, shape.reports(), shape.status(), cache, shape.outbox());
    if (args.isEmpty()) {
      env.put(Environment.Input.THESIS_SPARE.key(), "1");
    }
    List<String> java = javaCommand(args.toArray(String[]::new), limits, probe != null);
    List<String> mounted = new ArrayList<>();
    for (Path p : inputs) {
      mounted.add(p + " " + fileKey(p));
    }
    if (probe == null) {
      return new ChildLaunch(java, env, staging, mounted);
    }
    List<Path> readOnly = new ArrayList<>(inputs);
    readOnly.addAll(classPath());
    sharedArchive().ifPresent(readOnly::add);
    if (cache.enabled()) {
      readOnly.add(cache.folder());
    }
    Confinement confinement = new Confinement(readOnly, List.of(staging), ChildLaunch.workDir());
    return new ChildLaunch(
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
    long initial = initialHeap();
    if (initial > 0) {
      // A large corpus all survives: a heap that starts small is copied whole at every growth.
      c.add("-Xms" + (Math.min(initial, limits.heapBytes()) >> 20) + "m");
    }
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
   * The initial heap this JVM was told to take (-Xms, or the launcher's -XX:InitialRAMPercentage
   * for a large corpus), for the child to take too, within its cap; 0 when none was given.
   */
  private static long initialHeap() {
    long bytes = 0;
    for (String option :
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-XX:InitialRAMPercentage=")) {
        double percent = Double.parseDouble(option.substring(option.indexOf('=') + 1));
        bytes = (long) (RunInputs.physicalMemory() * percent / 100);
      } else if (option.startsWith("-Xms")) {
        bytes = dev.thesis.diag.ByteSizes.parse(option.substring(4));
      }
    }
    return Math.max(0, bytes);
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
}
