package dev.thesis.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the program reads from outside its arguments: environment variables, the thesis.* system
 * properties (set by the launcher, or by a test), and the few JDK properties that give defaults.
 * Taken once and passed on, so that everything a run may depend on is listed in {@link Input} and
 * nowhere else; the daemon's identity is made of the inputs marked there as shaping a run's output.
 * Only the listed names are kept, so the value can be printed without leaking the rest of the
 * environment. The daemon's client reads it on every run, so it is plain code: no streams or
 * lambdas, whose first use costs a JVM milliseconds.
 */
public record Environment(Map<String, String> variables, Map<String, String> properties) {
  /** Set in the child process a run of rules gets, which then runs the command itself. */
  public static final String CHILD = "THESIS_CHILD";

  /** Where the child keeps writing which rule is firing. */
  public static final String STATUS_FILE = "THESIS_STATUS_FILE";

  /** The child's private folder for the reports, which its parent publishes. */
  public static final String STAGING = "THESIS_STAGING";

  /** Where the child leaves compiled rules for its parent to put in the cache. */
  public static final String CACHE_OUTBOX = "THESIS_CACHE_OUTBOX";

  /** Where a name is read from. */
  public enum Kind {
    VARIABLE,
    PROPERTY
  }

  /**
   * Every name the program reads. {@code shapesOutput}: a different value may change what a run
   * prints, writes or how its JVM behaves, so a daemon started with another value must not serve
   * it.
   */
  public enum Input {
    // Where compiled rules are cached; a daemon reads the cache it was started with.
    THESIS_CACHE_DIR(Kind.VARIABLE, true),
    XDG_CACHE_HOME(Kind.VARIABLE, true),
    HOME(Kind.VARIABLE, true),
    // The daemon's JVM options come from the client that started it.
    THESIS_JAVA_OPTS(Kind.VARIABLE, true),
    // Log lines on standard error.
    THESIS_LOG(Kind.VARIABLE, true),
    THESIS_DAEMON(Kind.VARIABLE, false),
    THESIS_DAEMON_DIR(Kind.VARIABLE, false),
    XDG_RUNTIME_DIR(Kind.VARIABLE, false),
    THESIS_DAEMON_IDLE_MINUTES(Kind.VARIABLE, false),
    // Sent with every request instead: the daemon has no terminal of its own.
    THESIS_STDERR_TTY(Kind.VARIABLE, false),
    // No progress bars under CI.
    CI(Kind.VARIABLE, true),
    // Picocli's colours.
    NO_COLOR(Kind.VARIABLE, true),
    CLICOLOR(Kind.VARIABLE, true),
    CLICOLOR_FORCE(Kind.VARIABLE, true),
    TERM(Kind.VARIABLE, true),
    // Read by the JVM at its start (time zone, locale, options), so they shape a daemon for good.
    TZ(Kind.VARIABLE, true),
    LANG(Kind.VARIABLE, true),
    LANGUAGE(Kind.VARIABLE, true),
    LC_ALL(Kind.VARIABLE, true),
    LC_CTYPE(Kind.VARIABLE, true),
    LC_MESSAGES(Kind.VARIABLE, true),
    LC_NUMERIC(Kind.VARIABLE, true),
    LC_TIME(Kind.VARIABLE, true),
    LC_COLLATE(Kind.VARIABLE, true),
    JDK_JAVA_OPTIONS(Kind.VARIABLE, true),
    JAVA_TOOL_OPTIONS(Kind.VARIABLE, true),
    _JAVA_OPTIONS(Kind.VARIABLE, true),
    // A run of rules: its parent, and the child it starts (sandboxed where it can be).
    THESIS_CHILD(Kind.VARIABLE, false),
    THESIS_STATUS_FILE(Kind.VARIABLE, false),
    THESIS_STAGING(Kind.VARIABLE, false),
    THESIS_CACHE_OUTBOX(Kind.VARIABLE, false),
    // A child started ahead by the daemon: it reads its command line from standard input.
    THESIS_SPARE(Kind.VARIABLE, false),
    // off: runs are not sandboxed (with a warning). A daemon started either way serves only that
    // way.
    THESIS_SANDBOX(Kind.VARIABLE, true),
    // 1: a run that cannot be sandboxed fails instead of running unconfined (CI sets it).
    THESIS_REQUIRE_SANDBOX(Kind.VARIABLE, true),
    // Where bwrap is looked for, and Chromium when THESIS_CHROMIUM is unset.
    PATH(Kind.VARIABLE, false),
    // The Chromium that prints report.pdf (--format pdf).
    THESIS_CHROMIUM(Kind.VARIABLE, true),
    // Set by thesis in the sandboxed child it starts: the rules are confined by the OS, so safe
    // mode's findings are advice.
    THESIS_SANDBOXED(Kind.VARIABLE, false),
    // Files a run writes get the launcher's umask.
    UMASK("thesis.umask", Kind.PROPERTY, true),
    // The class-data-sharing archive the launcher maps.
    JSA("thesis.jsa", Kind.PROPERTY, true),
    LAUNCHED_AT("thesis.launchedAt", Kind.PROPERTY, false),
    FACTS_MAX_FILE_BYTES("thesis.facts.maxFileBytes", Kind.PROPERTY, true),
    TEST_PAUSE_BEFORE_PUBLISH_MS("thesis.test.pauseBeforePublishMs", Kind.PROPERTY, true),
    PICOCLI_ANSI("picocli.ansi", Kind.PROPERTY, true),
    // Defaults of the cache and daemon folders; the same for every process of a user.
    USER_HOME("user.home", Kind.PROPERTY, false),
    USER_NAME("user.name", Kind.PROPERTY, false),
    JAVA_IO_TMPDIR("java.io.tmpdir", Kind.PROPERTY, false);

