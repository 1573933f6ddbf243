package dev.thesis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {
  @TempDir Path dir;

  private static final String SOURCE = "\"sources\": [{\"id\": \"s1\", \"text\": \"Said.\"}]";

  private CorpusLoader.Result load(Path... paths) {
    return dev.thesis.Fixtures.corpus(List.of(paths));
  }

  private static String at(Path file, int line, int col) {
    return DisplayPath.of(file) + ":" + line + ":" + col;
  }

  @Test
  void readsSourcesThesesAndFactsWithTheLineWhereEachFactStarts() {
    Path f =
        Fixtures.write(
            dir,
            "a.json",
            "{\n  "
                + SOURCE
                + ",\n"
                + "  \"theses\": [{\"id\": \"t\", \"title\": \"T\", \"source\": \"s1\", \"rivals\": []}],\n"
                + "  \"facts\": [\n"
                + "    {\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\", \"confidence\": 0.25, \"a\": \"b\"},\n"
                + "    {\"id\": \"f2\", \"type\": \"X\", \"source\": \"s1\", \"note\": \"n\"}\n  ]\n}\n");
    CorpusLoader.Result r = load(f);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.corpus().facts()).extracting(FactRecord::id).containsExactly("f1", "f2");
    FactRecord f1 = r.corpus().facts().get(0);
    assertThat(f1.location().line()).isEqualTo(5);
    assertThat(f1.location().column()).isEqualTo(5);
    assertThat(f1.confidence()).isEqualTo(0.25);
    assertThat(f1.fields()).containsOnlyKeys("a");
    assertThat(r.corpus().facts().get(1).confidence()).isEqualTo(1.0);
    assertThat(r.corpus().facts().get(1).note()).isEqualTo("n");
    assertThat(r.corpus().theses()).extracting(Thesis::id).containsExactly("t");
  }

  @Test
  void invalidJsonIsReportedAtItsPosition() {
    Path f =
        Fixtures.write(dir, "bad.json", "{\n  \"facts\": [\n    {\"id\": \"f1\",, }\n  ]\n}\n");
    CorpusLoader.Result r = load(f);
    assertThat(r.hasErrors()).isTrue();
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.location().toString()).isEqualTo(at(f, 3, 17));
    assertThat(d.message()).startsWith("invalid JSON");
  }

  @Test
  void duplicateKeysInAnObjectAreAnError() {
    Path f =
        Fixtures.write(
            dir,
            "dup.json",
            "{"
                + SOURCE
                + ",\n\"facts\": [{\"id\": \"f1\", \"id\": \"f2\", \"type\": \"X\", \"source\": \"s1\"}]}");
    CorpusLoader.Result r = load(f);
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("Duplicate field 'id'");
              assertThat(d.location().line()).isEqualTo(2);
            });
  }

  @Test
  void aFactWithoutSourceIsAnErrorAtTheFact() {
    Path f =
        Fixtures.write(
            dir, "a.json", "{" + SOURCE + ",\n\"facts\": [\n  {\"id\": \"f1\", \"type\": \"X\"}]}");
    assertThat(load(f).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(at(f, 3, 3));
              assertThat(d.message()).isEqualTo("a fact has no \"source\"");
            });
  }

  @Test
  void idsMustBeUniqueAcrossFiles() {
    Path a =
        Fixtures.write(
            dir,
            "a.json",
            "{" + SOURCE + ", \"facts\": [{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\"}]}");
    Path b =
        Fixtures.write(
            dir,
            "b.json",
            "{\"facts\": [\n{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\"}]}");
    CorpusLoader.Result r = load(dir);
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(at(b, 2, 8));
              assertThat(d.message())
                  .isEqualTo("duplicate id \"f1\" (first defined at " + at(a, 1, 63) + ")");
            });
  }

  @Test
  void aDanglingSourceReferenceIsAnErrorAtTheReference() {
    Path f =
        Fixtures.write(
            dir,
            "a.json",
            "{"
                + SOURCE
                + ",\n\"facts\": [{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s9\"}]}");
    assertThat(load(f).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(at(f, 2, 47));
              assertThat(d.message()).contains("cites source \"s9\", which no fact file defines");
            });
  }

  @Test
  void wrongKindsOfValuesAndUnknownKeysAreErrors() {
    Path f =
        Fixtures.write(
            dir,
            "a.json",
            "{\"sources\": [{\"id\": 7, \"text\": \"x\", \"url\": \"u\"}],\n"
                + "\"facts\": [{\"id\": \"f\", \"type\": \"X\", \"source\": \"s\", \"confidence\": 1.5}],\n"
                + "\"extra\": []}");
    List<String> messages = load(f).diagnostics().stream().map(Diagnostic::toString).toList();
    assertThat(messages)
        .anySatisfy(
            m -> assertThat(m).contains(":1:21: error: \"id\" must be a string, not an integer"));
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains(":1:44: error: unknown key \"url\" in a source"));
    assertThat(messages)
        .anySatisfy(
            m -> assertThat(m).contains(":2:65: error: \"confidence\" must be in [0,1], not 1.5"));
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains(":3:1: error: unknown section \"extra\""));
  }

  @Test
  void thesesMustNameExistingRivals() {
    Path f =
        Fixtures.write(
            dir,
            "a.json",
            "{\"theses\": [{\"id\": \"t\", \"title\": \"T\", \"rivals\": [\"u\"]}]}");
    assertThat(load(f).diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .isEqualTo("thesis \"t\" names rival \"u\", which is not a thesis"));
  }

  @Test
  void aMissingPathIsAnError() {
    assertThat(load(dir.resolve("nope")).diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("no such fact file or folder"));
  }

  @Test
  void problemsInSeveralFilesAreAllReported() {
    Fixtures.write(dir, "a.json", "{");
    Fixtures.write(dir, "b.json", "[]");
    assertThat(load(dir).diagnostics()).hasSize(2);
  }

  /**
   * Each reserved key's mistake at its value (the fact's start for one left out), in the order the
   * keys are checked, and nothing of a fact the parser stops in but why it stopped. Columns counted
   * by hand.
   */
  @Test
  void everyMistakeOfAFactIsReportedAtItsValueInOrder() {
    Path f =
        Fixtures.write(
            dir,
            "facts.json",
            "{"
                + SOURCE
                + ",\n\"facts\": [\n"
                + "{\"id\": 7, \"type\": \"X\", \"note\": 3, \"date\": \"2024-13-01\","
                + " \"confidence\": \"probable\", \"a\": \"b\"},\n"
                + "{\"id\": \" \", \"type\": \"X\", \"source\": \"s1\", \"confidence\": 1.5},\n"
                + "{\"id\": \"ok\", \"type\": \"X\", \"source\": \"s1\", \"a\": [1, \"b\"],"
                + " \"confidence\": \"likely\"}\n"
                + "]}\n");
    CorpusLoader.Result r = load(f);
    assertThat(r.diagnostics())
        .extracting(d -> d.location() + " " + d.message())
        .containsExactly(
            at(f, 3, 8) + " \"id\" must be a string, not an integer",
            at(f, 3, 1) + " a fact has no \"source\"",
            at(f, 3, 32) + " \"note\" must be a string, not an integer",
            at(f, 3, 43) + " \"date\" must be YYYY-MM-DD, not \"2024-13-01\"",
            at(f, 3, 71)
                + " \"confidence\" \"probable\" is no likelihood word; use a number in [0,1] or"
                + " one of "
                + Likelihood.words(),
            at(f, 4, 8) + " a fact has an empty \"id\"",
            at(f, 4, 56) + " \"confidence\" must be in [0,1], not 1.5");
    FactRecord ok = r.corpus().facts().get(0);
    assertThat(r.corpus().facts()).singleElement().isSameAs(ok);
    assertThat(ok.confidence()).isEqualTo(Likelihood.LIKELY.confidence());
    assertThat(ok.fields()).containsOnlyKeys("a");
    assertThat(ok.fields().get("a").value().toString()).isEqualTo("[1,\"b\"]");
    assertThat(ok.locationOf("a").toString()).isEqualTo(at(f, 5, 48));
    assertThat(ok.locationOf("source").toString()).isEqualTo(at(f, 5, 37));
    assertThat(ok.locationOf("note").toString()).isEqualTo(at(f, 5, 1));

    Path stops =
        Fixtures.write(
            dir,
            "stops.json",
            "{"
                + SOURCE
                + ",\n\"facts\": [{\"id\": 7, \"type\": \"X\", \"type\": \"Y\"}, {\"id\": 8}]}");
    assertThat(load(stops).diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Duplicate field 'type'"));
  }

  /** A decimal is a double when the double is exactly what was written, else kept as written. */
  @Test
  void decimalsAreDoublesOnlyWhenExact() {
    Path f =
        Fixtures.write(
            dir,
            "numbers.json",
            "{"
                + SOURCE
                + ", \"facts\": [{\"id\": \"n\", \"type\": \"X\", \"source\": \"s1\","
                + " \"a\": 0.85, \"b\": 0.50, \"c\": -0.0, \"d\": 1.5E-7,"
                + " \"e\": 0.1000000000000000055511151231257827, \"f\": 1e400}]}");
    var fields = load(f).corpus().facts().get(0).fields();
    assertThat(fields.get("a").value().isDouble()).isTrue();
    assertThat(fields.get("a").value().doubleValue()).isEqualTo(0.85);
    assertThat(fields.get("b").value().isDouble()).isTrue();
    assertThat(fields.get("b").value().doubleValue()).isEqualTo(0.5);
    // No negative zero: read through a BigDecimal, which has none.
    assertThat(Double.doubleToRawLongBits(fields.get("c").value().doubleValue())).isZero();
    assertThat(fields.get("d").value().doubleValue()).isEqualTo(1.5e-7);
    assertThat(fields.get("e").value().isBigDecimal()).isTrue();
    assertThat(fields.get("e").value().decimalValue())
        .isEqualByComparingTo("0.1000000000000000055511151231257827");
    assertThat(fields.get("f").value().isBigDecimal()).isTrue();
  }
}
