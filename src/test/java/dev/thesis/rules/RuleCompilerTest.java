package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.schema.DeclaredType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
  @TempDir Path dir;

  private static final String TYPES =
      """
      package t;
      declare Investment
          investor : String
          investee : String
      end
      declare Backed
          company : String @key
      end
      """;

  @Test
  void compilesRulesWithTheirMetadataAndLines() {
    Fixtures.write(dir, "a.drl", TYPES);
    Fixtures.write(
        dir,
        "b.drl",
        """
        package t;

        rule "Backing" @thesis("x") @stance("opposes") @strength(0.25)
        when
            Investment( $c : investee )
        then
            insertLogical( new Backed( $c ) );
        end
        """);
    RuleCompiler.Result r = dev.thesis.Fixtures.compile(dir);
    assertThat(r.diagnostics()).isEmpty();
    RuleInfo rule = r.ruleSet().rules().get(0);
    assertThat(rule.name()).isEqualTo("Backing");
    assertThat(rule.location().file()).isEqualTo(DisplayPath.of(dir.resolve("b.drl")));
    assertThat(rule.location().line()).isEqualTo(3);
    assertThat(rule.thesis()).isEqualTo("x");
    assertThat(rule.stance()).isEqualTo(Stance.OPPOSES);
    assertThat(rule.strength()).isEqualTo(0.25);
    assertThat(r.ruleSet().schema().type("Backed").orElseThrow().identity())
        .extracting(DeclaredType.Field::name)
        .containsExactly("company");
    assertThat(r.ruleSet().schema().type("Investment").orElseThrow().location().line())
        .isEqualTo(2);
  }

  @Test
  void aMistypedFieldIsReportedOnceAtTheWordWithTheKnownFields() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;
        rule "r"
        when
            Investment( invester == "x" )
        then
        end
        rule "s"
        when
            Backed( )
        then
        end
        """);
    RuleCompiler.Result r = dev.thesis.Fixtures.compile(dir);
    assertThat(r.ruleSet()).isNull();
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":4:17");
              assertThat(d.message())
                  .isEqualTo(
                      "Investment has no field \"invester\" (fields: investor, investee);"
                          + " did you mean \"investee\" or \"investor\"?");
            });
  }

  @Test
  void aMistypedFieldInABindingIsOneErrorWithoutItsFollowOns() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;
        rule "r"
        when
            Investment( $who : investr )
            Backed( company == $who )
        then
            insertLogical( new Backed( $who ) );
        end
        """);
    assertThat(dev.thesis.Fixtures.compile(dir).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":4:24");
              assertThat(d.message())
                  .isEqualTo(
                      "Investment has no field \"investr\" (fields: investor, investee); did you mean \"investor\"?,"
                          + " so $who is not bound");
            });
  }

  @Test
  void anUnclosedParenthesisIsReportedAloneWhereItOpens() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;
        rule "r"
        when
            Investment( investor == "x"
        then
        end
        """);
    RuleCompiler.Result r = dev.thesis.Fixtures.compile(dir);
    assertThat(r.ruleSet()).isNull();
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              // The parser stops at "then" (5:1); the mistake is the "(" at 4:15, never closed.
              assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":4:15");
              assertThat(d.message())
                  .isEqualTo("unclosed \"(\": its \")\" is missing before \"then\" on line 5");
            });
  }

  @Test
  void aRuleWithoutEndIsReportedAtTheRule() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;
        rule "r"
        when
            Investment( investor == "x" )
        then
            insertLogical( new Backed( "y" ) );
        edn
        """);
    RuleCompiler.Result r = dev.thesis.Fixtures.compile(dir);
    assertThat(r.ruleSet()).isNull();
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":2:1");
              assertThat(d.message())
                  .isEqualTo("rule \"r\" is not closed: the file ends before its \"end\"");
            });
  }

  @Test
  void textAfterTheLastRuleIsReportedWhereItIs() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;
        rule "r"
        when
            Investment( )
        then
        end

        Investment( oops
        """);
    assertThat(dev.thesis.Fixtures.compile(dir).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":8:1");
              assertThat(d.message()).startsWith("unexpected text after the end of rule \"r\"");
            });
  }

  @Test
  void aRuleWithoutEndBeforeTheNextRuleIsReportedAtTheRule() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;
        rule "open"
        when
            Investment( )
        then

        rule "next"
        when
            Investment( )
        then
        end
        """);
    assertThat(dev.thesis.Fixtures.compile(dir).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":2:1");
              assertThat(d.message())
                  .isEqualTo(
                      "rule \"open\" is not closed: no \"end\" before the next rule or declaration");
            });
  }

  @Test
  void aDeclarationExtendingAnUndeclaredTypeIsAnErrorAtTheName() {
    Path a =
        Fixtures.write(
            dir, "a.drl", TYPES + "declare Bank extends Nope\n    licence : String\nend\n");
    RuleCompiler.Result r = dev.thesis.Fixtures.compile(dir);
    assertThat(r.ruleSet()).isNull();
    // TYPES is 8 lines; "declare Bank extends " is 21 characters, so Nope is at 9:22.
    assertThat(only(r.diagnostics()))
        .isEqualTo(
            DisplayPath.of(a)
                + ":9:22 Nope is not declared: thesis sees only types declared in DRL");
  }

  @Test
  void anUnboundVariableIsNamed() {
    Fixtures.write(dir, "a.drl", TYPES);
    Fixtures.write(
        dir,
        "b.drl",
        """
        package t;
        rule "r"
        when
            Investment( $who : investor )
            Backed( company == $whom )
        then
        end
        """);
    assertThat(dev.thesis.Fixtures.compile(dir).diagnostics())
        .extracting(Diagnostic::message)
        .contains("$whom is not bound in this rule (no pattern binds it)");
  }

  @Test
  void aConsequenceErrorIsAtItsTokenInEitherMode() {
    Fixtures.write(dir, "a.drl", TYPES);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package t;

        rule "r"
        when
            Investment( $c : investee )
        then
            insertLogical( new Bakced( $c ) );
        end
        """);
    // Line 7 is the consequence; "    insertLogical( new " is 23 characters, so Bakced is at 24.
    for (var scan : dev.thesis.safemode.Scan.values()) {
      assertThat(RuleCompiler.compile(dir, CompiledRulesCache.disabled(), scan).diagnostics())
          .as(scan.name())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.location().toString()).isEqualTo(DisplayPath.of(b) + ":7:24");
                assertThat(d.message()).isEqualTo("unknown type Bakced; did you mean Backed?");
                assertThat(d.code()).isEqualTo("unknown-type");
              });
    }
  }

  /** Compiles with safe mode off: these are the Java compiler's findings, not safe mode's. */
  private java.util.List<Diagnostic> trusted() {
    return RuleCompiler.compile(dir, CompiledRulesCache.disabled(), dev.thesis.safemode.Scan.OFF)
        .diagnostics();
  }

  /** Writes the shared types and a rule file; returns the rule file. */
  private Path rules(String drl) {
    Fixtures.write(dir, "a.drl", TYPES);
    return Fixtures.write(dir, "b.drl", drl);
  }

  /** The one diagnostic, as "file:line:col message". */
  private static String only(java.util.List<Diagnostic> diagnostics) {
    assertThat(diagnostics).hasSize(1);
    return diagnostics.get(0).location() + " " + diagnostics.get(0).message();
  }

  @Test
  void aMissingSemicolonInAConsequenceIsJustAfterTheStatement() {
    Path b =
        rules(
            """
        package t;
        rule "r"
        when
            Investment( $c : investee )
        then
            String s = $c
            insertLogical( new Backed( s ) );
        end
        """);
    // Line 6: "    String s = $c" ends at column 17; the ";" belongs at 18.
    assertThat(only(trusted())).isEqualTo(DisplayPath.of(b) + ":6:18 missing \";\" after this");
  }

  @Test
  void eachJavaErrorInAConsequenceIsOneMessageAtItsOwnLine() {
    Path b =
        rules(
            """
        package t;
        rule "r"
        when
            Investment( $c : investee )
        then
            int n = $c.lenght();
          String s = 3;
        end
        """);
    // "    int n = $c." is 15 characters (lenght at 16); "  String s = " is 13 (3 at 14).
    assertThat(trusted())
        .extracting(d -> d.location() + " " + d.message())
        .containsExactly(
            DisplayPath.of(b) + ":6:16 The method lenght() is undefined for the type String",
            DisplayPath.of(b) + ":7:14 Type mismatch: cannot convert from int to String");
  }

  @Test
  void aConstructorGivenTheWrongArgumentsListsTheDeclaredFieldsInOrder() {
    Path b =
        rules(
            """
        package t;
        rule "r"
        when
            Investment( $c : investee )
        then
            insertLogical( new Investment( $c ) );
        end
        """);
    // "    insertLogical( " is 19 characters: the `new` is at 20.
    assertThat(only(trusted()))
        .isEqualTo(
            DisplayPath.of(b)
                + ":6:20 Investment takes 2 arguments (investor, investee), in declaration order;"
                + " given 1");
  }

  @Test
  void aRuleUnitIsOneErrorAtItsUnitLine() {
    Path b =
        rules(
            """
        package t;
        unit Things;

        rule "r" when
            $s : /strings[ this == "x" ]
        then
        end
        """);
    for (var scan : dev.thesis.safemode.Scan.values()) {
      assertThat(only(RuleCompiler.compile(dir, CompiledRulesCache.disabled(), scan).diagnostics()))
          .as(scan.name())
          .isEqualTo(
              DisplayPath.of(b)
                  + ":2:1 unit Things: thesis does not run rule units; match declared types in"
                  + " plain rules instead");
    }
  }

  @Test
  void aGlobalIsOneErrorAtItsLineWithoutTheErrorsOfItsUses() {
    Path b =
        rules(
            """
        package t;

        global com.example.Ui ui;

        rule "r"
            dialect "mvel"
        when
            Investment( $c : investee )
        then
            ui.repaint( $c );
        end
        """);
    for (var scan : dev.thesis.safemode.Scan.values()) {
      assertThat(only(RuleCompiler.compile(dir, CompiledRulesCache.disabled(), scan).diagnostics()))
          .as(scan.name())
          .isEqualTo(
              DisplayPath.of(b)
                  + ":3:1 global ui: thesis sets no globals, so ui would be null when a rule uses"
                  + " it (derive facts of a declared type instead)");
    }
  }

  @Test
  void badThesisMetadataIsAnError() {
    Fixtures.write(
        dir,
        "a.drl",
        TYPES
            + """
        rule "no stance" @thesis("x")
        when Investment() then end
        rule "odd stance" @thesis("x") @stance("favours")
        when Investment() then end
        rule "strong" @thesis("x") @stance("supports") @strength(1.5)
        when Investment() then end
        """);
    assertThat(dev.thesis.Fixtures.compile(dir).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactlyInAnyOrder(
            "rule \"no stance\": @thesis needs @stance(\"supports\") or @stance(\"opposes\")",
            "rule \"odd stance\": @stance must be \"supports\" or \"opposes\", not \"favours\"",
            "rule \"strong\": @strength must be a number in [0,1], not 1.5");
  }

  @Test
  void aMissingOrEmptyFolderIsAnError() {
    assertThat(dev.thesis.Fixtures.compile(dir.resolve("none")).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("no such rules folder");
    assertThat(dev.thesis.Fixtures.compile(dir).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("no .drl files in this folder");
  }
}
