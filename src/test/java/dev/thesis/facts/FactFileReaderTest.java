package dev.thesis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of ASCII bytes is read from its bytes (no decoding, no duplicate-key set per object): what
 * it gives must be what the UTF-8 reader gives, to the column, and a problem in it must be reported
 * exactly as the reader reports it.
 */
class FactFileReaderTest {
  @TempDir Path dir;

  private static final String CORPUS =
      "{\"sources\": [{\"id\": \"s1\", \"text\": \"Said.\", \"date\": \"2024-01-02\"}],\r\n"
          + "\t\"theses\": [ {\"id\": \"t1\", \"title\": \"T.\", \"rivals\": [\"t2\"]},\n"
          + "  {\"id\": \"t2\", \"title\": \"U.\", \"rivals\": [\"t1\"], \"source\": \"s1\"}],\n"
          + "\"questions\": [{\"id\": \"q1\", \"title\": \"Q?\", \"hypotheses\": [\"t1\", \"t2\"]}],\n"
          + "\"facts\": [\n"
          + "  {\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\", \"confidence\": 0.85,"
          + " \"a\": \"v\", \"n\": 12, \"d\": 1.25, \"b\": true, \"z\": null},\r\n"
          + "  {\n    \"type\": \"Y\",\n\t\"id\": \"f2\",\n    \"source\": \"s1\",\n"
          + "    \"confidence\": \"likely\", \"note\": \"a \\\"note\\\" \\u0041\","
          + " \"date\": \"2024-02-03\",\n    \"xs\": [1, 2.5, \"w\"], \"big\": 123456789012345678901,"
          + " \"e\": 1e3}\n"
          + "]}\n";

  private record Read(
      CorpusPart part, List<Diagnostic> diagnostics, String digest, boolean fromBytes) {}

