package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thesis.report.json.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json read back into its records: nothing lost, and what is wrong said where it is. */
class ReportReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/golden/mini-report.json");

  private static JsonNode golden() throws Exception {
    return JSON.readTree(GOLDEN.toFile());
  }

  @Test
  void readingAndWritingAgainGivesTheSameBytes(@TempDir Path dir) throws Exception {
    String mini = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    assertThat(JsonText.write(ReportReader.read(JSON.readTree(mini)))).isEqualTo(mini);
    String full = ReportSamples.everyOptionalField(dir);
    assertThat(JsonText.write(ReportReader.read(JSON.readTree(full)))).isEqualTo(full);
  }

  @Test
  void theChecksUsersKnowKeepTheirWords() {
    assertThat(ReportReader.problem(JSON.createArrayNode())).isEqualTo("not a JSON object");
    assertThat(ReportReader.problem(parse("{\"theses\": []}")))
        .isEqualTo("no \"conclusions\" array");
    assertThat(
            ReportReader.problem(
                parse(
                    "{\"theses\": [{\"id\": \"t\"}], \"conclusions\": [], \"facts\": [], \"rules\": []}")))
        .isEqualTo("a thesis lacks id, verdict, support or opposition");
    assertThat(
            ReportReader.problem(
                parse(
                    "{\"theses\": [], \"conclusions\": [{\"id\": \"c\"}], \"facts\": [], \"rules\": []}")))
        .isEqualTo("a conclusion lacks id or justifications");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithItsPlace() throws Exception {
    assertThat(problem(r -> facts(r).put("line", "12")))
        .isEqualTo("facts[0].line is a string, not an integer");
    assertThat(problem(r -> ((ObjectNode) r.get("rules").get(1)).put("fired", 1.5)))
        .isEqualTo("rules[1].fired is a number, not an integer");
    assertThat(problem(r -> ((ObjectNode) r.get("conclusions").get(0)).put("cyclic", "no")))
        .isEqualTo("conclusions[0].cyclic is a string, not a boolean");
    assertThat(problem(r -> facts(r).putArray("fields")))
        .isEqualTo("facts[0].fields is an array, not an object");
    assertThat(problem(r -> ((ObjectNode) r.get("theses").get(0)).put("title", 3)))
        .isEqualTo("theses[0].title is an integer, not a string");
    assertThat(problem(r -> r.put("thresholds", "high")))
        .isEqualTo("thresholds is a string, not an object");
    assertThat(
            problem(
                r ->
                    ((ObjectNode) r.get("conclusions").get(0).get("justifications").get(0))
                        .putArray("premises")
                        .addNull()))
        .isEqualTo("conclusions[0].justifications[0].premises[0] is null, not a string");
    assertThat(problem(r -> facts(r).remove("id"))).isEqualTo("a fact lacks id");
    assertThat(problem(r -> ((ObjectNode) r.get("rules").get(0)).put("name", 1)))
        .isEqualTo("a rule lacks name");
    assertThatThrownBy(() -> ReportReader.read(broken(r -> facts(r).put("line", "12"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("facts[0].line is a string, not an integer");
  }

  @Test
  void unknownFieldsAreSkippedAndMissingOnesLeftEmpty() throws Exception {
    // A newer thesis may add fields (the format does not move); an older one wrote no inputs.
    Report read =
        ReportReader.read(
            broken(
                r -> {
                  r.remove("inputs");
                  r.put("added_later", 1);
                  facts(r).put("also_new", "x");
                }));
    assertThat(read.inputs()).isNull();
    assertThat(read).isEqualTo(ReportReader.read(broken(r -> r.remove("inputs"))));
    assertThat(
            ReportReader.problem(
                parse("{\"theses\": [], \"conclusions\": [], \"facts\": [], \"rules\": []}")))
        .isNull();
  }

  private static ObjectNode facts(ObjectNode report) {
    return (ObjectNode) report.get("facts").get(0);
  }

  private static JsonNode broken(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode r = (ObjectNode) golden();
    edit.accept(r);
    return r;
  }

  private static String problem(Consumer<ObjectNode> edit) throws Exception {
    return ReportReader.problem(broken(edit));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
