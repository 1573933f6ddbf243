package dev.thesis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.rules.Schema;
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
    Fixtures.write(rules, "types.drl", """
        package t;
        declare Deal
            buyer  : String
            amount : double
            seats  : int
            public : boolean
            count  : Integer
        end
        """);
    schema = RuleCompiler.compile(rules).ruleSet().schema();
  }

  private List<Diagnostic> bind(String fact) {
    Path f = Fixtures.write(dir, "f.json",
        "{\"sources\": [{\"id\": \"s\", \"text\": \"t\"}],\n\"facts\": [\n" + fact + "\n]}");
    CorpusLoader.Result loaded = CorpusLoader.load(List.of(f));
    assertThat(loaded.diagnostics()).isEmpty();
    return FactBinder.bind(loaded.corpus(), schema).diagnostics();
  }

  private static String base() {
    return "{\"id\": \"f\", \"source\": \"s\", \"type\": \"Deal\"";
  }

  @Test
  void bindsEveryDeclaredFieldType() throws Exception {
    Path f = Fixtures.write(dir, "f.json", "{\"sources\": [{\"id\": \"s\", \"text\": \"t\"}], \"facts\": ["
        + base() + ", \"buyer\": \"x\", \"amount\": 5, \"seats\": 2, \"public\": true, \"count\": null}]}");
    FactBinder.Result r = FactBinder.bind(CorpusLoader.load(List.of(f)).corpus(), schema);
    assertThat(r.diagnostics()).isEmpty();
    BoundFact b = r.facts().get(0);
    assertThat(b.type().get(b.instance(), "buyer")).isEqualTo("x");
    assertThat(b.type().get(b.instance(), "amount")).isEqualTo(5.0);
    assertThat(b.type().get(b.instance(), "seats")).isEqualTo(2);
    assertThat(b.type().get(b.instance(), "public")).isEqualTo(true);
    assertThat(b.type().get(b.instance(), "count")).isNull();
  }

  @Test
  void anUnknownTypeIsReportedAtTheTypeValue() {
    assertThat(bind("{\"id\": \"f\", \"source\": \"s\", \"type\": \"Dael\"}")).singleElement().satisfies(d -> {
      assertThat(d.location().line()).isEqualTo(3);
      assertThat(d.location().column()).isEqualTo(36);
      assertThat(d.message()).startsWith("unknown fact type \"Dael\": no rule file declares it (declared: Deal)");
    });
  }

  @Test
  void anUnknownFieldIsReportedAtItsValueWithTheDeclaredFields() {
    assertThat(bind(base() + ", \"byer\": \"x\"}")).singleElement().satisfies(d -> {
      assertThat(d.location().column()).isEqualTo(52);
      assertThat(d.message()).isEqualTo("unknown field \"byer\" for type Deal (fields: buyer, amount, seats, public, count)");
    });
  }

  @Test
  void valuesOfTheWrongTypeAreNotCoerced() {
    assertThat(bind(base() + ", \"buyer\": 7}")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("field \"buyer\" of Deal is a string, not an integer"));
    assertThat(bind(base() + ", \"amount\": \"5\"}")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("field \"amount\" of Deal is a number, not a string"));
    assertThat(bind(base() + ", \"seats\": 2.5}")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("field \"seats\" of Deal is an integer, not a decimal number"));
    assertThat(bind(base() + ", \"public\": \"yes\"}")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("field \"public\" of Deal is a boolean, not a string"));
    assertThat(bind(base() + ", \"seats\": null}")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("field \"seats\" of Deal is an integer, not null"));
  }
}
