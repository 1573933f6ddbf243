package dev.thesis.daemon;

import dev.thesis.env.Environment;
import dev.thesis.env.Environment.LogLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Log lines on standard error as THESIS_LOG asks, and none at all without it, so that a run prints
 * byte for byte what it printed before there was logging. Drools' and thesis's SLF4J loggers go to
 * java.util.logging (slf4j-jdk14); this class is its configuration class
 * (-Djava.util.logging.config.class, given by the launcher and the entry points), so the levels are
 * set wherever logging is first used and before anything is logged, and logging costs a run that
 * logs nothing no start-up time. Thesis's loggers log at the level asked; everyone else's (Drools)
 * at warn, or at every level with THESIS_LOG=trace. It lives here, beside the daemon, because the
 * daemon sends a run's lines to the standard error of the client that asked for the run.
 */
public final class Logging {
  /** The system property that names java.util.logging's configuration class. */
  public static final String CONFIG_CLASS = "java.util.logging.config.class";

  private static final String CONFIG_FILE = "java.util.logging.config.file";

  /** The standard error of the run this thread serves, in a daemon. */
  private static final ThreadLocal<PrintWriter> RUN_ERR = new ThreadLocal<>();

  /** Called by java.util.logging as it starts (see {@link #CONFIG_CLASS}). */
  public Logging() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      properties(Environment.current().logLevel()).store(bytes, null);
      LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
  }

  /**
   * Makes this class the logging configuration of this process, unless one was given. Nothing is
   * loaded now: java.util.logging reads the property when something first logs.
   */
  public static void install() {
    if (System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
      System.setProperty(CONFIG_CLASS, Logging.class.getName());
    }
  }

  /** java.util.logging's configuration for a THESIS_LOG level. */
  static Properties properties(LogLevel level) {
    Properties p = new Properties();
    if (level == LogLevel.OFF) {
      // No handler either: Drools' errors, which it also reports through the API, stay unprinted.
      p.setProperty("handlers", "");
      p.setProperty(".level", "OFF");
      return p;
    }
    p.setProperty("handlers", Stderr.class.getName());
    LogLevel others =
        level == LogLevel.TRACE
            ? LogLevel.TRACE
            : level.compareTo(LogLevel.WARN) < 0 ? level : LogLevel.WARN;
    p.setProperty(".level", jul(others).getName());
    p.setProperty("dev.thesis.level", jul(level).getName());
    return p;
  }

  private static Level jul(LogLevel level) {
    return switch (level) {
      case OFF -> Level.OFF;
      case ERROR -> Level.SEVERE;
      case WARN -> Level.WARNING;
      case INFO -> Level.INFO;
      case DEBUG -> Level.FINE;
      case TRACE -> Level.ALL;
    };
  }

  /** What a thread's lines go to until closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Until closed, this thread's log lines go to {@code err}: in a daemon, the standard error of the
   * run it serves, where a run in its own JVM would have printed them. Other threads' lines go to
   * the daemon's own log.
   */
  public static Scope linesTo(PrintWriter err) {
    RUN_ERR.set(err);
    return RUN_ERR::remove;
  }

  /** One line per record: "thesis: debug: CompiledRulesCache: ...". */
  public static final class Stderr extends Handler {
    public Stderr() {
      setFormatter(new Line());
    }

    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      String line = getFormatter().format(record);
      PrintWriter run = RUN_ERR.get();
      if (run != null) {
        run.print(line);
        run.flush();
      } else {
        System.err.print(line);
        System.err.flush();
      }
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  private static final class Line extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder b =
          new StringBuilder("thesis: ")
              .append(word(record.getLevel()))
              .append(": ")
              .append(name(record.getLoggerName()))
              .append(": ")
              .append(formatMessage(record));
      if (record.getThrown() != null) {
        b.append(": ").append(record.getThrown());
      }
      return b.append(System.lineSeparator()).toString();
    }

    private static String word(Level level) {
      int v = level.intValue();
      return v >= Level.SEVERE.intValue()
          ? "error"
          : v >= Level.WARNING.intValue()
              ? "warn"
              : v >= Level.INFO.intValue()
                  ? "info"
                  : v >= Level.FINE.intValue() ? "debug" : "trace";
    }

    /** Thesis's classes by their simple name; others' loggers by their full one. */
    private static String name(String logger) {
      if (logger == null) {
        return "?";
      }
      return logger.startsWith("dev.thesis.")
          ? logger.substring(logger.lastIndexOf('.') + 1)
          : logger;
    }
  }
}
