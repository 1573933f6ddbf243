package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * report.json of the mini corpus against a reviewed golden file. Regenerate it with {@code mvn test
 * -Dtest=JsonReportTest -Dgolden.update=true}, then review the diff like code: the scores in it are
 * checked by hand in {@link #scoresAreTheOnesComputedByHand()}.
 */
class JsonReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/mini-report.json");

  private static String render() throws Exception {
    return JsonReport.render(dev.thesis.Fixtures.evaluator().evaluate(Fixtures.mini()));
  }

  @Test
  void matchesTheGoldenReport() throws Exception {
    String actual = render();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void theSameInputsGiveByteIdenticalReports() throws Exception {
    assertThat(render()).isEqualTo(render());
  }

  @Test
  void scoresAreTheOnesComputedByHand() throws Exception {
    // f1 0.9, f2 0.8, f3 0.7, f4 0.6, f5 1.0 (default).
    JsonNode r = new ObjectMapper().readTree(render());
    JsonNode bubble = r.get("theses").get(0);
    assertThat(bubble.get("id").asText()).isEqualTo("bubble");
    // Circular: 0.8 x RoundTrip(min(f1, f2) = 0.8) = 0.64. Not froth: 0.5 x HedgedBet(min(f1, f4,
    // f5) = 0.6).
    assertThat(bubble.get("support").asDouble()).isEqualTo(0.64);
    assertThat(bubble.get("opposition").asDouble()).isEqualTo(0.3);
    JsonNode rational = r.get("theses").get(2);
    // 0.9 x 0.6 = 0.54 and 0.8 x MultiCloud(min(f1, f2, f3) = 0.7) = 0.56; 1 - 0.46 x 0.44 =
    // 0.7976.
    assertThat(rational.get("support").asDouble()).isEqualTo(0.7976);
    assertThat(r.get("theses").get(1).get("verdict").asText()).isEqualTo("UNSUPPORTED");
    assertThat(r.get("tensions").get(0).get("a").asText()).isEqualTo("bubble");
    assertThat(r.get("tensions").get(0).get("b").asText()).isEqualTo("rational");
  }

  @Test
  void factsCarryTheirFileAndTheLineWhereTheirObjectBegins() throws Exception {
    EvaluationResult result = dev.thesis.Fixtures.evaluator().evaluate(Fixtures.mini());
    JsonNode f1 = new ObjectMapper().readTree(JsonReport.render(result)).get("facts").get(0);
    assertThat(f1.get("file").asText()).isEqualTo("src/test/resources/mini/facts/corpus.json");
    assertThat(f1.get("line").asInt()).isEqualTo(12);
  }
}
