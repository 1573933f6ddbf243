package dev.thesis.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

/**
 * What thesis relies on in Drools' internals, checked directly against the engine: rerun these on a
 * Drools upgrade before anything else. Each test names the behaviour; a failure says which internal
 * moved.
 */
class DroolsContractTest {
  private static final String DRL =
      """
      package contract;
      declare Item  name : String  group : String end
      declare Pair  a : String @key  b : String @key end
      declare Count group : String  n : long end
      declare Len   n : int end
      rule "pairs in a group"
      when
        $x : Item( $g : group )
        $y : Item( group == $g, name > $x.name )
      then
        insertLogical( new Pair( $x.getName(), $y.getName() ) );
      end
      rule "a and b pair up"
      when
        $x : Item( name == "a" )
        $y : Item( name == "b" )
      then
        insertLogical( new Pair( $x.getName(), $y.getName() ) );
      end
      rule "count a group"
      when
        $i : Item( name == "a", $g : group )
        $n : Number( ) from accumulate( Item( group == $g ), count( 1 ) )
      then
        insertLogical( new Count( $g, $n.longValue() ) );
      end
      rule "name length"
      when
        Item( name == "boom", $l : group.length() > 0 )
      then
        insertLogical( new Len( $l ) );
      end
      query "items" $i : Item( ) end
      """;

  private static KieBase build(String drl) {
    DrlBuild.Outcome o =
        DrlBuild.build(List.of(new DrlBuild.Source("/contract/contract.drl", drl)));
    assertThat(o.messages()).noneMatch(DrlBuild.Message::error);
    return DrlBuild.assemble(o.packages(), null);
  }

  private static Object item(KieBase kbase, String name, String group) throws Exception {
    FactType t = kbase.getFactType("contract", "Item");
    Object o = t.newInstance();
    t.set(o, "name", name);
    t.set(o, "group", group);
    return o;
  }

  @Test
  void everyJustificationOfAnEqualConclusionIsInItsBeliefSetWithTheMatchedObjects()
      throws Exception {
    KieBase kbase = build(DRL);
    KieSession s = kbase.newKieSession();
    Object a = item(kbase, "a", "g");
    Object b = item(kbase, "b", "g");
    Object c = item(kbase, "c", "h");
    s.insert(a);
    s.insert(b);
    s.insert(c);
    s.fireAllRules();
    List<TruthMaintenance.Justified> read = TruthMaintenance.read(s);
    TruthMaintenance.Justified pair =
        read.stream()
            .filter(j -> j.object().getClass().getSimpleName().equals("Pair"))
            .findFirst()
            .orElseThrow();
    // Two rules derive an equal Pair(a, b): one logical fact, both matches in its belief set.
    assertThat(read)
        .filteredOn(j -> j.object().getClass().getSimpleName().equals("Pair"))
        .hasSize(1);
    assertThat(pair.supports(true))
        .extracting(sup -> sup.rule().getName())
        .containsExactlyInAnyOrder("pairs in a group", "a and b pair up");
    assertThat(pair.supports(true))
        .filteredOn(sup -> sup.rule().getName().equals("pairs in a group"))
        .singleElement()
        .satisfies(
            sup -> {
              assertThat(sup.matched()).containsExactly(a, b);
              assertThat(sup.declarations()).containsEntry("$g", "g").containsEntry("$x", a);
            });
    s.dispose();
  }

  @Test
  void anAccumulatesInputsHangOffItsTupleNotItsMatchObjects() throws Exception {
    KieBase kbase = build(DRL);
    KieSession s = kbase.newKieSession();
    Object a = item(kbase, "a", "g");
    Object b = item(kbase, "b", "g");
    s.insert(a);
    s.insert(b);
    s.insert(item(kbase, "c", "other"));
    s.fireAllRules();
    TruthMaintenance.Justified count =
        TruthMaintenance.read(s).stream()
            .filter(j -> j.object().getClass().getSimpleName().equals("Count"))
            .findFirst()
            .orElseThrow();
    assertThat(count.supports(false))
        .singleElement()
        .satisfies(
            sup -> {
              assertThat(sup.accumulated()).containsExactlyInAnyOrder(a, b);
              assertThat(sup.declarations()).isEmpty();
            });
    s.dispose();
  }

