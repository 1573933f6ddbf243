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
        declare Price
            exact : java.math.BigDecimal
            ratio : Float
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
  void aBigDecimalFieldKeepsEveryDigitWritten() {
    String price = "{\"id\": \"p\", \"source\": \"s\", \"type\": \"Price\", \"exact\": ";
    FactBinder.Result r = bindAll(price + "12345678901234567890.123456789}");
    assertThat(r.diagnostics()).isEmpty();
    BoundFact b = r.facts().get(0);
    // Through a double this would be 1.2345678901234567E+19.
    assertThat(b.type().get(b.instance(), "exact"))
        .isEqualTo(new java.math.BigDecimal("12345678901234567890.123456789"));
    FactBinder.Result small = bindAll(price + "0.1}");
    BoundFact s = small.facts().get(0);
    assertThat(s.type().get(s.instance(), "exact")).isEqualTo(new java.math.BigDecimal("0.1"));
    assertThat(bind(price + "\"0.1\"}"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .isEqualTo("field \"exact\" of Price must be a number, not a string"));
  }

  @Test
  void aNumberTooLargeForItsFieldIsRefusedNotBoundAsInfinity() {
    assertWrongType(
        "\"amount\": 1e400}",
        11,
        "field \"amount\" of Deal must be a number no larger than 1.7976931348623157E308 in size,"
            + " not 1E+400");
    assertThat(bind("{\"id\": \"p\", \"source\": \"s\", \"type\": \"Price\", \"ratio\": 1e39}"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .isEqualTo(
                        "field \"ratio\" of Price must be a number no larger than 3.4028235E38 in"
                            + " size, not 1.0E39"));
    assertWrongType(
        "\"seats\": 2147483648}",
        10,
        "field \"seats\" of Deal must be an integer from -2147483648 to 2147483647, not"
            + " 2147483648");
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
                      "unknown fact type \"Dael\": no rule file declares it (declared: Counter, Deal, Price)");
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
                      "unknown field \"byer\" for type Deal (fields: buyer, amount, seats, public);"
                          + " did you mean \"buyer\"?");
            });
  }

  @Test
  void valuesOfTheWrongTypeAreNotCoercedAndAreReportedAtTheValue() {
    assertWrongType(
        "\"buyer\": 7}", 10, "field \"buyer\" of Deal must be a string, not an integer");
    assertWrongType(
        "\"amount\": \"5\"}", 11, "field \"amount\" of Deal must be a number, not a string");
    assertWrongType(
        "\"seats\": 2.5}", 10, "field \"seats\" of Deal must be an integer, not a decimal number");
    assertWrongType(
        "\"public\": \"yes\"}", 11, "field \"public\" of Deal must be true or false, not a string");
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
                    .isEqualTo("field \"n\" of Counter must be an integer, not null"));
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
