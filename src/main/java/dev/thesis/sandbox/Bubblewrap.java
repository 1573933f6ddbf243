package dev.thesis.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * bubblewrap ({@code bwrap}) on this machine: where it is, and whether it can start a sandbox here.
 * It is probed once per process by starting an empty sandbox (about 15 ms), because finding the
 * program is not enough: user namespaces may be off, or a container may forbid them.
 */
public final class Bubblewrap {
  /** The result of looking: {@code program} when a sandbox starts, else why not. */
  public record Probe(Path program, String unavailable) {
    public boolean available() {
      return program != null;
    }
  }

  private static volatile Probe cached;
  private static volatile java.util.concurrent.CompletableFuture<Probe> early;

  private Bubblewrap() {}

  /** Starts probing now, in the background, for a {@link #probe} that will follow. */
  public static void probeEarly(String path) {
    if (early == null && cached == null) {
      early = java.util.concurrent.CompletableFuture.supplyAsync(() -> look(path));
    }
  }

  /** Finds and tries bwrap on this {@code PATH} (cached for the process). */
  public static Probe probe(String path) {
    if (cached == null && early != null) {
      cached = early.join();
    }
    Probe p = cached;
    if (p == null) {
      p = look(path);
      cached = p;
    }
    return p;
  }

  private static Probe look(String path) {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return new Probe(
          null, "bubblewrap runs on Linux only, and this is " + System.getProperty("os.name"));
    }
    Path program = null;
    for (String dir : (path == null ? "/usr/bin:/bin" : path).split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "bwrap");
      if (Files.isExecutable(candidate)) {
        program = candidate;
        break;
      }
    }
    if (program == null) {
      return new Probe(null, "bwrap (Debian package bubblewrap) is not installed");
    }
    try {
      Process p =
          new ProcessBuilder(
                  List.of(
                      program.toString(),
                      "--unshare-all",
                      "--die-with-parent",
                      "--ro-bind",
                      "/",
                      "/",
                      "true"))
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      byte[] said = p.getInputStream().readNBytes(2000);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Probe(null, program + " did not start an empty sandbox within 10 s");
      }
      if (p.exitValue() != 0) {
        String why = new String(said, java.nio.charset.StandardCharsets.UTF_8).strip();
        return new Probe(
            null,
            program
                + " cannot start a sandbox here ("
                + (why.isEmpty() ? "exit " + p.exitValue() : why)
                + "); user namespaces may be disabled");
      }
      return new Probe(program, null);
    } catch (IOException e) {
      return new Probe(null, program + " cannot be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(null, "interrupted while trying " + program);
    }
  }
}