  @Test
  void aRetractedPremiseTakesItsConclusionOutOfTheBeliefSets() throws Exception {
    KieBase kbase = build(DRL);
    KieSession s = kbase.newKieSession();
    var handle = s.insert(item(kbase, "a", "g"));
    s.insert(item(kbase, "b", "g"));
    s.fireAllRules();
    assertThat(TruthMaintenance.read(s)).isNotEmpty();
    s.delete(handle);
    s.fireAllRules();
    assertThat(TruthMaintenance.read(s)).isEmpty();
    s.dispose();
  }

  @Test
  void aFailingConstraintNamesItsRuleAndMvelsErrorInTheMessageText() throws Exception {
    KieBase kbase = build(DRL);
    KieSession s = kbase.newKieSession();
    s.insert(item(kbase, "boom", null));
    assertThatThrownBy(s::fireAllRules)
        .isInstanceOfSatisfying(
            RuntimeException.class,
            e -> {
              assertThat(EngineMessages.ruleName(e)).contains("name length");
              assertThat(EngineMessages.reason(e)).isNotBlank().doesNotContain("\n");
            });
    s.dispose();
  }

  @Test
  void buildErrorsComeAsMessagesWithTheFileAndALine() {
    DrlBuild.Outcome o =
        DrlBuild.build(
            List.of(
                new DrlBuild.Source(
                    "/contract/bad.drl",
                    """
        package contract;
        declare Item name : String end
        rule "bad"
        when
          Item( nosuch == 1 )
        then
        end
        """)));
    assertThat(o.messages())
        .filteredOn(DrlBuild.Message::error)
        .first()
        .satisfies(
            m -> {
              assertThat(m.sourcePath()).isEqualTo("/contract/bad.drl");
              assertThat(m.lines()).isNotEmpty();
              assertThat(m.text()).contains("nosuch");
            });
  }

  /**
   * ConsequenceProblems reads the Java dialect's generated sources (a private field) and finds the
   * consequence behind the preamble's last line; if either changes, the mapping falls back to the
   * rule's line and this fails.
   */
  @Test
  void aConsequencesJavaErrorsComeApartAtTheirOwnLinesAndColumns() {
    DrlBuild.Outcome o =
        DrlBuild.build(
            List.of(
                new DrlBuild.Source(
                    "/contract/java.drl",
                    """
        package contract;
        declare Item name : String end
        rule "two mistakes"
        when
          Item( $n : name )
        then
          int k = $n.lenght();
          String s = 1;
        end
        """)));
    List<DrlBuild.Message> errors = o.messages().stream().filter(DrlBuild.Message::error).toList();
    // Line 7 `  int k = $n.lenght();`: lenght starts at column 14; line 8 `  String s = 1;`: the 1
    // at column 14 too.
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).lines()).containsExactly(7);
    assertThat(errors.get(0).column()).isEqualTo(14);
    assertThat(errors.get(0).text()).contains("lenght()").doesNotContain("Rule_");
    assertThat(errors.get(1).lines()).containsExactly(8);
    assertThat(errors.get(1).column()).isEqualTo(14);
    assertThat(errors.get(1).text()).contains("Type mismatch");
  }

  @Test
  void packagesWrittenAndReadBackWithTheirTypeClassesMakeTheSameKnowledgeBase() throws Exception {
    DrlBuild.Outcome o =
        DrlBuild.build(List.of(new DrlBuild.Source("/contract/contract.drl", DRL)));
    assertThat(o.generatedClasses()).isNotEmpty();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PackageStreams.write(bytes, o.packages());
    ClassLoader loader =
        PackageStreams.classLoader(getClass().getClassLoader(), o.generatedClasses());
    var read =
        PackageStreams.read(new ByteArrayInputStream(bytes.toByteArray()), loader).orElseThrow();
    KieBase kbase = DrlBuild.assemble(read, loader);
    KieSession s = kbase.newKieSession();
    s.insert(item(kbase, "a", "g"));
    s.insert(item(kbase, "b", "g"));
    // Pair(a, b) twice (two rules) and one count for group g.
    assertThat(s.fireAllRules()).isEqualTo(3);
    s.dispose();
    assertThat(PackageStreams.engineVersion()).startsWith("10.");
  }

  @Test
  void aQueryIsToldApartFromARule() {
    KieBase kbase = build(DRL);
    var rules = kbase.getKiePackage("contract").getRules();
    assertThat(rules)
        .filteredOn(DrlBuild::isQuery)
        .extracting(r -> r.getName())
        .containsExactly("items");
    assertThat(rules).filteredOn(r -> !DrlBuild.isQuery(r)).hasSize(4);
  }
}
