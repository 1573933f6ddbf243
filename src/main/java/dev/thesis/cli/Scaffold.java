package dev.thesis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first project `thesis init` writes: template files kept as resources beside this class (under
 * scaffold/), and the fact-file schema, which is generated from the templates' rules once they are
 * written.
 */
final class Scaffold {
  /** The template files, in the order they are written and listed. */
  static final List<String> TEMPLATES =
      List.of(
          "rules/00-schema.drl",
          "rules/10-classify.drl",
          "rules/20-conclude.drl",
          "facts/voltra.json",
          "tests/voltra.json",
          ".vscode/settings.json");

  /** Where the schema goes; .vscode/settings.json points at it. */
  static final String SCHEMA = ".thesis/facts.schema.json";

  private Scaffold() {}

  /** Every file init writes, templates first. */
  static List<String> files() {
    List<String> all = new ArrayList<>(TEMPLATES);
    all.add(SCHEMA);
    return all;
  }

  /** The files of the scaffold that {@code dir} already holds (anything at their paths). */
  static List<Path> existing(Path dir) {
    List<Path> found = new ArrayList<>();
    for (String f : files()) {
      Path p = dir.resolve(f);
      if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        found.add(p);
      }
    }
    return found;
  }

  /** The template's bytes, as shipped. */
  static byte[] template(String name) {
    try (InputStream in = Scaffold.class.getResourceAsStream("scaffold/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the scaffold template " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one file, refusing to replace anything (another process may have made it since the
   * check).
   */
  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
  }
}
