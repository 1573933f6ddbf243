package dev.thesis.daemon;

import dev.thesis.env.Environment;
import java.io.File;
import java.nio.file.Path;

/**
 * What a run's output may depend on besides its arguments: the build (class path files, their sizes
 * and times), the JDK, the working folder and the inputs {@link Environment} marks as shaping a
 * run's output. A daemon serves only runs whose identity equals its own, so a rebuilt jar, another
 * folder or a changed cache setting gets a daemon of its own instead of a stale answer.
 */
public record Identity(String text) {
  /** The identity of this process. */
  public static Identity current() {
    return of(Environment.current());
  }

  /** The identity of this JVM and working folder with this environment. */
  public static Identity of(Environment environment) {
    StringBuilder b = new StringBuilder("thesis-daemon ").append(Frames.VERSION).append('\n');
    b.append("java.home=").append(System.getProperty("java.home")).append('\n');
    b.append("java.version=").append(System.getProperty("java.version")).append('\n');
    Path cwd = Path.of("").toAbsolutePath();
    b.append("cwd=").append(cwd).append('\n');
    // A folder deleted and made again at the same path is another folder: a daemon started in the
    // old one would resolve relative paths in it.
    b.append("cwd.key=").append(fileKey(cwd)).append('\n');
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      File f = new File(entry).getAbsoluteFile();
      b.append("cp=")
          .append(f)
          .append(' ')
          .append(f.length())
          .append(' ')
          .append(f.lastModified())
          .append('\n');
    }
    for (Environment.Input input : Environment.Input.shaping()) {
      b.append(input.kind() == Environment.Kind.VARIABLE ? "env " : "prop ")
          .append(input.key())
          .append('=')
          .append(environment.value(input).orElse(""))
          .append('\n');
    }
    return new Identity(b.toString());
  }

  private static String fileKey(Path folder) {
    try {
      Object key =
          java.nio.file.Files.readAttributes(
                  folder, java.nio.file.attribute.BasicFileAttributes.class)
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

  /** The lines in which this identity and another differ, for the log: "mine | theirs". */
  public String differences(Identity other) {
    java.util.List<String> mine = text.lines().toList();
    java.util.List<String> theirs = other.text.lines().toList();
    String onlyMine = String.join("; ", mine.stream().filter(l -> !theirs.contains(l)).toList());
    String onlyTheirs = String.join("; ", theirs.stream().filter(l -> !mine.contains(l)).toList());
    return onlyMine + " | " + onlyTheirs;
  }

  /** The working folder this identity was taken in. */
  public String folder() {
    int start = text.indexOf("\ncwd=") + 5;
    return text.substring(start, text.indexOf('\n', start));
  }
}
