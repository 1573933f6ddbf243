package dev.thesis.daemon;

import java.util.List;

/**
 * The commands a daemon may run: those that finish on their own and need no process of their own
 * (not watch, generate, nor daemon itself, which would wait on its own socket). The one list: the
 * client and the daemon check it, and the launcher reads it from target/served-commands, which it
 * writes with {@link #main} once per build (a line read by bash costs nothing; a JVM started to ask
 * would cost every run).
 */
public final class ServedCommands {
  public static final List<String> NAMES =
      List.of("evaluate", "explain", "check", "test", "whatif", "timeline", "graph", "diff");

  private ServedCommands() {}

  public static boolean contains(String command) {
    return NAMES.contains(command);
  }

  /** Prints the names on one line, separated by spaces, for the launcher. */
  public static void main(String[] args) {
    System.out.println(String.join(" ", NAMES));
  }
}
