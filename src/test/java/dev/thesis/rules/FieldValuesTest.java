package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.schema.DeclaredType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @values("a", "b")} on a declared field: read into the schema, and checked. */
class FieldValuesTest {

  @Test
  void theAllowedValuesArePartOfTheSchemaInTheOrderWritten() {
    RuleCompiler.Result r =
        Fixtures.compile(Path.of("src/test/resources/bad/value-not-in-values/rules"));
    DeclaredType purchase = r.ruleSet().schema().type("Purchase").orElseThrow();
    assertThat(purchase.field("scale").orElseThrow().values())
        .containsExactly("primary", "secondary");
    assertThat(purchase.field("buyer").orElseThrow().restricted()).isFalse();
  }

  @Test
  void valuesOnAFieldThatIsNoStringAreRefusedAtTheAnnotation(@TempDir Path dir) {
    Fixtures.write(
        dir,
        "rules/t.drl",
        """
        package v;
        declare Purchase
            buyer : String @key
            units : int @values("1", "2")
            scale : String @values(low, high)
        end
        """);
    RuleCompiler.Result r = Fixtures.compile(dir.resolve("rules"));
    assertThat(r.diagnostics())
        .extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.message())
        .containsExactly(
            "4:17 @values restricts String fields only; Purchase.units is int",
            "5:20 @values takes string literals, as in @values(\"low\", \"high\")");
    assertThat(r.diagnostics()).allMatch(Diagnostic::isError);
  }

  @Test
  void everyFormOfComparisonIsChecked(@TempDir Path dir) {
    Fixtures.write(
        dir,
        "rules/t.drl",
        """
        package v;
        declare Purchase
            scale : String @values("low", "high")
        end
        rule "r"
        when
            Purchase( "hgh" == scale, scale in ("low", "hi"), scale == "low" || == "lo" )
            not Purchase( scale != "mid" )
        then
        end
        """);
    RuleCompiler.Result r = Fixtures.compile(dir.resolve("rules"));
    assertThat(r.diagnostics())
        .extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.code())
        .containsExactly(
            "7:15 not-in-values", "7:48 not-in-values", "7:76 not-in-values", "8:28 not-in-values");
  }
}
