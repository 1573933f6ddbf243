package dev.thesis.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lines of rule files, read once each, for placing columns in build messages. */
final class SourceLines {
  private final Map<Path, List<String>> files = new HashMap<>();

  String line(Path file, int line) {
    List<String> lines =
        files.computeIfAbsent(
            file,
            f -> {
              try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
              } catch (IOException e) {
                return List.of();
              }
            });
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
  }
}
