package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouped justifications, compact drawing, --depth, and what none of it may lose. */
class CompactExplanationsTest {

  private static final String DRL =
      """
      package g;
      declare Rival  a : String  b : String end
      declare Stake  investor : String  investee : String end
      declare Ban    who : String end
      declare Hedge  investor : String @key end
      rule "Backs both sides"
      when
          Rival( $a : a, $b : b )
          Stake( $i : investor, investee == $a )
          Stake( investor == $i, investee == $b )
          not Ban( who == $i )
      then
          insertLogical( new Hedge( $i ) );
      end
      """;

  // Two stakes of big in x, one in y: two justifications sharing r1 and s3.
  private static final String FACTS =
      """
      {"sources": [{"id": "src", "text": "Big backs x twice and y once; x and y compete."}],
       "facts": [
        {"id": "r1", "type": "Rival", "source": "src", "a": "x", "b": "y"},
        {"id": "s1", "type": "Stake", "source": "src", "confidence": 0.9, "investor": "big", "investee": "x"},
        {"id": "s2", "type": "Stake", "source": "src", "confidence": 0.5, "investor": "big", "investee": "x"},
        {"id": "s3", "type": "Stake", "source": "src", "investor": "big", "investee": "y"}
       ]}
      """;

  @Test
  void justificationsOfOneRuleAreGroupedWithTheirSharedPremisesOnce(@TempDir Path dir)
      throws Exception {
    Fixtures.write(dir.resolve("rules"), "g.drl", DRL);
    Fixtures.write(dir.resolve("facts"), "f.json", FACTS);
    EvaluationResult r =
        Fixtures.evaluator().evaluate(Fixtures.load(dir.resolve("rules"), dir.resolve("facts")));
    ExplanationNode hedge = Explanations.of(r, "hedge:big").orElseThrow();

    ExplanationNode rule = hedge.children().get(0);
    assertThat(hedge.children()).hasSize(1);
    assertThat(rule.kind()).isEqualTo(ExplanationNode.Kind.RULE);
    assertThat(rule.justifications()).isEqualTo(2);
    ExplanationNode common = rule.children().get(0);
    assertThat(common.kind()).isEqualTo(ExplanationNode.Kind.COMMON);
    assertThat(common.children())
        .extracting(ExplanationNode::kind, ExplanationNode::id, ExplanationNode::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ExplanationNode.Kind.FACT, "r1", "Rival(a=x, b=y)"),
            org.assertj.core.groups.Tuple.tuple(
                ExplanationNode.Kind.FACT, "s3", "Stake(investor=big, investee=y)"),
            // The not holds for both, with $i = big in each.
            org.assertj.core.groups.Tuple.tuple(
                ExplanationNode.Kind.CONDITION, null, "no Ban( who == big )"));
    List<ExplanationNode> own = rule.children().subList(1, 3);
    assertThat(own).allMatch(n -> n.kind() == ExplanationNode.Kind.JUSTIFICATION);
    assertThat(own)
        .extracting(n -> n.children().stream().map(ExplanationNode::id).toList())
        .containsExactly(List.of("s1"), List.of("s2"));
    // Strength 1 times the weakest premise: 0.9 with s1 (s3 and r1 are at 1), 0.5 with s2.
    assertThat(own).extracting(ExplanationNode::confidence).containsExactly(0.9, 0.5);
    assertThat(rule.confidence()).isEqualTo(0.9);

