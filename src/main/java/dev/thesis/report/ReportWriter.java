package dev.thesis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rendered reports into the output folder so that a failure never leaves a half-written
 * report over the last good one: each file is written beside its target under a temporary name,
 * then moved into place. Rendering happens before this, so a failed evaluation writes nothing.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes {@code file name -> content}; returns the paths written. */
  public static List<Path> write(Path outDir, Map<String, String> files) throws IOException {
    Files.createDirectories(outDir);
    List<Path> temps = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    try {
      for (var e : files.entrySet()) {
        Path tmp = outDir.resolve("." + e.getKey() + ".tmp");
        Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
        temps.add(tmp);
      }
      for (var e : files.entrySet()) {
        Path tmp = outDir.resolve("." + e.getKey() + ".tmp");
        Path target = outDir.resolve(e.getKey());
        try {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        written.add(target);
      }
      return written;
    } finally {
      for (Path t : temps) {
        Files.deleteIfExists(t);
      }
    }
  }
}
