package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.inputs.Inputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graph's verdicts without some facts must be the engine's, wherever the graph claims to
 * answer.
 */
class JustificationGraphTest {

  static java.util.stream.Stream<Inputs> corpora() {
    return CriticalEvidenceTest.corpora();
  }

  @ParameterizedTest
  @MethodSource("corpora")
  void answersAsTheEngineDoesForEverySingleFactAndManyPairs(Inputs in) throws Exception {
    try (LiveEvaluation live = LiveEvaluation.start(in, dev.thesis.Fixtures.evaluator())) {
      EvaluationResult base = live.result();
      Counterfactuals counterfactuals = new Counterfactuals(live, base);
      List<String> ids = in.facts().stream().map(f -> f.record().id()).toList();
      for (int i = 0; i < ids.size(); i++) {
        // Every single fact, and each fact with the three after it.
        for (int j = i; j < Math.min(ids.size(), i + 4); j++) {
          List<String> gone = i == j ? List.of(ids.get(i)) : List.of(ids.get(i), ids.get(j));
          assertThat(counterfactuals.verdictsWithout(gone))
              .as("without " + gone)
              .isEqualTo(counterfactuals.engineVerdictsWithout(gone));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("corpora")
  void theGraphAnswersOnlyForFactsNoRuleTestsAndOnlyWhenRulesJustConclude(Inputs in)
      throws Exception {
    EvaluationResult base = dev.thesis.Fixtures.evaluator().evaluate(in);
    CriticalEvidence.Tests tests = CriticalEvidence.Tests.of(base);
    JustificationGraph graph = new JustificationGraph(base, tests.facts(), tests.anything());
    for (var f : in.facts()) {
      boolean tested = tests.anything() || tests.facts().contains(f.record().id());
      assertThat(graph.needsEngine(f.record().id())).as(f.record().id()).isEqualTo(tested);
    }
  }

  @org.junit.jupiter.api.Test
  void onlyRulesThatJustConcludeLetTheGraphAnswer(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("r.drl"),
        """
        package p;
        declare A  x : String @key end
        declare B  x : String @key end
        rule "concludes"   when A( $x : x ) then insertLogical( new B( $x ) ); end
        rule "states"      when A( $x : x ) then insert( new B( $x + "!" ) ); end
        rule "modifies"    when $a : A( x == "m" ) then modify( $a ) { setX( "n" ) }; end
        rule "grouped" activation-group "g" when A( $x : x ) then insertLogical( new B( $x + "?" ) ); end
        rule "ordered" salience 10 when A( $x : x ) then
            // insert( new B( "in a comment" ) ) is no insert
            insertLogical( new B( $x + "." ) );
        end
        """);
    var compiled =
        dev.thesis.rules.RuleCompiler.compile(
            dir, dev.thesis.rules.CompiledRulesCache.disabled(), dev.thesis.safemode.Scan.ENFORCE);
    assertThat(compiled.diagnostics()).isEmpty();
    Map<String, Boolean> pure = new HashMap<>();
    compiled.ruleSet().book().shapes().forEach(r -> pure.put(r.name(), r.onlyConcludes()));
    assertThat(pure)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "concludes",
                true,
                "states",
                false,
                "modifies",
                false,
                "grouped",
                false,
                "ordered",
                true));
  }

  private static EvaluationResult evaluate(Path dir, String rules, String facts) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("facts"));
    Files.writeString(dir.resolve("rules/r.drl"), rules);
    Files.writeString(
        dir.resolve("facts/f.json"),
        "{\"sources\": [{\"id\": \"s\", \"text\": \"t\"}], \"theses\": [],"
            + " \"facts\": ["
            + facts
            + "]}");
    return dev.thesis.Fixtures.evaluator()
        .evaluate(Fixtures.load(dir.resolve("rules"), dir.resolve("facts")));
  }

  private static final String TYPES =
      """
      package q;
      declare Evidence  topic : String @key end
      declare Claim     topic : String @key end
      declare StrongClaim extends Claim end
      declare Gap       topic : String @key end
      """;

  @org.junit.jupiter.api.Test
  void aTestOnATypeThatRulesDeriveASubtypeOfLeavesEverythingToTheEngine(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    EvaluationResult r =
        evaluate(
            dir,
            TYPES
                + """
        rule "strong" when Evidence( $t : topic ) then insertLogical( new StrongClaim( $t ) ); end
        rule "gap" when Evidence( $t : topic ) not q.Claim( topic == $t ) then insertLogical( new Gap( $t ) ); end
        """,
            "{\"id\": \"e1\", \"type\": \"Evidence\", \"source\": \"s\", \"topic\": \"x\"}");
    CriticalEvidence.Tests tests = CriticalEvidence.Tests.of(r);
    assertThat(tests.anything()).as("not Claim sees the StrongClaim rules derive").isTrue();
    assertThat(new JustificationGraph(r, tests.facts(), tests.anything()).needsEngine("e1"))
        .isTrue();
  }

  @org.junit.jupiter.api.Test
  void queriesOrStatedFactsOfAConcludedTypeLeaveEverythingToTheEngine(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String evidence =
        "{\"id\": \"e1\", \"type\": \"Evidence\", \"source\": \"s\", \"topic\": \"x\"}";
    EvaluationResult plain =
        evaluate(
            dir.resolve("plain"),
            TYPES
                + """
        rule "claim" when Evidence( $t : topic ) then insertLogical( new Claim( $t ) ); end
        """,
            evidence);
    assertThat(new JustificationGraph(plain, List.of(), false).needsEngine("e1"))
        .as("the control")
        .isFalse();
    EvaluationResult withQuery =
        evaluate(
            dir.resolve("query"),
            TYPES
                + """
        query covered( String $t ) Evidence( topic == $t ) end
        rule "claim" when Claim( $t : topic ) covered( $t; ) then insertLogical( new Gap( $t ) ); end
        """,
            evidence);
    assertThat(new JustificationGraph(withQuery, List.of(), false).needsEngine("e1")).isTrue();
    EvaluationResult stated =
        evaluate(
            dir.resolve("stated"),
            TYPES
                + """
        rule "claim" when Evidence( $t : topic ) then insertLogical( new Claim( $t ) ); end
        """,
            evidence
                + ", {\"id\": \"c1\", \"type\": \"Claim\", \"source\": \"s\", \"topic\": \"x\"}");
    assertThat(new JustificationGraph(stated, List.of(), false).needsEngine("e1")).isTrue();
  }
}
