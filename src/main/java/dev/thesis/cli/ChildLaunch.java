package dev.thesis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a run's child is started: its command line and environment, its private staging folder
 * (reports, compiled rules, status), and what each input was on disk when it was planned.
 *
 * @param mounted each input with its device and inode: a spare's mounts keep what was there when it
 *     started, so an input replaced since (an editor's save, rm -rf and copy) rules the spare out
 */
record ChildLaunch(
    List<String> command, Map<String, String> environment, Path staging, List<String> mounted) {
  Path reports() {
    return staging.resolve("reports");
  }

  Path outbox() {
    return staging.resolve("cache");
  }

  Path status() {
    return staging.resolve("status");
  }

  /** A new private staging folder (the JDK makes temporary folders rwx------). */
  static Path newStaging() throws IOException {
    Path staging = Files.createTempDirectory("thesis-run-");
    Files.createDirectory(staging.resolve("reports"));
    Files.createDirectory(staging.resolve("cache"));
    Files.writeString(staging.resolve("status"), "");
    return staging;
  }

  /** The folder relative paths resolve in, for the child as for this process. */
  static Path workDir() {
    return Path.of("").toAbsolutePath();
  }

  /** Removes the staging folder, once the run is over or the spare discarded. */
  void discard() {
    deleteTree(staging);
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // A leftover temporary folder; the system's cleaning removes it.
    }
  }
}
