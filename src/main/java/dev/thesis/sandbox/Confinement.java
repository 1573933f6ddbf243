package dev.thesis.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sandboxed run sees, as bubblewrap arguments: its own network (none, not even the host's
 * loopback), PID, IPC, UTS and user namespaces; the operating system's programs and libraries and
 * the JDK, read-only; the given inputs read-only at their own paths; the given folders writable; a
 * private /tmp; and nothing else of the machine (no home folder, no /etc beyond what the JDK
 * reads). It dies with its parent, and runs in a session of its own (no terminal to inject into).
 *
 * @param readOnly files and folders the run reads (rules, facts, the class path, the cache)
 * @param writable folders the run writes (its private staging folder)
 * @param workDir the run's working folder, made to exist inside (relative paths resolve there)
 */
public record Confinement(List<Path> readOnly, List<Path> writable, Path workDir) {
  /** The machine's programs and libraries: what a dynamically linked JDK needs to start. */
  private static final List<String> SYSTEM =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  /** What the JDK reads under /etc (Debian links its configuration there). */
  private static final List<String> ETC =
      List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/localtime");

  /** The size of the private /tmp: a run writes nothing big there. */
  private static final long TMP_BYTES = 256L << 20;

  public Confinement {
    readOnly = List.copyOf(readOnly);
    writable = List.copyOf(writable);
  }

  /** The bwrap command line that runs {@code command} confined. */
  public List<String> wrap(Path bwrap, Path javaHome, List<String> command) {
    List<String> a = new ArrayList<>();
    a.add(bwrap.toString());
    a.add("--unshare-all");
    a.add("--die-with-parent");
    a.add("--new-session");
    for (String s : SYSTEM) {
      Path p = Path.of(s);
      if (Files.isSymbolicLink(p)) {
        try {
          a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), s));
        } catch (IOException e) {
          // Unreadable link: leave it out; the JDK then fails to start, and says so.
        }
      } else if (Files.isDirectory(p)) {
        a.addAll(List.of("--ro-bind", s, s));
      }
    }
    for (String e : ETC) {
      a.addAll(List.of("--ro-bind-try", e, e));
    }
    for (Path p : javaConfig()) {
      a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
    }
    Path jdk = real(javaHome);
    if (SYSTEM.stream().noneMatch(s -> jdk.startsWith(s))) {
      a.addAll(List.of("--ro-bind", jdk.toString(), jdk.toString()));
    }
    a.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    a.addAll(List.of("--size", String.valueOf(TMP_BYTES), "--tmpfs", "/tmp"));
    // The working folder before the inputs: they may mount over it, not it over them.
    a.addAll(List.of("--dir", absolute(workDir).toString()));
    for (Path p : distinct(readOnly)) {
      a.addAll(List.of("--ro-bind", real(p).toString(), absolute(p).toString()));
    }
    for (Path p : distinct(writable)) {
      a.addAll(List.of("--bind", real(p).toString(), absolute(p).toString()));
    }
    a.addAll(List.of("--chdir", absolute(workDir).toString()));
    a.addAll(command);
    return a;
  }

  /** /etc/java-*: Debian's JDK links its conf/ files there. */
  private static List<Path> javaConfig() {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> etc = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
      for (Path p : etc) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          found.add(p);
        }
      }
    } catch (IOException | SecurityException e) {
      // No /etc/java*: a JDK that keeps its configuration in its own folder.
    }
    found.sort(null);
    return found;
  }

  /** Existing paths only (a missing input is the command's to report), each once, outer first. */
  private static List<Path> distinct(List<Path> paths) {
    Set<Path> seen = new LinkedHashSet<>();
    for (Path p : paths) {
      if (Files.exists(p)) {
        seen.add(absolute(p));
      }
    }
    List<Path> sorted = new ArrayList<>(seen);
    sorted.sort(
        java.util.Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
    return sorted;
  }

  private static Path absolute(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return absolute(p);
    }
  }
}
