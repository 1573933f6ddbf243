package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.thesis.Fixtures;
import dev.thesis.report.json.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/report.schema.json describes report.json: real reports validate against it, broken ones do
 * not, and it lists exactly the fields of the records the writer and diff share.
 */
class ReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode schemaTree;
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    schemaTree = JSON.readTree(Path.of("docs/report.schema.json").toFile());
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaTree);
  }

  private static List<String> errors(JsonNode report) {
    return schema.validate(report).stream().map(Error::toString).toList();
  }

  @Test
  void theSeedCorpusReportsMatchTheSchema(@TempDir Path dir) throws Exception {
    JsonNode all = JSON.readTree(ReportSamples.seed(dir.resolve("all")).toFile());
    // The seed corpus is undated: --as-of is shown on the dated fixture.
    String[] dated = {
      "--rules", Fixtures.MINI_RULES.toString(), "--facts", Fixtures.DATED_FACTS.toString()
    };
    JsonNode later = JSON.readTree(ReportSamples.seed(dir.resolve("later"), dated).toFile());
    String[] asOf = java.util.Arrays.copyOf(dated, dated.length + 2);
    asOf[dated.length] = "--as-of";
    asOf[dated.length + 1] = "2024-01-01";
    JsonNode early = JSON.readTree(ReportSamples.seed(dir.resolve("early"), asOf).toFile());
    assertThat(errors(all)).isEmpty();
    assertThat(errors(later)).isEmpty();
    assertThat(errors(early)).isEmpty();
    // Not vacuous: the reports have what the schema describes.
    assertThat(all.get("theses")).isNotEmpty();
    assertThat(all.get("theses").findValues("critical")).anyMatch(c -> !c.isEmpty());
    // f1 and f2 (2023-03-01) and the undated f5 of the fixture's five facts.
    assertThat(early.get("facts")).hasSize(3);
    assertThat(later.get("facts")).hasSize(5);
  }

  @Test
  void reportsWithEveryOptionalFieldMatchTheSchema(@TempDir Path dir) throws Exception {
    JsonNode full = JSON.readTree(ReportSamples.everyOptionalField(dir));
    assertThat(full.get("conclusions").get(0).get("arguments")).hasSize(2);
    assertThat(full.get("sources").get(1).get("origin").isNull()).isTrue();
    assertThat(errors(full)).isEmpty();
    assertThat(
            errors(JSON.readTree(Path.of("src/test/resources/golden/mini-report.json").toFile())))
        .isEmpty();
  }

  @Test
  void aMisspeltFieldOrAWrongTypeIsRejected() throws Exception {
    JsonNode golden = JSON.readTree(Path.of("src/test/resources/golden/mini-report.json").toFile());
    // Where each breakage is, as a JSON Pointer into the report: the validator must say it there.
    Map<String, Consumer<ObjectNode>> breakages =
        Map.of(
            "/theses/0", r -> rename((ObjectNode) r.get("theses").get(0), "verdict", "verdit"),
            "/facts/0/line", r -> ((ObjectNode) r.get("facts").get(0)).put("line", "12"),
            "/conclusions/0/stance",
                r -> ((ObjectNode) r.get("conclusions").get(0)).put("stance", "for"),
            "/rules/0/fired", r -> ((ObjectNode) r.get("rules").get(0)).put("fired", 1.5),
            "/thresholds", r -> ((ObjectNode) r.get("thresholds")).remove("support"),
            "", r -> r.put("extra", true));
    breakages.forEach(
        (where, breakIt) -> {
          ObjectNode broken = golden.deepCopy();
          breakIt.accept(broken);
          assertThat(schema.validate(broken))
              .as(where)
              .isNotEmpty()
              .anyMatch(e -> e.getInstanceLocation().toString().equals(where));
        });
  }

  @Test
  void questionReportsMatchTheSchema(@TempDir Path dir) throws Exception {
    JsonNode plain = JSON.readTree(ReportSamples.questions(dir.resolve("plain")).toFile());
    JsonNode low =
        JSON.readTree(ReportSamples.questions(dir.resolve("low"), "--odds", "1.5").toFile());
    Path variant = dev.thesis.QuestionFixtures.closed(dir.resolve("variant"));
    JsonNode closed =
        JSON.readTree(
            ReportSamples.evaluate(
                    dir.resolve("closed"),
                    "--rules",
                    variant.resolve("rules").toString(),
                    "--facts",
                    variant.resolve("facts").toString())
                .toFile());
    assertThat(errors(plain)).isEmpty();
    assertThat(errors(low)).isEmpty();
    assertThat(errors(closed)).isEmpty();
    // Not vacuous: rating and removal linchpins, a critical set, a closed question, a posterior.
    assertThat(plain.at("/questions/0/linchpins/0/change").asText()).isEqualTo("rating");
    assertThat(low.at("/questions/0/linchpins").findValuesAsText("change")).contains("without");
    assertThat(low.at("/questions/0/critical")).isNotEmpty();
    assertThat(closed.at("/questions/0/other").isNull()).isTrue();
    assertThat(plain.at("/theses/0/posterior").isNumber()).isTrue();
  }

  @Test
  void aBrokenQuestionIsRejected(@TempDir Path dir) throws Exception {
    JsonNode plain = JSON.readTree(ReportSamples.questions(dir).toFile());
    Map<String, Consumer<ObjectNode>> breakages =
        Map.of(
            "/questions/0/verdict",
            r -> ((ObjectNode) r.at("/questions/0")).put("verdict", "FAVOURED"),
            "/questions/0/linchpins/0",
            r -> ((ObjectNode) r.at("/questions/0/linchpins/0")).remove("to"),
            "/questions/0/evidence/0/ratings/bubble",
            r -> ((ObjectNode) r.at("/questions/0/evidence/0/ratings")).put("bubble", "X"),
            "/questions/0/hypotheses/0/posterior",
            r -> ((ObjectNode) r.at("/questions/0/hypotheses/0")).put("posterior", 1.5),
            "/questions/0",
            r -> ((ObjectNode) r.at("/questions/0")).remove("other"),
            "/theses/0/posterior",
            r -> ((ObjectNode) r.at("/theses/0")).put("posterior", "0.19"));
    breakages.forEach(
        (where, breakIt) -> {
          ObjectNode broken = plain.deepCopy();
          breakIt.accept(broken);
          assertThat(schema.validate(broken))
              .as(where)
              .isNotEmpty()
              .anyMatch(e -> e.getInstanceLocation().toString().equals(where));
        });
  }

  private static void rename(ObjectNode o, String from, String to) {
    o.set(to, o.remove(from));
  }

  /**
   * Every field Jackson writes for a record is a property at the same place in the schema, in the
   * same order, and back.
   */
  @Test
  void theSchemaAndTheRecordsAgree() {
    List<String> disagreements = new ArrayList<>();
    agree(JSON.constructType(Report.class), schemaTree, "report", disagreements);
    assertThat(disagreements).isEmpty();
  }

  private static void agree(JavaType record, JsonNode def, String where, List<String> out) {
    BeanDescription bean = JSON.getSerializationConfig().introspect(record);
    List<String> fields = new ArrayList<>();
    Set<String> required = new TreeSet<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      fields.add(p.getName());
      JsonInclude.Value include = p.findInclusion();
      if (include == null || include.getValueInclusion() != JsonInclude.Include.NON_NULL) {
        required.add(p.getName());
      }
    }
    List<String> properties = new ArrayList<>();
    def.path("properties").fieldNames().forEachRemaining(properties::add);
    if (!properties.equals(fields)) {
      out.add(
          where
              + ": schema lists "
              + properties
              + ", "
              + record.getRawClass().getSimpleName()
              + " writes "
              + fields);
    }
    Set<String> schemaRequired = new TreeSet<>();
    def.path("required").forEach(r -> schemaRequired.add(r.asText()));
    if (!schemaRequired.equals(required)) {
      out.add(
          where + ": schema requires " + schemaRequired + ", the record always writes " + required);
    }
    if (!def.path("additionalProperties").isBoolean()
        || def.path("additionalProperties").asBoolean()) {
      out.add(where + ": additionalProperties is not false");
    }
    for (BeanPropertyDefinition p : bean.findProperties()) {
      JsonNode property = def.path("properties").path(p.getName());
      if (property.isMissingNode()) {
        continue;
      }
      String at = where + "." + p.getName();
      if (!property.has("description") && !resolve(property).has("description")) {
        out.add(at + ": no description");
      }
      checkType(p.getPrimaryType(), resolve(property), at, out);
    }
  }

  /**
   * The JSON type a Java type is written as must be one the schema allows; records and their lists
   * recurse.
   */
  private static void checkType(JavaType type, JsonNode def, String at, List<String> out) {
    String json =
        type.isRecordType()
            ? "object"
            : type.isCollectionLikeType()
                ? "array"
                : type.isMapLikeType()
                    ? "object"
                    : type.getRawClass() == String.class
                        ? "string"
                        : type.getRawClass() == boolean.class
                            ? "boolean"
                            : type.getRawClass() == int.class ? "integer" : "number";
    if (!types(def).contains(json)) {
      out.add(
          at
              + ": "
              + type.getRawClass().getSimpleName()
              + " is written as "
              + json
              + ", the schema says "
              + types(def));
    }
    if (type.isRecordType()) {
      agree(type, def, at, out);
    } else if (type.isCollectionLikeType()) {
      checkType(type.getContentType(), resolve(def.path("items")), at + "[]", out);
    }
  }

  private static Set<String> types(JsonNode def) {
    Set<String> out = new TreeSet<>();
    def.path("type").forEach(t -> out.add(t.asText()));
    if (def.path("type").isTextual()) {
      out.add(def.path("type").asText());
    }
    def.path("enum")
        .forEach(
            v -> out.add(v.isTextual() ? "string" : v.isIntegralNumber() ? "integer" : "other"));
    if (def.has("const")) {
      out.add(
          def.get("const").isIntegralNumber()
              ? "integer"
              : def.get("const").isTextual() ? "string" : "other");
    }
    if (out.contains("integer")) {
      out.add("number");
    }
    return out;
  }

  /** A schema node with its {@code $ref} (into {@code $defs}) followed. */
  private static JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    while (n.has("$ref")) {
      n = schemaTree.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }
}
