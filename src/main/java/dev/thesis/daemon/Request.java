package dev.thesis.daemon;

import java.util.List;

/**
 * What a client asks: run a command line, report status, or stop. A run carries the client's
 * identity (checked against the daemon's), how long the client's own JVM took to start (so
 * `--timings` still shows the whole wait) and what the client's terminal is like. Status and stop
 * name the working folder whose daemons they mean ("" for every daemon): others answer that they
 * serve another folder, and do nothing.
 */
public record Request(
    Kind kind,
    String identity,
    String folder,
    long startupNanos,
    List<String> args,
    Terminal terminal) {
  public enum Kind {
    RUN,
    STATUS,
    STOP
  }

  /**
   * What a run in the client's own JVM would have found: whether standard input and output are a
   * terminal (picocli colours its messages then), and whether progress bars may be drawn on
   * standard error.
   */
  public record Terminal(boolean console, boolean progress) {
    public static final Terminal NONE = new Terminal(false, false);
  }

  /** For status and stop: every daemon, whatever its folder. */
  public static final String ALL_FOLDERS = "";

  public Request {
    args = List.copyOf(args);
  }

  public static Request run(
      Identity identity, List<String> args, long startupNanos, Terminal terminal) {
    return new Request(Kind.RUN, identity.text(), ALL_FOLDERS, startupNanos, args, terminal);
  }

  /**
   * Status of the daemon if it serves {@code folder} (or whatever it serves, for {@link
   * #ALL_FOLDERS}).
   */
  public static Request status(String folder) {
    return new Request(Kind.STATUS, "", folder, 0, List.of(), Terminal.NONE);
  }

  /**
   * Stops the daemon if it serves {@code folder} (or whatever it serves, for {@link #ALL_FOLDERS}).
   */
  public static Request stop(String folder) {
    return new Request(Kind.STOP, "", folder, 0, List.of(), Terminal.NONE);
  }

  /** Whether this request means a daemon serving {@code daemonFolder}. */
  boolean means(String daemonFolder) {
    return folder.equals(ALL_FOLDERS) || folder.equals(daemonFolder);
  }
}
