package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** `explain` of what is not there: the why-not fixture, worked by hand in WhyNotTest. */
class ExplainWhyNotTest {
  private static final String DIR = "src/test/resources/whynot";
  private static final String RULES = DIR + "/rules/w.drl";
  private static final String FACTS = DIR + "/facts/f.json";

  private static Run explain(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "explain";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--rules";
    all[args.length + 2] = DIR + "/rules";
    all[args.length + 3] = "--facts";
    all[args.length + 4] = DIR + "/facts";
    return Run.of(all);
  }

  @Test
  void aMissingJoinPartnerShowsTheNearestCandidates() {
    Run r = explain("vendor-loop:acme:epsilon");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .isEqualTo(
            "conclusion vendor-loop:acme:epsilon was not derived: VendorLoop(vendor=acme,"
                + " client=epsilon); the one rule that inserts it:\n"
                + "└─ rule \"Money goes round\"  "
                + RULES
                + ":42  new VendorLoop( $v, $c ): did not fire: a condition matches nothing\n"
                + "   ├─ Tie( $v : vendor, $c : client )  "
                + RULES
                + ":44: matched by  (with $v = acme, $c = epsilon)\n"
                + "   │  └─ conclusion tie:acme:epsilon  Tie(vendor=acme, client=epsilon)  derived"
                + " by the rule at "
                + RULES
                + ":34\n"
                + "   ├─ Invests( investor == $v, company == $c )  "
                + RULES
                + ":45: nothing matches  (with $v = acme, $c = epsilon)\n"
                + "   │  ├─ nearest: fact acme-in-delta  Invests(investor=acme, company=delta)  "
                + FACTS
                + ":10: company is delta, needs epsilon\n"
                + "   │  └─ nearest: fact acme-in-gamma  Invests(investor=acme, company=gamma)  "
                + FACTS
                + ":11: company is gamma, needs epsilon\n"
                + "   └─ not Sanction( company == $c )  "
                + RULES
                + ":46: nothing blocks it  (with $c = epsilon)\n");
  }

  @Test
  void aBlockedNotNamesTheBlockingFactAndWhereItIsWritten() {
    Run r = explain("vendor-loop:acme:gamma");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("did not fire: a \"not\" is matched\n")
        .endsWith(
            "   └─ not Sanction( company == $c )  "
                + RULES
                + ":46: blocked by  (with $c = gamma)\n"
                + "      └─ fact gamma-sanctioned  Sanction(company=gamma)  "
                + FACTS
                + ":13\n");
  }

