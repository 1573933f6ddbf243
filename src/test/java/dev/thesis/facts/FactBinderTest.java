package dev.thesis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactBinderTest {
  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void compile(@TempDir Path rules) {
    Fixtures.write(
        rules,
        "types.drl",
        """
        package t;
        declare Deal
            buyer  : String
            amount : Double
            seats  : Integer
            public : Boolean
        end
        declare Counter
            n : int
        end
        """);
    schema = dev.thesis.Fixtures.compile(rules).ruleSet().schema();
  }

  /** Binds one fact written on line 3 of a fact file; returns the problems. */
  private List<Diagnostic> bind(String fact) {
    return bindAll(fact).diagnostics();
  }

  private FactBinder.Result bindAll(String fact) {
    Path f =
        Fixtures.write(
            dir,
            "f.json",
            "{\"sources\": [{\"id\": \"s\", \"text\": \"t\"}],\n\"facts\": [\n" + fact + "\n]}");
    CorpusLoader.Result loaded = dev.thesis.Fixtures.corpus(List.of(f));
    assertThat(loaded.diagnostics()).isEmpty();
    return FactBinder.bind(loaded.corpus(), schema, dev.thesis.diag.Progress.NONE);
  }

  // Column of the value that follows this prefix on line 3: the prefix's length plus one.
  private static final String DEAL = "{\"id\": \"f\", \"source\": \"s\", \"type\": \"Deal\", ";

  @Test
  void bindsEveryDeclaredFieldTypeAndLeavesUnstatedFieldsNull() {
    FactBinder.Result r = bindAll(DEAL + "\"buyer\": \"x\", \"amount\": 5, \"seats\": 2}");
    assertThat(r.diagnostics()).isEmpty();
    BoundFact b = r.facts().get(0);
    assertThat(b.type().get(b.instance(), "buyer")).isEqualTo("x");
    assertThat(b.type().get(b.instance(), "amount")).isEqualTo(5.0);
    assertThat(b.type().get(b.instance(), "seats")).isEqualTo(2);
    // Drools would start an unstated Boolean at false; unstated means unknown.
    assertThat(b.type().get(b.instance(), "public")).isNull();
  }

  @Test
  void anUnknownTypeIsReportedAtTheTypeValue() {
    assertThat(bind("{\"id\": \"f\", \"source\": \"s\", \"type\": \"Dael\"}"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().line()).isEqualTo(3);
              assertThat(d.location().column()).isEqualTo(36);
              assertThat(d.message())
                  .startsWith(
                      "unknown fact type \"Dael\": no rule file declares it (declared: Counter, Deal)");
            });
  }

  @Test
  void anUnknownFieldIsReportedAtItsValueWithTheDeclaredFields() {
    assertThat(bind(DEAL + "\"byer\": \"x\"}"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().line()).isEqualTo(3);
              assertThat(d.location().column()).isEqualTo(DEAL.length() + 9);
              assertThat(d.message())
                  .isEqualTo(
                      "unknown field \"byer\" for type Deal (fields: buyer, amount, seats, public)");
            });
  }

  @Test
  void valuesOfTheWrongTypeAreNotCoercedAndAreReportedAtTheValue() {
    assertWrongType("\"buyer\": 7}", 10, "field \"buyer\" of Deal is a string, not an integer");
    assertWrongType("\"amount\": \"5\"}", 11, "field \"amount\" of Deal is a number, not a string");
    assertWrongType(
        "\"seats\": 2.5}", 10, "field \"seats\" of Deal is an integer, not a decimal number");
    assertWrongType(
        "\"public\": \"yes\"}", 11, "field \"public\" of Deal is a boolean, not a string");
  }

  private void assertWrongType(String rest, int offset, String message) {
    assertThat(bind(DEAL + rest))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().line()).isEqualTo(3);
              assertThat(d.location().column()).isEqualTo(DEAL.length() + offset);
              assertThat(d.message()).isEqualTo(message);
            });
  }

  @Test
  void aPrimitiveFieldCanBeNeitherNullNorLeftOut() {
    String counter = "{\"id\": \"c\", \"source\": \"s\", \"type\": \"Counter\"";
    assertThat(bind(counter + ", \"n\": null}"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .isEqualTo("field \"n\" of Counter is an integer, not null"));
    assertThat(bind(counter + "}"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().column()).isEqualTo(1);
              assertThat(d.message())
                  .isEqualTo(
                      "fact \"c\" has no \"n\": Counter declares it int, which cannot be left"
                          + " unstated (declare it Integer to make it optional)");
            });
  }
}
