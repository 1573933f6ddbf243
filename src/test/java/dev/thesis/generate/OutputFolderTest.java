package dev.thesis.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  @TempDir Path dir;

  @Test
  void createsTheFolderWithAMarkerNamingTheArguments() throws Exception {
    Path out = dir.resolve("a/b");
    OutputFolder.prepare(out, "--companies 10");
    assertThat(Files.readString(out.resolve(OutputFolder.MARKER)))
        .contains("thesis generate --companies 10");
  }

  @Test
  void refusesAFolderWithFilesButNoMarker() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> OutputFolder.prepare(dir, "x"))
        .isInstanceOf(ForeignOutputException.class)
        .hasMessageContaining("not empty")
        .hasMessageContaining("GENERATED");
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
    assertThat(dir.resolve(OutputFolder.MARKER)).doesNotExist();
  }

  @Test
  void refusesAGeneratedFolderThatAlsoHoldsOtherFiles() throws Exception {
    OutputFolder.prepare(dir, "x");
    Files.writeString(dir.resolve("gen-0001.json"), "{}");
    Files.writeString(dir.resolve("report.md"), "mine");
    Files.createDirectory(dir.resolve("sub"));
    assertThatThrownBy(() -> OutputFolder.prepare(dir, "y"))
        .isInstanceOf(ForeignOutputException.class)
        .hasMessageContaining("report.md, sub");
    assertThat(dir.resolve("gen-0001.json")).exists();
    assertThat(dir.resolve("report.md")).hasContent("mine");
  }

  @Test
  void emptiesAnEarlierGeneration() throws Exception {
    OutputFolder.prepare(dir, "x");
    Files.writeString(dir.resolve("gen-0001.json"), "{}");
    Files.writeString(dir.resolve("gen-0002.json"), "{}");
    Files.writeString(dir.resolve("Competes.facts"), "");
    OutputFolder.prepare(dir, "y");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(OutputFolder.MARKER);
    }
    assertThat(Files.readString(dir.resolve(OutputFolder.MARKER))).contains("generate y");
  }

  @Test
  void refusesAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "mine");
    assertThatThrownBy(() -> OutputFolder.prepare(file, "x"))
        .isInstanceOf(ForeignOutputException.class)
        .hasMessageContaining("not a folder");
  }

  @Test
  void refusesALinkAnywhereInTheFolderPath() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("lnk"), real);
    for (Path out : java.util.List.of(link, link.resolve("sub"))) {
      assertThatThrownBy(() -> OutputFolder.prepare(out, "x"))
          .as(out.toString())
          .isInstanceOf(ForeignOutputException.class)
          .hasMessageStartingWith(link + " is a symbolic link");
    }
    try (var files = Files.list(real)) {
      assertThat(files).isEmpty();
    }
  }
}
