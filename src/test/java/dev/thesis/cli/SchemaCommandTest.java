package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * thesis schema, checked with a standard validator: the schema of the embedded rules accepts every
 * file in facts/ and refuses what the loader refuses.
 */
class SchemaCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String printed;
  private static Schema plain;
  private static Schema withKeys;

  @BeforeAll
  static void generate() throws Exception {
    Run r = Run.of("schema");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    printed = r.out();
    plain = compile(printed);
    Run k = Run.of("schema", "--facts", "facts");
    assertThat(k.code()).as(k.err()).isZero();
    withKeys = compile(k.out());
  }

  private static Schema compile(String text) throws Exception {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.readTree(text));
  }

  private static List<String> errors(Schema schema, JsonNode file) {
    return schema.validate(file).stream().map(Error::toString).toList();
  }

  private static List<Path> factFiles() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("facts"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyFactFileOfTheCorpusIsValidWithAndWithoutTheKnownKeys() throws Exception {
    assertThat(factFiles()).hasSize(11);
    for (Path f : factFiles()) {
      JsonNode file = JSON.readTree(f.toFile());
      assertThat(errors(plain, file)).as(f.toString()).isEmpty();
      assertThat(errors(withKeys, file)).as(f.toString()).isEmpty();
    }
  }

  @Test
  void theScenarioFixturesAreValidToo() throws Exception {
    assertThat(errors(plain, JSON.readTree(Path.of("tests/questions.json").toFile()))).isEmpty();
  }

  /** A copy of seed-04.json, changed by {@code edit}. */
  private static ObjectNode seed4(java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ObjectNode file = (ObjectNode) JSON.readTree(Path.of("facts/seed-04.json").toFile());
    edit.accept((ObjectNode) file.get("facts").get(1));
    return file;
  }

  @Test
  void aMisspeltFieldIsRefused() throws Exception {
    ObjectNode file =
        seed4(
            fact -> {
              fact.set("bb", fact.remove("b"));
            });
    assertThat(errors(plain, file)).anySatisfy(e -> assertThat(e).contains("bb"));
  }

  @Test
  void aFieldWithValuesTakesOnlyThoseValues() throws Exception {
    Path bad = Path.of("src/test/resources/bad/value-not-in-values");
    Run r = Run.of("schema", "--rules", bad.resolve("rules").toString());
    assertThat(r.code()).as(r.err()).isZero();
    Schema schema = compile(r.out());
    // The fixture's fact says "secundary"; check refuses it (bad/value-not-in-values), so must
    // this.
    JsonNode file = JSON.readTree(bad.resolve("facts/f.json").toFile());
    assertThat(errors(schema, file)).anySatisfy(e -> assertThat(e).contains("scale"));
    ((ObjectNode) file.get("facts").get(0)).put("scale", "secondary");
    assertThat(errors(schema, file)).isEmpty();
  }

  @Test
  void aFactOfAnUnknownTypeIsRefused() throws Exception {
    ObjectNode file = seed4(fact -> fact.put("type", "PublicColaboration"));
    assertThat(errors(plain, file)).isNotEmpty();
  }

  @Test
  void valuesOfTheWrongKindAndMisspeltKeysElsewhereAreRefused() throws Exception {
    assertThat(errors(plain, seed4(f -> f.put("confidence", "very likely")))).isNotEmpty();
    assertThat(errors(plain, seed4(f -> f.put("confidence", 1.5)))).isNotEmpty();
    assertThat(errors(plain, seed4(f -> f.put("a", 3)))).isNotEmpty();
    assertThat(errors(plain, seed4(f -> f.remove("source")))).isNotEmpty();
    assertThat(errors(plain, seed4(f -> f.put("date", "2024-1-1")))).isNotEmpty();
    ObjectNode section = seed4(f -> {});
    section.set("fact", section.get("facts"));
    assertThat(errors(plain, section)).isNotEmpty();
    ObjectNode thesis = seed4(f -> {});
    ((ObjectNode) thesis.get("theses").get(0)).put("claims", "x");
    assertThat(errors(plain, thesis)).isNotEmpty();
  }

  @Test
  void aRefToAnUnknownKeyIsRefusedOnlyWhenTheFactsAreGiven() throws Exception {
    ObjectNode file = seed4(fact -> fact.put("b", "antropic"));
    assertThat(errors(plain, file)).isEmpty();
    assertThat(errors(withKeys, file)).anySatisfy(e -> assertThat(e).contains("/facts/1/b"));
    assertThat(errors(withKeys, seed4(fact -> fact.putNull("b")))).isEmpty();
  }

  @Test
  void primitivesAreRequiredAndIntegersBounded() throws Exception {
    JsonNode schema = JSON.readTree(printed);
    // MarketReaction or another corpus type may change; the shape of a field is what matters.
    JsonNode defs = schema.get("$defs");
    assertThat(defs.get("type:Company").get("properties").get("name").get("type"))
        .isEqualTo(JSON.readTree("[\"string\", \"null\"]"));
    assertThat(defs.get("fact").get("properties").get("type").get("enum"))
        .isInstanceOf(ArrayNode.class)
        .contains(JSON.readTree("\"Company\""));
  }

  @Test
  void theOutputIsTheSameEveryTime() {
    assertThat(Run.of("schema").out()).isEqualTo(printed);
  }
}
