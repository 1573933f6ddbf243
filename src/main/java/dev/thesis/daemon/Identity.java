package dev.thesis.daemon;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run's output may depend on besides its arguments: the build (class path files, their
 * sizes and times), the JDK, the working folder and the environment variables the program reads. A
 * daemon serves only runs whose identity equals its own, so a rebuilt jar, another folder or a
 * changed cache setting gets a daemon of its own instead of a stale answer.
 */
public record Identity(String text) {
  /** Environment variables that change what a run does or where it reads and writes. */
  static final List<String> ENVIRONMENT = List.of(
      "THESIS_CACHE_DIR", "XDG_CACHE_HOME", "HOME", "THESIS_JAVA_OPTS", "TZ", "LANG", "LANGUAGE", "LC_ALL",
      "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "CI",
      // Read by the JVM at its start, so they shape the daemon for good.
      "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
      // Read by picocli to decide on colours.
      "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM");

  /** The identity of this process. */
  public static Identity current() {
    StringBuilder b = new StringBuilder("thesis-daemon ").append(Frames.VERSION).append('\n');
    b.append("java.home=").append(System.getProperty("java.home")).append('\n');
    b.append("java.version=").append(System.getProperty("java.version")).append('\n');
    Path cwd = Path.of("").toAbsolutePath();
    b.append("cwd=").append(cwd).append('\n');
    // A folder deleted and made again at the same path is another folder: a daemon started in the
    // old one would resolve relative paths in it.
    b.append("cwd.key=").append(fileKey(cwd)).append('\n');
    // Files a run writes get the launcher's umask: the daemon inherits the one it was started with.
    b.append("umask=").append(System.getProperty("thesis.umask", "")).append('\n');
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      File f = new File(entry).getAbsoluteFile();
      b.append("cp=").append(f).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
    }
    b.append("jsa=").append(System.getProperty("thesis.jsa", "")).append('\n');
    for (String name : ENVIRONMENT) {
      String value = System.getenv(name);
      b.append("env ").append(name).append('=').append(value == null ? "" : value).append('\n');
    }
    return new Identity(b.toString());
  }

  private static String fileKey(Path folder) {
    try {
      Object key = java.nio.file.Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class)
          .fileKey();
      return String.valueOf(key);
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /**
   * A short name for socket and lock files. Not a security measure (the folder is private); a
   * collision only means a daemon refuses a run, which then runs without it.
   */
  public String key() {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    String hex = Long.toHexString(hash);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** The working folder this identity was taken in. */
  public String folder() {
    int start = text.indexOf("\ncwd=") + 5;
    return text.substring(start, text.indexOf('\n', start));
  }
}
