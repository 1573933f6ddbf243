package dev.thesis.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes rendered reports so that a failure never leaves a half-written report over the last good
 * one: every file is first written and synced in a staging folder inside the output folder, and
 * only then are they moved into place, each by an atomic rename. A run killed while staging leaves
 * the old reports whole; its staging folder is removed by the next run. Rendering happens before
 * this, so a failed evaluation writes nothing.
 */
public final class ReportWriter {
  private static final String STAGING = ".thesis-staging-";
  private static final Pattern STAGING_NAME =
      Pattern.compile(Pattern.quote(STAGING) + "(\\d+)-\\d+");

  /** Report names are fixed by the program; this guards the rule even so. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** For the test that kills a run between staging and publishing. */
  private static final long PAUSE_BEFORE_PUBLISH_MS =
      dev.thesis.env.Environment.current().testPauseBeforePublishMs().orElse(0);

  private ReportWriter() {}

  /** The output cannot be written where asked without following a link or leaving the folder. */
  public static final class RefusedException extends IOException {
    RefusedException(String message) {
      super(message);
    }
  }

  /** Writes {@code file name -> content}; returns the paths written. */
  public static List<Path> write(Path outDir, Map<String, String> files) throws IOException {
    Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
    files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return writeBytes(outDir, bytes);
  }

  /** Writes {@code file name -> bytes} (report.pdf among the texts); returns the paths written. */
  public static List<Path> writeBytes(Path outDir, Map<String, byte[]> files) throws IOException {
    java.util.Optional<String> link = dev.thesis.diag.PathLinks.refusal(outDir, "reports");
    if (link.isPresent()) {
      throw new RefusedException(link.get());
    }
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new RefusedException(outDir + " exists and is not a folder");
    }
    Files.createDirectories(outDir);
    for (String name : files.keySet()) {
      Path target = outDir.resolve(name).normalize();
      if (!SAFE_NAME.matcher(name).matches()
          || !outDir
              .normalize()
              .equals(target.getParent() == null ? Path.of("") : target.getParent())) {
        throw new RefusedException("\"" + name + "\" would be written outside " + outDir);
      }
      if (Files.isSymbolicLink(target)) {
        throw new RefusedException(
            target + " is a symbolic link; reports never write through links");
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new RefusedException(target + " exists and is not a file");
      }
    }
    removeLeftovers(outDir);
    Path staging =
        outDir.resolve(STAGING + ProcessHandle.current().pid() + "-" + System.nanoTime());
    Files.createDirectory(staging);
    try {
      for (var e : files.entrySet()) {
        Path tmp = staging.resolve(e.getKey());
        Files.write(tmp, e.getValue(), StandardOpenOption.CREATE_NEW);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      }
      if (PAUSE_BEFORE_PUBLISH_MS > 0) {
        try {
          Thread.sleep(PAUSE_BEFORE_PUBLISH_MS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
      List<Path> written = new ArrayList<>();
      for (String name : files.keySet()) {
        Path target = outDir.resolve(name);
        try {
          Files.move(
              staging.resolve(name),
              target,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
          Files.move(staging.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
        }
        written.add(target);
      }
      return written;
    } finally {
      deleteTree(staging);
    }
  }

  /** Staging folders of runs that are no longer running (killed, or the machine went down). */
  static void removeLeftovers(Path outDir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir, STAGING + "*")) {
      for (Path p : entries) {
        Matcher m = STAGING_NAME.matcher(p.getFileName().toString());
        if (!m.matches() || m.group(1).length() > 18) {
          continue; // not one of ours: leave it alone
        }
        long pid = Long.parseLong(m.group(1));
        boolean alive =
            pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
