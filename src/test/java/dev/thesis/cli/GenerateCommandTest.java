package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void printsOneSummaryLineAndWritesACorpusThatCheckAccepts() throws Exception {
    Path out = dir.resolve("corpus");
    Run r =
        Run.of(
            "generate",
            "--companies",
            "300",
            "--seed",
            "4",
            "--out",
            out.toString(),
            "--facts-per-file",
            "1000",
            "--tsv");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("generated 300 companies: ")
                    .contains(
                        "Company 302, Investment ", "Competes ", "TSV file(s)", out.toString())
                    .matches(
                        ".* in \\d+ fact file\\(s\\) and 3 TSV file\\(s\\) in .*, \\d+\\.\\d s"));
    assertThat(out.resolve("gen-0001.json")).exists();
    assertThat(out.resolve("GENERATED")).content().contains("--companies 300 --seed 4");
    Run check = Run.of("check", "--facts", out.toString());
    assertThat(check.code()).as(check.err()).isEqualTo(ExitCodes.OK);
    assertThat(check.err()).doesNotContain("warning");
  }

  @Test
  void refusesAnOutputPathThroughALink() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("lnk"), real);
    Run r = Run.of("generate", "--companies", "100", "--out", link.resolve("sub").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(link + " is a symbolic link");
    try (var files = Files.list(real)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void refusesAnOutputFolderItDidNotWrite() throws Exception {
    Path mine = Fixtures.write(dir, "mine/report.md", "keep me");
    Run r = Run.of("generate", "--companies", "100", "--out", mine.getParent().toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("not empty", "GENERATED");
    assertThat(mine).hasContent("keep me");
    try (var files = Files.list(mine.getParent())) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void badNumbersAreUsageErrors() {
    Path out = dir.resolve("out");
    Run few = Run.of("generate", "--companies", "3", "--out", out.toString());
    assertThat(few.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(few.err()).contains("--companies must be at least 4");
    Run small =
        Run.of("generate", "--companies", "10", "--facts-per-file", "10", "--out", out.toString());
    assertThat(small.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(small.err()).contains("--facts-per-file must be at least 100");
    assertThat(Run.of("generate", "--out", out.toString()).code()).isEqualTo(ExitCodes.USAGE);
    assertThat(out).doesNotExist();
  }

  @Test
  void rulesThatDeclareNoneOfTheTypesAreRefused() {
    Path rules =
        Fixtures.write(
                dir,
                "rules/a.drl",
                """
        package t;
        declare Merger
            a : String
        end
        """)
            .getParent();
    Run r =
        Run.of(
            "generate",
            "--companies",
            "10",
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("declare none of the types");
  }

  @Test
  void brokenRulesAreInvalidInput() {
    Path rules = Fixtures.write(dir, "rules/a.drl", "package t;\ndeclare Investment\n").getParent();
    Run r =
        Run.of(
            "generate",
            "--companies",
            "10",
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("a.drl");
  }

  @Test
  void thesesTheRulesArgueButNoFileDefinesAreNamedOnStderr() {
    Path facts =
        Fixtures.write(
            dir,
            "facts/f.json",
            """
        {"theses": [{"id": "anti-openai-alliance", "title": "An anti-OpenAI alliance"}]}
        """);
    Run r =
        Run.of(
            "generate",
            "--companies",
            "10",
            "--theses",
            facts.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.err())
        .contains("warning", "end-of-exclusivity", "why-fund-labs")
        .doesNotContain("anti-openai-alliance");
    assertThat(r.out().lines()).hasSize(1);
  }
}
