package dev.thesis.daemon;

import java.util.List;

/**
 * What a client asks: run a command line, report status, or stop. A run carries the client's
 * identity (checked against the daemon's), how long the client's own JVM took to start (so
 * `--timings` still shows the whole wait) and what the client's terminal is like.
 */
public record Request(Kind kind, String identity, long startupNanos, List<String> args, Terminal terminal) {
  public enum Kind { RUN, STATUS, STOP }

  /**
   * What a run in the client's own JVM would have found: whether standard input and output are a
   * terminal (picocli colours its messages then), and whether progress bars may be drawn on
   * standard error.
   */
  public record Terminal(boolean console, boolean progress) {
    public static final Terminal NONE = new Terminal(false, false);
  }

  public Request {
    args = List.copyOf(args);
  }

  public static Request run(Identity identity, List<String> args, long startupNanos, Terminal terminal) {
    return new Request(Kind.RUN, identity.text(), startupNanos, args, terminal);
  }

  public static Request status() {
    return new Request(Kind.STATUS, "", 0, List.of(), Terminal.NONE);
  }

  public static Request stop() {
    return new Request(Kind.STOP, "", 0, List.of(), Terminal.NONE);
  }
}