    String drl = dir.resolve("rules/g.drl").toString();
    String json = dir.resolve("facts/f.json").toString();
    assertThat(TextTree.render(hedge))
        .isEqualTo(
            "hedge:big  Hedge(investor=big)  [0.90]  {single source: src}\n"
                + "└─ rule \"Backs both sides\" (strength 1.00)  "
                + drl
                + ":6, 2 justifications  [0.90]\n"
                + "   ├─ each rests on: r1 + s3\n"
                + "   │  ├─ fact r1  Rival(a=x, b=y)  "
                + json
                + ":3  [1.00]\n"
                + "   │  │  └─ src: \"Big backs x twice and y once; x and y compete.\"\n"
                + "   │  ├─ fact s3  Stake(investor=big, investee=y)  "
                + json
                + ":6  [1.00]  src (quoted above)\n"
                + "   │  └─ because no Ban( who == big )  "
                + drl
                + ":11\n"
                // Strength 1: each justification's figure is its one premise's, so the premise is
                // drawn on the justification's line; every fact states itself once.
                + "   ├─ · fact s1  Stake(investor=big, investee=x)  "
                + json
                + ":4  [0.90]  src (quoted above)\n"
                + "   └─ · fact s2  Stake(investor=big, investee=x)  "
                + json
                + ":5  [0.50]  src (quoted above)\n");
  }

  @Test
  void aConditionKeepsWhatCannotBeFilledInAsWritten(@TempDir Path dir) throws Exception {
    String drl =
        DRL.replace("not Ban( who == $i )", "not Ban( who == $i, who.length() > 10 )")
            .replace(
                "Rival( $a : a, $b : b )",
                "Rival( $a : a, $b : b )\n    exists Stake( investee == $b )");
    Fixtures.write(dir.resolve("rules"), "g.drl", drl);
    Fixtures.write(dir.resolve("facts"), "f.json", FACTS);
    EvaluationResult r =
        Fixtures.evaluator().evaluate(Fixtures.load(dir.resolve("rules"), dir.resolve("facts")));
    ExplanationNode common =
        Explanations.of(r, "hedge:big").orElseThrow().children().get(0).children().get(0);
    // $b = y is put in; the method call is not read, so it stays as the rule writes it.
    assertThat(common.children())
        .filteredOn(n -> n.kind() == ExplanationNode.Kind.CONDITION)
        .extracting(ExplanationNode::summary, ExplanationNode::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "some Stake( investee == y ) exists", dir.resolve("rules/g.drl") + ":9"),
            org.assertj.core.groups.Tuple.tuple(
                "no Ban( who == big, who.length() > 10 )", dir.resolve("rules/g.drl") + ":12"));
  }

  @Test
  void justificationsSharingOnlyAConditionShowItOnce(@TempDir Path dir) throws Exception {
    String drl =
        DRL.replace(
            """
                Rival( $a : a, $b : b )
                Stake( $i : investor, investee == $a )
                Stake( investor == $i, investee == $b )
            """,
            """
                Stake( $i : investor, investee == "x" )
            """);
    Fixtures.write(dir.resolve("rules"), "g.drl", drl);
    Fixtures.write(dir.resolve("facts"), "f.json", FACTS);
    EvaluationResult r =
        Fixtures.evaluator().evaluate(Fixtures.load(dir.resolve("rules"), dir.resolve("facts")));
    String text = TextTree.render(Explanations.of(r, "hedge:big").orElseThrow());
    // s1 and s2 each justify it alone; only the not is common to both.
    assertThat(text)
        .contains(
            "   ├─ each rests on\n"
                + "   │  └─ because no Ban( who == big )  "
                + dir.resolve("rules/g.drl")
                + ":9\n"
                + "   ├─ · fact s1  Stake(investor=big, investee=x)  ")
        .contains("   └─ · fact s2  Stake(investor=big, investee=x)  ");
  }

  @Test
  void theSeedCorpusTreesNameEveryPremiseOfTheFullDerivation() throws Exception {
    EvaluationResult r = seed();
    for (ThesisVerdict v : r.verdicts()) {
      Set<String> premises = premisesUnder(r, v);
      ExplanationNode tree = Explanations.of(r, v.thesis().id()).orElseThrow();
      Set<String> text = tokens(TextTree.render(tree));
      StringBuilder md = new StringBuilder();
      tree.children().forEach(a -> MarkdownReport.item(a, 0, md));
      Set<String> markdown = tokens(md.toString().replace("`", " "));
      assertThat(text).as("terminal tree of " + v.thesis().id()).containsAll(premises);
      assertThat(markdown).as("Markdown tree of " + v.thesis().id()).containsAll(premises);
    }
  }

  @Test
  void antiOpenAiAllianceFitsAScreenAndItsAgainstBranchListsEachJustificationOnOneLine()
      throws Exception {
    EvaluationResult r = seed();
    String text = TextTree.render(Explanations.of(r, "anti-openai-alliance").orElseThrow());
    // 50 lines, none wider than 200 columns, once quotes are cut as explain cuts them: a
    // full-screen terminal. (Every fact of the 10 justifications is drawn once: 11 facts.)
    String cut = TextTree.render(Explanations.of(r, "anti-openai-alliance").orElseThrow(), 100);
    assertThat(cut.lines().count()).isLessThanOrEqualTo(50);
    assertThat(cut.lines()).allMatch(l -> l.length() <= 200);
    assertThat(text)
        .contains(
            "   └─ rule \"An alliance member takes money from the rival's backers\" (strength 0.50)"
                + "  rules/20-conclude.drl:250, 10 justifications  [0.34]\n"
                + "      ├─ each rests on: common-front:anthropic:google-deepmind:openai"
                + " + s4-openai-leads-market\n"
                + "      ├─ · s1-microsoft-backs-openai + s1-microsoft-invests-anthropic  [0.34]\n")
        .contains("      └─ · s8-sequoia-invests-openai + s8-sequoia-invests-anthropic  [0.34]\n");
    // A fact first seen in a justification is drawn in full below it, its source named when
    // quoted above.
    assertThat(text)
        .contains(
            "      ├─ · s1-microsoft-backs-openai + s1-microsoft-invests-anthropic  [0.34]\n"
                + "      │  ├─ fact s1-microsoft-backs-openai  Investment(investor=microsoft,"
                + " investee=openai, scale=key-backer)  facts/seed-01.json:9  [0.88]  seed-1 (quoted"
                + " above)\n");
    assertThat(text)
        .contains(
            "      ├─ · s1-microsoft-backs-openai + s7-microsoft-funds-anthropic  [0.34]\n"
                + "      │  └─ fact s7-microsoft-funds-anthropic  Investment(investor=microsoft,"
                + " investee=anthropic)  facts/seed-07.json:10  [0.88]\n"
                + "      │     └─ seed-7: \"A new AI");
  }

  @Test
  void depthCutsBelowTheLimitAndSaysWhatItHides() throws Exception {
    EvaluationResult r = seed();
    ExplanationNode cut = Explanations.of(r, "anti-openai-alliance", 1).orElseThrow();
    String text = TextTree.render(cut);
    // Under the for argument's rule (level 1), common-front rests on shared-rival (on rivals x2,
    // two lab facts), its collaboration fact, and two Competes facts under the rivals: 3 rule
    // levels below it, so --depth 1 + 3 shows them all.
    assertThat(text)
        .contains(
            "│     ├─ common-front:anthropic:google-deepmind:openai  CommonFront(labA=anthropic,"
                + " labB=google-deepmind, rival=openai)  [0.68]\n"
                + "│     │  └─ … 9 premises below, --depth 4 to see them\n")
        // Under the against argument it is cut again: named as shown above.
        .contains(
            "      ├─ each rests on: common-front:anthropic:google-deepmind:openai"
                + " + s4-openai-leads-market\n"
                + "      ├─ · s1-microsoft-backs-openai + s1-microsoft-invests-anthropic  [0.34]\n");
    assertThat(Explanations.of(r, "anti-openai-alliance", 0).orElseThrow().children())
        .allSatisfy(
            a ->
                assertThat(a.children())
                    .singleElement()
                    .extracting(ExplanationNode::kind)
                    .isEqualTo(ExplanationNode.Kind.HIDDEN));
    ExplanationNode whole = Explanations.of(r, "anti-openai-alliance", 4).orElseThrow();
    assertThat(whole).isEqualTo(Explanations.of(r, "anti-openai-alliance").orElseThrow());
  }

  @Test
  void aLongQuoteIsCutAtAWordAndKeepsItsPlace() {
    String line =
        "seed-1: \"Despite being key backers of OpenAI, Microsoft invests.\" (a.txt, line 1)";
    assertThat(TextTree.cut(line, 30))
        .isEqualTo("seed-1: \"Despite being key backers of \u2026\" (a.txt, line 1)");
    assertThat(TextTree.cut(line, 200)).isEqualTo(line);
    // No space in reach: cut at the limit.
    assertThat(TextTree.cut("s: \"abcdefghijklmnop\" (o)", 5)).isEqualTo("s: \"abcde \u2026\" (o)");
  }

  private static EvaluationResult seed() throws Exception {
    return Fixtures.evaluator().evaluate(Fixtures.seed());
  }

  /** Every fact and conclusion id the thesis's arguments rest on, at any depth. */
  private static Set<String> premisesUnder(EvaluationResult r, ThesisVerdict v) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    v.arguments().forEach(a -> todo.add(a.conclusion()));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      for (Conclusion c : r.conclusion(id).stream().toList()) {
        for (Justification j : c.justifications()) {
          todo.addAll(j.premises());
        }
      }
    }
    return seen;
  }

  private static Set<String> tokens(String text) {
    return new HashSet<>(List.of(text.split("[\\s+]+")));
  }
}