  private Read read(Path f, boolean streamed) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    FactFileReader r = new FactFileReader(f, DisplayPath.of(f), diagnostics);
    CorpusPart part = streamed ? r.readStreamed(CorpusPart.empty()) : r.read();
    return new Read(
        part, diagnostics, r.digest() == null ? null : r.digest().sha256(), r.fromBytes());
  }

  @Test
  void anAsciiFileReadsAsTheReaderReadsIt() {
    Path f = Fixtures.write(dir, "a.json", CORPUS);
    Read bytes = read(f, false);
    Read chars = read(f, true);
    assertThat(bytes.fromBytes()).isTrue();
    assertThat(bytes.diagnostics()).isEmpty();
    assertThat(chars.diagnostics()).isEmpty();
    assertThat(bytes.digest()).isNotNull().isEqualTo(chars.digest());
    assertThat(bytes.part().sources()).isEqualTo(chars.part().sources());
    assertThat(bytes.part().theses()).isEqualTo(chars.part().theses());
    assertThat(bytes.part().questions()).isEqualTo(chars.part().questions());
    assertThat(bytes.part().facts()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      FactRecord x = bytes.part().facts().get(i);
      FactRecord y = chars.part().facts().get(i);
      for (String key : FactRecord.RESERVED_ORDER) {
        assertThat(x.locationOf(key)).isEqualTo(y.locationOf(key));
      }
      assertThat(x).usingRecursiveComparison().isEqualTo(y);
      assertThat(x.fields()).isEqualTo(y.fields());
    }
    assertThat(bytes.part().facts().get(1).locationOf("date").toString()).endsWith(":11:66");
  }

  /** A string met again is the same node, and half a character in it is reported each time. */
  @Test
  void aRepeatedStringIsOneNodeAndEachLoneSurrogateInItIsReported() {
    Path f =
        Fixtures.write(
            dir,
            "s.json",
            "{\"sources\": [{\"id\": \"s1\", \"text\": \"Said.\"}], \"facts\": [\n"
                + "{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\", \"a\": \"v\","
                + " \"b\": \"x\\ud800\"},\n"
                + "{\"id\": \"f2\", \"type\": \"X\", \"source\": \"s1\", \"a\": \"v\","
                + " \"b\": \"x\\ud800\"}]}\n");
    Read r = read(f, false);
    assertThat(r.diagnostics()).extracting(d -> d.location().line()).containsExactly(2, 3);
    Path g = Fixtures.write(dir, "t.json", CORPUS.replace("\"a\": \"v\"", "\"a\": \"X\""));
    FactRecord first = read(g, false).part().facts().get(0);
    assertThat(first.fields().get("a").value().textValue()).isSameAs(first.type());
  }

  /** A decimal met again is the same node; a string with the same characters is a string still. */
  @Test
  void aRepeatedDecimalIsOneNodeApartFromTheStringWrittenAlike() {
    Path f =
        Fixtures.write(
            dir,
            "d.json",
            "{\"sources\": [{\"id\": \"s1\", \"text\": \"Said.\"}], \"facts\": [\n"
                + "{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\", \"a\": \"0.5\","
                + " \"b\": 0.5, \"c\": 0.50, \"d\": 0.5}]}\n");
    Map<String, LocatedValue> fields = read(f, false).part().facts().get(0).fields();
    assertThat(fields.get("a").value().isTextual()).isTrue();
    assertThat(fields.get("b").value().isDouble()).isTrue();
    assertThat(fields.get("d").value()).isSameAs(fields.get("b").value());
    assertThat(fields.get("c").value()).isNotSameAs(fields.get("b").value());
    assertThat(fields.get("c").value())
        .isEqualTo(read(f, true).part().facts().get(0).fields().get("c").value());
  }

  /**
   * The places of a fact's reserved keys are packed into a number when all are on its first line
   * and not too far along it, else kept in an array: either way each is where it is written.
   */
  @Test
  void reservedKeysAreLocatedOnOneLineOrOverSeveral() {
    String far = " ".repeat(1100);
    Path f =
        Fixtures.write(
            dir,
            "r.json",
            "{\"sources\": [{\"id\": \"s1\", \"text\": \"Said.\"}], \"facts\": [\n"
                + "{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s1\", \"a\": 1},\n"
                + "{\"id\": \"f2\", \"type\": \"X\",\n \"source\": \"s1\", \"a\": 1},\n"
                + "{\"id\": \"f3\", \"type\": \"X\","
                + far
                + "\"source\": \"s1\", \"note\": \"n\"}]}\n");
    List<FactRecord> facts = read(f, false).part().facts();
    assertThat(facts.get(0).reservedPositions()).isNull();
    assertThat(facts.get(1).reservedPositions()).isNotNull();
    assertThat(facts.get(2).reservedPositions()).isNotNull();
    String file = DisplayPath.of(f);
    assertThat(facts.get(0).locationOf("id").toString()).isEqualTo(file + ":2:8");
    assertThat(facts.get(0).locationOf("source").toString()).isEqualTo(file + ":2:37");
    assertThat(facts.get(0).locationOf("date")).isEqualTo(facts.get(0).location());
    assertThat(facts.get(1).locationOf("type").toString()).isEqualTo(file + ":3:22");
    assertThat(facts.get(1).locationOf("source").toString()).isEqualTo(file + ":4:12");
    assertThat(facts.get(1).locationOf("note")).isEqualTo(facts.get(1).location());
    assertThat(facts.get(2).locationOf("type").toString()).isEqualTo(file + ":5:22");
    assertThat(facts.get(2).locationOf("source").toString())
        .isEqualTo(file + ":5:" + (37 + 1100 - 1));
  }

  @Test
  void problemsInAnAsciiFileAreReportedAsTheReaderReportsThem() {
    for (String text :
        List.of(
            "{\"facts\": [{\"id\": \"f1\", \"type\": \"X\", \"id\": \"f2\", \"source\": \"s\"}]}",
            "{\"sources\": [{\"id\": \"s1\", \"text\": \"a\", \"text\": \"b\"}]}",
            "{\"facts\": [], \"facts\": []}",
            "{\"facts\": [{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s\", \"o\": {\"k\": 1,"
                + " \"k\": 2}}]}",
            "{\"facts\": [{\"id\": \"f1\", \"type\": \"X\", \"source\": \"s\",}]}",
            "{\"facts\": [{\"id\": \"f1\", \"type\": \"X\"}]}",
            "[]",
            "",
            "{\"facts\": []} x")) {
      Path f = Fixtures.write(dir, "p.json", text);
      Read bytes = read(f, false);
      Read chars = read(f, true);
      assertThat(bytes.diagnostics()).as(text).isNotEmpty().isEqualTo(chars.diagnostics());
      assertThat(bytes.digest()).as(text).isEqualTo(chars.digest());
      assertThat(bytes.fromBytes()).as(text).isFalse();
    }
  }

  @Test
  void aFileOfAsciiTextInUtf16IsNotReadFromItsBytes() throws Exception {
    // Without a byte-order mark, Jackson's byte parser would detect UTF-16 and read the file; the
    // UTF-8 reader refuses its zero bytes, and so must the fast path, as it did before it.
    for (java.nio.charset.Charset cs :
        List.of(
            java.nio.charset.StandardCharsets.UTF_16LE,
            java.nio.charset.StandardCharsets.UTF_16BE)) {
      Path f = dir.resolve("u.json");
      java.nio.file.Files.write(f, "{\"facts\": []}\n".getBytes(cs));
      Read bytes = read(f, false);
      Read chars = read(f, true);
      assertThat(bytes.fromBytes()).as(cs.name()).isFalse();
      assertThat(bytes.diagnostics()).as(cs.name()).isNotEmpty().isEqualTo(chars.diagnostics());
    }
  }
}