  @Test
  void depthSaysHowManyMissingPremisesAreFollowed() {
    String byDefault = explain("lockin:zeta").out();
    assertThat(byDefault).contains("why not vendor-loop:*:zeta: ").doesNotContain("tie:*:zeta");
    assertThat(explain("lockin:zeta", "--depth", "0").out()).doesNotContain("why not");
    Run deeper = explain("lockin:zeta", "--depth", "2");
    assertThat(deeper.code()).isEqualTo(ExitCodes.OK);
    assertThat(deeper.out())
        .contains("why not tie:*:zeta: Tie(vendor=*, client=zeta); the one rule that inserts it:")
        .contains(
            "nearest: fact beta-cloud  Supplier(name=beta, kind=cloud)  "
                + FACTS
                + ":5: kind is cloud, needs chipmaker\n");
    assertThat(explain("lockin:zeta", "--depth", "-1").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aThesisThatDoesNotStandEndsWithItsNearestMisses() {
    Run r = explain("lockin");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .startsWith(
            "thesis lockin: Vendors lock their clients in: UNSUPPORTED (support 0.00, opposition"
                + " 0.00)  {unchallenged: no rule opposes it}\n"
                + "nearest misses of lockin (UNSUPPORTED): rules arguing for it that did not"
                + " fire\n"
                + "└─ rule \"A loop locks the client in\"  "
                + RULES
                + ":51: did not fire: a condition matches nothing\n")
        .contains(
            "└─ not Sanction( company == $c )  " + RULES + ":46: blocked by  (with $c = gamma)");
  }

  @Test
  void jsonIsTheSameAnswerAsData() throws Exception {
    Run r = explain("vendor-loop:acme:gamma", "--format", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    JsonNode whyNot = new ObjectMapper().readTree(r.out()).get("why_not");
    assertThat(whyNot.get("id").asText()).isEqualTo("vendor-loop:acme:gamma");
    assertThat(whyNot.get("key").get("client").asText()).isEqualTo("gamma");
    assertThat(whyNot.get("outcome").asText()).isEqualTo("NOT_DERIVED");
    JsonNode rule = whyNot.get("rules").get(0);
    assertThat(rule.get("rule").asText()).isEqualTo("Money goes round");
    assertThat(rule.get("outcome").asText()).isEqualTo("BLOCKED");
    JsonNode not = rule.get("steps").get(2);
    assertThat(not.get("kind").asText()).isEqualTo("NOT");
    assertThat(not.get("outcome").asText()).isEqualTo("BLOCKED");
    JsonNode blocker = not.get("matches").get("items").get(0);
    assertThat(blocker.get("id").asText()).isEqualTo("gamma-sanctioned");
    assertThat(blocker.get("kind").asText()).isEqualTo("FACT");
    assertThat(blocker.get("location").asText()).isEqualTo(FACTS + ":13");
    JsonNode thesis = new ObjectMapper().readTree(explain("lockin", "--format", "json").out());
    assertThat(thesis.get("explanation").get("kind").asText()).isEqualTo("THESIS");
    assertThat(thesis.get("nearest_misses").get("misses").get(0).get("rule").asText())
        .isEqualTo("A loop locks the client in");
    // The same run twice prints the same bytes.
    assertThat(explain("lockin:zeta", "--format", "json", "--depth", "2").out())
        .isEqualTo(explain("lockin:zeta", "--format", "json", "--depth", "2").out());
  }

  @Test
  void whatAsOfLeavesOutIsSaidSo() {
    // acme-eta is dated 2025-03-02; the tie to eta rests on it.
    Run fact = explain("acme-eta", "--as-of", "2024-01-01");
    assertThat(fact.code()).isEqualTo(ExitCodes.OK);
    assertThat(fact.out())
        .isEqualTo(
            "fact acme-eta was left out by --as-of 2024-01-01: it is dated 2025-03-02  "
                + FACTS
                + ":9\n");
    Run conclusion = explain("tie:acme:eta", "--as-of", "2024-01-01");
    assertThat(conclusion.code()).isEqualTo(ExitCodes.OK);
    assertThat(conclusion.out())
        .startsWith(
            "conclusion tie:acme:eta was left out by --as-of 2024-01-01: it rests on facts dated"
                + " after it\n"
                + "└─ fact acme-eta: it is dated 2025-03-02  "
                + FACTS
                + ":9\n"
                + "conclusion tie:acme:eta was not derived: ");
    // Without --as-of it is there.
    assertThat(explain("tie:acme:eta").out())
        .startsWith("tie:acme:eta  Tie(vendor=acme, client=eta)");
  }

  @Test
  void idsThatAreNoConclusionOfADeclaredTypeStayUsageErrors() {
    Run unknown = explain("frob:x");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .contains("no thesis, question, conclusion or fact has the id \"frob:x\"");
    Run near = explain("acme-in-delt");
    assertThat(near.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(near.err()).contains("Did you mean: acme-in-delta");
    Run arity = explain("tie:acme");
    assertThat(arity.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(arity.err()).contains("a Tie id has 2 key value(s), not 1: tie:VENDOR:CLIENT");
    Run stated = explain("supplier:acme:chipmaker");
    assertThat(stated.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(stated.err()).contains("no thesis, question, conclusion or fact has the id");
    // A keyed type no rule inserts: answered, not an error.
    Run audit = explain("audit:zeta");
    assertThat(audit.code()).isEqualTo(ExitCodes.OK);
    assertThat(audit.out())
        .isEqualTo("audit:zeta: no rule concludes Audit, so nothing derives Audit(company=zeta)\n");
  }
}