    private final String key;
    private final Kind kind;
    private final boolean shapesOutput;

    /** The variable's or property's name. */
    public String key() {
      return key;
    }

    public Kind kind() {
      return kind;
    }

    public boolean shapesOutput() {
      return shapesOutput;
    }

    Input(Kind kind, boolean shapesOutput) {
      this(null, kind, shapesOutput);
    }

    /**
     * @param key the property's name; null: the variable's, which is the constant's name
     */
    Input(String key, Kind kind, boolean shapesOutput) {
      this.key = key == null ? name() : key;
      this.kind = kind;
      this.shapesOutput = shapesOutput;
    }

    private static final List<Input> SHAPING;

    static {
      List<Input> shaping = new ArrayList<>();
      for (Input input : values()) {
        if (input.shapesOutput) {
          shaping.add(input);
        }
      }
      SHAPING = List.copyOf(shaping);
    }

    /** The inputs that shape a run's output, in a fixed order. */
    public static List<Input> shaping() {
      return SHAPING;
    }
  }

  public Environment {
    variables = Map.copyOf(variables);
    properties = Map.copyOf(properties);
  }

  /** How much the program logs on standard error (THESIS_LOG); nothing unless asked. */
  public enum LogLevel {
    OFF,
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }

  /** This process's environment and system properties, as they are now. */
  public static Environment current() {
    Map<String, String> variables = new LinkedHashMap<>();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Input input : Input.values()) {
      String value =
          input.kind == Kind.VARIABLE ? System.getenv(input.key) : System.getProperty(input.key);
      if (value != null) {
        (input.kind == Kind.VARIABLE ? variables : properties).put(input.key, value);
      }
    }
    return new Environment(variables, properties);
  }

  /** An environment made of these maps (for tests); names the program does not read are dropped. */
  public static Environment of(Map<String, String> env, Map<String, String> props) {
    Map<String, String> variables = new LinkedHashMap<>();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Input input : Input.values()) {
      String value = (input.kind == Kind.VARIABLE ? env : props).get(input.key);
      if (value != null) {
        (input.kind == Kind.VARIABLE ? variables : properties).put(input.key, value);
      }
    }
    return new Environment(variables, properties);
  }

  /** The value of an input, if set. */
  public Optional<String> value(Input input) {
    return Optional.ofNullable(get(input));
  }

  private String get(Input input) {
    return (input.kind == Kind.VARIABLE ? variables : properties).get(input.key);
  }

  /** The value, or null when unset or blank. */
  private String nonBlank(Input input) {
    String value = get(input);
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * The compiled-rules cache folder: $THESIS_CACHE_DIR, else $XDG_CACHE_HOME/thesis, else
   * ~/.cache/thesis; empty when THESIS_CACHE_DIR=off.
   */
  public Optional<Path> cacheDir() {
    String explicit = nonBlank(Input.THESIS_CACHE_DIR);
    if (explicit != null) {
      return explicit.equals("off") ? Optional.empty() : Optional.of(Path.of(explicit));
    }
    String xdg = nonBlank(Input.XDG_CACHE_HOME);
    Path base = xdg != null ? Path.of(xdg) : Path.of(orEmpty(Input.USER_HOME), ".cache");
    return Optional.of(base.resolve("thesis"));
  }

  /**
   * Where daemons meet clients: $THESIS_DAEMON_DIR, else $XDG_RUNTIME_DIR/thesis, else
   * /tmp/thesis-daemon-USER.
   */
  public Path daemonDir() {
    String explicit = nonBlank(Input.THESIS_DAEMON_DIR);
    if (explicit != null) {
      return Path.of(explicit).toAbsolutePath();
    }
    String runtime = nonBlank(Input.XDG_RUNTIME_DIR);
    if (runtime != null && Files.isDirectory(Path.of(runtime))) {
      return Path.of(runtime, "thesis");
    }
    String tmp = nonBlank(Input.JAVA_IO_TMPDIR);
    return Path.of(tmp == null ? "/tmp" : tmp, "thesis-daemon-" + userName());
  }

  /** THESIS_DAEMON=off: every command runs in its own JVM. */
  public boolean daemonOff() {
    return "off".equals(get(Input.THESIS_DAEMON));
  }

  /**
   * THESIS_DAEMON_IDLE_MINUTES as a duration (at least a second); empty when unset or not a number.
   */
  public Optional<Duration> daemonIdle() {
    String minutes = nonBlank(Input.THESIS_DAEMON_IDLE_MINUTES);
    if (minutes == null) {
      return Optional.empty();
    }
    try {
      double m = Double.parseDouble(minutes.trim());
      // Infinity would overflow the nanoseconds the daemon compares it with.
      return Double.isFinite(m) && m < 1e9
          ? Optional.of(Duration.ofSeconds(Math.max(1, Math.round(m * 60))))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** THESIS_JAVA_OPTS, split at white space. */
  public List<String> javaOpts() {
    String options = nonBlank(Input.THESIS_JAVA_OPTS);
    return options == null ? List.of() : List.of(options.trim().split("\\s+"));
  }

  /** Whether standard error is a terminal, as the launcher saw it (THESIS_STDERR_TTY=1). */
  public boolean stderrTty() {
    return "1".equals(get(Input.THESIS_STDERR_TTY));
  }

  /** Whether this is a CI job (CI set, to anything). */
  public boolean ci() {
    return get(Input.CI) != null;
  }

  /** NO_COLOR set, to anything: no colours. */
  public boolean noColor() {
    return get(Input.NO_COLOR) != null;
  }

  /** CLICOLOR_FORCE set to anything but 0: colours even without a terminal. */
  public boolean clicolorForce() {
    String force = get(Input.CLICOLOR_FORCE);
    return force != null && !force.equals("0");
  }

  /** CLICOLOR=0: no colours. */
  public boolean clicolorOff() {
    return "0".equals(get(Input.CLICOLOR));
  }

  /** -Dpicocli.ansi, which leaves the choice of colours to picocli. */
  public Optional<String> picocliAnsi() {
    return value(Input.PICOCLI_ANSI);
  }

  /**
   * THESIS_LOG: off, error, warn, info, debug or trace, any case; unset or anything else is off.
   */
  public LogLevel logLevel() {
    String level = orEmpty(Input.THESIS_LOG).trim().toUpperCase(Locale.ROOT);
    for (LogLevel l : LogLevel.values()) {
      if (l.name().equals(level)) {
        return l;
      }
    }
    return LogLevel.OFF;
  }

  /** Whether this process is the child started for a run, which runs the command itself. */
  public boolean child() {
    return get(Input.THESIS_CHILD) != null;
  }

  /** Whether this process is the sandboxed child thesis starts ({@code THESIS_SANDBOXED=1}). */
  public boolean sandboxed() {
    return "1".equals(get(Input.THESIS_SANDBOXED));
  }

  /** Whether this child was started ahead, and reads its command line from standard input. */
  public boolean spare() {
    return "1".equals(get(Input.THESIS_SPARE));
  }

  /** THESIS_SANDBOX=off: runs are not confined. */
  public boolean sandboxOff() {
    return "off".equals(get(Input.THESIS_SANDBOX));
  }

  /** THESIS_REQUIRE_SANDBOX=1: a run that cannot be confined fails instead. */
  public boolean sandboxRequired() {
    return "1".equals(get(Input.THESIS_REQUIRE_SANDBOX));
  }

  /** The PATH, where bwrap is looked for. */
  public String path() {
    return get(Input.PATH);
  }

  /** THESIS_CHROMIUM: the Chromium that prints report.pdf, when set. */
  public Optional<String> chromium() {
    return Optional.ofNullable(nonBlank(Input.THESIS_CHROMIUM));
  }

  /** In a child: the folder its reports go to, for its parent to publish. */
  public Optional<Path> staging() {
    String dir = nonBlank(Input.THESIS_STAGING);
    return dir == null ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /** In a child: where compiled rules go, for its parent to put in the cache. */
  public Optional<Path> cacheOutbox() {
    String dir = nonBlank(Input.THESIS_CACHE_OUTBOX);
    return dir == null ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /** The file the child writes its status to. */
  public Optional<Path> statusFile() {
    String file = get(Input.THESIS_STATUS_FILE);
    return file == null ? Optional.empty() : Optional.of(Path.of(file));
  }

  /** The launcher's umask (-Dthesis.umask), or empty. */
  public String umask() {
    return orEmpty(Input.UMASK);
  }

  /** The class-data-sharing archive the launcher hands on to a daemon (-Dthesis.jsa). */
  public Optional<Path> jsa() {
    String jsa = nonBlank(Input.JSA);
    return jsa == null ? Optional.empty() : Optional.of(Path.of(jsa));
  }

  /** When the launcher started, epoch seconds with a fraction (-Dthesis.launchedAt), or empty. */
  public String launchedAt() {
    return orEmpty(Input.LAUNCHED_AT);
  }

  /** The largest fact file read (-Dthesis.facts.maxFileBytes), when given as a number. */
  public OptionalLong factsMaxFileBytes() {
    return decode(Input.FACTS_MAX_FILE_BYTES);
  }

  /**
   * A pause before reports are published, for the kill-during-write test
   * (-Dthesis.test.pauseBeforePublishMs).
   */
  public OptionalLong testPauseBeforePublishMs() {
    return decode(Input.TEST_PAUSE_BEFORE_PUBLISH_MS);
  }

  /** The user this process runs as. */
  public String userName() {
    return orEmpty(Input.USER_NAME);
  }

  private String orEmpty(Input input) {
    String value = get(input);
    return value == null ? "" : value;
  }

  private OptionalLong decode(Input input) {
    String value = nonBlank(input);
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.decode(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
