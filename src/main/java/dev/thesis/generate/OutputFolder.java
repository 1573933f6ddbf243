package dev.thesis.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a corpus is generated into. A marker file says that thesis generate owns it; a later
 * generation replaces what an earlier one wrote and refuses a folder holding anything else, so that
 * a mistyped {@code --out} never deletes someone's files.
 */
final class OutputFolder {
  static final String MARKER = "GENERATED";

  /** The names a generation writes: fact files, TSV files, and the marker. */
  private static final Pattern OURS =
      Pattern.compile(
          "gen-\\d+\\.json|(Investment|CloudSpend|Competes)\\.facts|" + Pattern.quote(MARKER));

  private OutputFolder() {}

  /**
   * Creates the folder, or empties one an earlier generation wrote; then writes the marker first,
   * so that a run that dies half way leaves a folder the next run may still clean.
   */
  static void prepare(Path dir, String arguments) throws ForeignOutputException, IOException {
    java.util.Optional<String> link = dev.thesis.diag.PathLinks.refusal(dir, "generated files");
    if (link.isPresent()) {
      throw new ForeignOutputException(link.get());
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ForeignOutputException(dir + " exists and is not a folder");
    }
    Files.createDirectories(dir);
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    }
    if (!entries.isEmpty()) {
      if (!Files.isRegularFile(dir.resolve(MARKER))) {
        throw new ForeignOutputException(
            dir
                + " is not empty and holds no "
                + MARKER
                + " marker, so thesis generate did not write it; choose an empty or new folder");
      }
      List<String> foreign = new ArrayList<>();
      for (Path p : entries) {
        if (!Files.isRegularFile(p) || !OURS.matcher(p.getFileName().toString()).matches()) {
          foreign.add(p.getFileName().toString());
        }
      }
      if (!foreign.isEmpty()) {
        throw new ForeignOutputException(
            dir
                + " holds files thesis generate did not write ("
                + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                + (foreign.size() > 5 ? ", ..." : "")
                + "); move them or choose another folder");
      }
      for (Path p : entries) {
        Files.delete(p);
      }
    }
    Files.writeString(
        dir.resolve(MARKER),
        "Written by: thesis generate "
            + arguments
            + "\n"
            + "thesis generate replaces this folder's gen-*.json and *.facts files when run with it as --out again.\n",
        StandardCharsets.UTF_8);
  }
}
