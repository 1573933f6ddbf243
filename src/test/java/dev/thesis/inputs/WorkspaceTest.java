package dev.thesis.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path dir;

  private static Loaded load(Settings settings, LoadSpec spec) {
    return new Workspace(settings, new Timings()).load(spec);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void everyFileReadIsNamedWithTheSha256OfItsBytesRulesFirst() throws Exception {
    Loaded l =
        load(Settings.DEFAULT, LoadSpec.of(Fixtures.SEED_RULES, List.of(Fixtures.SEED_FACTS)));
    List<InputFile> files = l.inputs().files();
    long drl;
    try (var s = Files.list(Fixtures.SEED_RULES)) {
      drl = s.filter(p -> p.toString().endsWith(".drl")).count();
    }
    long json;
    try (var s = Files.list(Fixtures.SEED_FACTS)) {
      json = s.filter(p -> p.toString().endsWith(".json")).count();
    }
    assertThat(files).hasSize((int) (drl + json));
    assertThat(files.subList(0, (int) drl)).allMatch(f -> f.kind().equals("rules"));
    assertThat(files.subList((int) drl, files.size())).allMatch(f -> f.kind().equals("facts"));
    for (InputFile f : files) {
      Path onDisk =
          (f.kind().equals("rules") ? Fixtures.SEED_RULES : Fixtures.SEED_FACTS).resolve(f.name());
      assertThat(f.sha256()).as(f.name()).isEqualTo(sha256(onDisk));
    }
  }

  @Test
  void theDigestCoversWhatFollowsTheJsonToo() throws Exception {
    Path facts = dir.resolve("facts");
    Fixtures.copyDir(Fixtures.MINI_FACTS, facts);
    Path one;
    try (var s = Files.list(facts)) {
      one = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
    }
    // More white space than the reader's buffers hold: a digest taken when the object closes, not
    // once the reader has reached the end, would miss the tail.
    Files.writeString(
        one,
        Files.readString(one) + "\n".repeat(40_000) + "   \n",
        java.nio.charset.StandardCharsets.UTF_8);
    Loaded l = load(Settings.DEFAULT, LoadSpec.of(Fixtures.MINI_RULES, List.of(facts)));
    assertThat(l.diagnostics()).noneMatch(Diagnostic::isError);
    InputFile read =
        l.inputs().files().stream()
            .filter(f -> f.name().equals(one.getFileName().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(read.sha256()).isEqualTo(sha256(one));
  }

  @Test
  void asOfKeepsOnlyTheFactsInForceThen() {
    // The seed corpus is undated (its sentences carry no dates): the dated fixture instead.
    Loaded all =
        load(Settings.DEFAULT, LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.DATED_FACTS)));
    LocalDate date = LocalDate.parse("2024-05-31");
    Loaded then =
        load(
            new Settings(
                date,
                false,
                false,
                false,
                0.5,
                0.5,
                3.0,
                0,
                -1,
                true,
                Settings.DEFAULT.environment()),
            LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.DATED_FACTS)));
    // Counted here from the corpus itself: facts with no date of their own or of their source.
    long undated =
        all.inputs().facts().stream().filter(f -> all.inputs().dateOf(f) == null).count();
    long datedBefore =
        all.inputs().facts().stream()
            .filter(f -> all.inputs().dateOf(f) != null && !all.inputs().dateOf(f).isAfter(date))
            .count();
    assertThat(undated).isLessThan(all.inputs().facts().size());
    assertThat(datedBefore).isPositive();
    assertThat(then.inputs().facts()).hasSize((int) (undated + datedBefore));
    // The corpus as read still holds every fact: --as-of chooses what is evaluated, not what is
    // checked.
    assertThat(then.corpus().facts()).hasSize(all.inputs().facts().size());
  }

  @Test
  void strictCountsAWarningAsAnError() {
    Path rules = Path.of("src/test/resources/lint/uncited-source/rules");
    Path facts = Path.of("src/test/resources/lint/uncited-source/facts");
    Loaded lax = load(Settings.DEFAULT, LoadSpec.of(rules, List.of(facts)));
    assertThat(lax.failed()).isFalse();
    assertThat(lax.warnings()).isNotEmpty();
    Settings strict =
        new Settings(
            null, true, false, false, 0.5, 0.5, 3.0, 0, -1, true, Settings.DEFAULT.environment());
    Loaded l = load(strict, LoadSpec.of(rules, List.of(facts)));
    assertThat(l.failed()).isTrue();
    assertThat(l.diagnostics()).hasSameSizeAs(lax.diagnostics()).allMatch(Diagnostic::isError);
  }

  @Test
  void aWithFileIsCheckedWithTheCorpusAndKeptApart() throws Exception {
    Path extra =
        Fixtures.write(
            dir,
            "extra.json",
            """
            {"sources": [{"id": "s9", "text": "LabB runs on BigCloud.", "origin": "test"}],
             "theses": [{"id": "late", "title": "A thesis only the added file has"}],
             "facts": [{"id": "f9", "type": "CloudSpend", "source": "s9", "confidence": 0.5,
                        "lab": "labb", "provider": "bigcloud"}]}
            """);
    Loaded l =
        load(
            Settings.DEFAULT,
            LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.MINI_FACTS)).with(List.of(extra)));
    assertThat(l.failed()).isFalse();
    assertThat(l.added()).extracting(f -> f.record().id()).containsExactly("f9");
    // What is evaluated first is the corpus alone: no fact, source or thesis of the added file.
    assertThat(l.inputs().facts()).extracting(f -> f.record().id()).doesNotContain("f9");
    assertThat(l.inputs().corpus().sources()).extracting(x -> x.id()).doesNotContain("s9");
    assertThat(l.inputs().corpus().theses()).extracting(x -> x.id()).doesNotContain("late");
    assertThat(l.inputs().files()).extracting(InputFile::name).doesNotContain("extra.json");

    Path bad =
        Fixtures.write(
            dir,
            "bad.json",
            """
            {"sources": [], "theses": [], "facts": [{"id": "f8", "type": "CloudSpend",
              "source": "nowhere", "lab": "labb", "provider": "bigcloud"}]}
            """);
    Loaded refused =
        load(
            Settings.DEFAULT,
            LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.MINI_FACTS)).with(List.of(bad)));
    assertThat(refused.failed()).isTrue();
    assertThat(refused.diagnostics())
        .anySatisfy(
            d -> assertThat(d.message()).contains("\"nowhere\", which no fact file defines"));
    Loaded folder =
        load(
            Settings.DEFAULT,
            LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.MINI_FACTS)).with(List.of(dir)));
    assertThat(folder.diagnostics())
        .anySatisfy(d -> assertThat(d.message()).startsWith("--with takes a fact file"));

    Path inCorpus;
    try (var s = Files.list(Fixtures.MINI_FACTS)) {
      inCorpus = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    Loaded twice =
        load(
            Settings.DEFAULT,
            LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.MINI_FACTS)).with(List.of(inCorpus)));
    assertThat(twice.diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("already part of the corpus"));
  }

  @Test
  void factsAloneAreReadAsACorpusWithoutRules() {
    Loaded l = load(Settings.DEFAULT, LoadSpec.factsOnly(List.of(Fixtures.SEED_FACTS)));
    assertThat(l.inputs()).isNull();
    assertThat(l.diagnostics()).isEmpty();
    assertThat(l.corpus().theses()).isNotEmpty();
  }

  @Test
  void aWorkspaceCompilesEachRulesFolderOnce() {
    Workspace w = new Workspace(Settings.DEFAULT, new Timings());
    Loaded a = w.load(LoadSpec.of(Fixtures.MINI_RULES, List.of(Fixtures.MINI_FACTS)));
    Loaded b =
        w.load(LoadSpec.of(Fixtures.MINI_RULES.toAbsolutePath(), List.of(Fixtures.MINI_FACTS)));
    assertThat(b.rules()).isSameAs(a.rules());
    assertThat(w.ruleSets()).hasSize(1);
  }
}
