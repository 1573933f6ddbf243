package dev.thesis.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.junit.jupiter.api.Test;

class FileScanTest {
  private static List<String> refused(String drl) {
    return SafeMode.scanSources(List.of(new SafeMode.Source("r.drl", drl))).stream()
        .map(
            d ->
                d.location().line()
                    + ":"
                    + d.location().column()
                    + " "
                    + d.message()
                        .substring(
                            0,
                            Math.min(
                                d.message().length(),
                                d.message().indexOf(" is ") > 0
                                    ? d.message().indexOf(" is ")
                                    : 40)))
        .toList();
  }

  @Test
  void everyConstructOfAFileIsReadAndCleanOnesPass() {
    assertThat(
            refused(
                """
        package clean;
        dialect "mvel"
        import java.util.List;
        import java.util.*;
        import clean.Firm;
        global java.util.List seen;

        declare Firm
            name : String @key
            Label : String   // a capitalized field name, where it is declared, is a field name
            since : java.time.LocalDate
        end
        declare Bank extends Firm end
        declare enum Colour
            RED( "r" ), GREEN( "g" );
            code : String
        end
        declare trait Named name : String end
        declare entry-point Arrivals end
        declare window Latest Firm( ) over window:length( 2 ) end

        function int size(List xs) {
            return xs == null ? 0 : xs.size();
        }

        query Named( String n )
            Firm( name == n )
        end

        rule Base
        when
            Firm( )
        then
        end

        rule "derived" extends Base
            salience 10
            no-loop true
            enabled true
        when
            $f : Firm( $n : name, since.isAfter( LocalDate.of( 2020, 1, 1 ) ) )
            Named( $n ; )
            $c : Number( ) from accumulate( Firm( ) from window Latest, count( 1 ) )
            Firm( ) from entry-point Arrivals
        then
            modify( $f ) { setName( $n + Colour.RED.getCode() ) };
        end
        """))
        .isEmpty();
  }

  @Test
  void textOutsideEveryConstructIsRefusedOncePerStretch() {
    assertThat(refused("package p;\nunit Some.Unit;\n\nrule \"r\" when then end\n"))
        .containsExactly("2:1 safe mode cannot tell what \"unit\" belongs to: it");
  }

  @Test
  void importsAreJudgedByKind() {
    assertThat(
            refused(
                """
        package p;
        import java.time.*;
        import java.util.Map.Entry;
        import java.util.concurrent.*;
        import com.acme.*;
        import static java.lang.Math.max;
        import accumulate org.acme.Median median;
        import javax.script.ScriptEngineManager;
        """))
        .containsExactly(
            "4:8 import java.util.concurrent.*",
            "5:8 import com.acme.*",
            "6:8 import function java.lang.Math.max",
            "7:8 import accumulate org.acme.Median",
            "8:8 javax.script.ScriptEngineManager");
  }

  @Test
  void aDeclaredNameTakenForAJdkClassIsRefused() {
    assertThat(
            refused(
                """
        package p;
        declare Timer name : String end
        declare Process end
        declare Deal name : String end
        declare enum Kind Thread, FORK; end
        function void Runnable() { }
        rule "r" when then Runnable(); end
        """))
        .containsExactly("3:9 declare Process", "5:19 java.lang.Thread", "7:20 java.lang.Runnable");
    // Timer is java.util.Timer only where java.util.* is imported; a declared name holds in every
    // file.
    assertThat(
            SafeMode.scanSources(
                List.of(
                    new SafeMode.Source("a.drl", "package a;\ndeclare Timer end\n"),
                    new SafeMode.Source("b.drl", "package b;\nimport java.util.*;\n"))))
        .extracting(d -> d.location().toString())
        .containsExactly("a.drl:2:9");
    assertThat(refused("package a;\ndeclare Timer end\n")).isEmpty();
  }

  /** A known limit: outside its declaration, a capitalized name is read as a type. */
  @Test
  void capitalizedGlobalsAndEntryPointsAreNamesButNotForAJdkClass() {
    assertThat(
            refused(
                """
        package p;
        global java.util.List Results;
        global java.util.List Runtime;
        declare entry-point Arrivals end
        rule r when
            String( ) from entry-point Arrivals
            String( ) from entry-point Departures
        then
            Results.add( 1 ); Runtime.getRuntime();
        end
        """))
        .containsExactly("9:23 java.lang.Runtime");
  }

  @Test
  void aQueryCallTakesOnlyVariablesLiteralsAndNames() {
    assertThat(
            refused(
                """
        package p;
        query q( String $a, int $b ) String( this == $a ) end
        query "quoted" String( ) end
        rule r when
            $s : String( )
            q( $s, 1; ) ?q( "a", -2; ) q( out, null; )
            q( $s.trim(), 1 ) q( new String( "x" ), $b ) q( String, 3 ) q( ( $s ), 1 )
        then
            q( $s.trim(), 1 );
        end
        query r2( String $a ) q( $a.trim(), 1; ) end
        """))
        .containsExactly(
            "7:8 this argument of query q",
            "7:26 this argument of query q",
            "7:53 String",
            "7:68 this argument of query q",
            "11:26 this argument of query q");
  }

  @Test
  void aCapitalizedFieldNameInAConstraintIsReadAsAType() {
    assertThat(
            refused(
                "package p;\ndeclare Firm Label : String end\nrule \"r\" when Firm( Label != null ) then end\n"))
        .containsExactly("3:21 Label");
  }

  @Test
  void aDeclarationOfAClassElsewhereIsRefused() {
    assertThat(refused("package p;\ndeclare com.acme.Thing end\n"))
        .containsExactly("2:9 declare com.acme.Thing");
  }

  @Test
  void locationsCountCharactersOnLinesEndedAnyWay() {
    assertThat(refused("package p;\r\nrule \"r\" when then\r\n  x(); System.exit( 0 );\r\nend\r\n"))
        .containsExactly("3:8 java.lang.System");
  }

  @Test
  void anImportHoldingMoreThanAnImportIsNotTakenOnTrust() {
    String text = "package p;\nimport java.util.List; Runtime.getRuntime();\n";
    PackageDescr pkg = new PackageDescr("p");
    ImportDescr imp = new ImportDescr("java.util.List");
    imp.setStartCharacter(text.indexOf("import"));
    imp.setEndCharacter(text.indexOf(";", text.indexOf("Runtime")));
    pkg.addImport(imp);
    Allowlist allow = new Allowlist(Map.of(), Set.of(), Set.of("p"));
    assertThat(new FileScan(new SafeMode.Source("r.drl", text), pkg, allow).run())
        .extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.message())
        .singleElement()
        .asString()
        .startsWith("2:22 safe mode cannot check this import: \";\" is no part of one");
  }

  @Test
  void aConstructTheParserCouldNotPlaceIsRefused() {
    PackageDescr pkg = new PackageDescr("p");
    RuleDescr rule = new RuleDescr("made in memory");
    rule.setLhs(new AndDescr());
    rule.setConsequence("System.exit( 0 );");
    pkg.addRule(rule);
    SafeMode.Source source = new SafeMode.Source("r.drl", "package p;\n");
    Allowlist allow = new Allowlist(Map.of(), Set.of(), Set.of("p"));
    assertThat(new FileScan(source, pkg, allow).run())
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .startsWith("safe mode cannot place this rule in the file");
  }
}
