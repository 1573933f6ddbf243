package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.diag.Location;
import dev.thesis.facts.Question;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How questions are shown: the terminal, report.md, report.html and explain, on two corpora worked
 * by hand.
 *
 * <p>{@code questions/} ("why"): "A defensive deal" has c = 0.8 x 0.9 = 0.72 and rates bubble I (w
 * = 1 + 0.72 x (0.5 - 1) = 0.64), defence C (w = 1.72), other implied max(1, 0.5) = 1
 * (diagnosticity 1.72 / 0.64 = 2.6875); "Round trips fit both" has c = 1 - 0.1^3 = 0.999, rates
 * both C (w = 1.999), other implied max(1, 2) = 2 (w = 1.999), diagnosticity 1. Posteriors, priors
 * uniform: bubble 0.64 x 1.999 = 1.2794, defence 1.72 x 1.999 = 3.4383, other 1.999; total 6.7167:
 * 0.1905, 0.5119, 0.2976. Leader defence, runner-up other, odds 1.72: UNDECIDED at 3.
 *
 * <p>{@code question-views/} ("who", every confidence 1, so weights are the likelihoods): "Strong
 * sign" on s1 rates a CC (4), b I (0.5), leaves c unrated (1), other implied max(1, 0.5) = 1,
 * diagnosticity 4 / 0.5 = 8; "Weak sign" on s1 and s2 rates a C (2), c N (1), leaves b unrated (1),
 * other 1, diagnosticity 2. Products a 8, b 0.5, c 1, other 1; total 10.5: a 0.7619, b 0.0476, c
 * 0.0952, other 0.0952. Leader a, runner-up c (the first of the tie), odds 8: FAVOURS a; b and c
 * are at most 0.7619 / 3, so DISFAVOURED. No rule rates c I or II: untested. "lone" is argued by
 * one rule and opposed by none: unchallenged.
 */
class QuestionViewsTest {
  private static final Path WHY = Path.of("src/test/resources/questions");
  private static final Path WHO = Path.of("src/test/resources/question-views");
  private static final String WHY_DRL = "src/test/resources/questions/rules/why.drl";
  private static final String WHO_DRL = "src/test/resources/question-views/rules/who.drl";

  private static EvaluationResult why() throws Exception {
    return Fixtures.evaluator().evaluate(Fixtures.load(WHY.resolve("rules"), WHY.resolve("facts")));
  }

  /** With the critical-evidence search, as `thesis evaluate` runs it on a small corpus. */
  private static EvaluationResult who() throws Exception {
    return Fixtures.evaluator(1_000_000, 2)
        .evaluate(Fixtures.load(WHO.resolve("rules"), WHO.resolve("facts")));
  }

  @Test
  void theTerminalShowsAQuestionBlockUnderTheTable() throws Exception {
    String out = TerminalSummary.render(why());
    // Bars of 20: 0.1905 x 20 = 3.8 -> 4, 0.5119 x 20 = 10.2 -> 10, 0.2976 x 20 = 6.0 -> 6.
    // Linchpins by hand: without the round trips' bubble C (bubble 0.64, defence 3.4383, other
    // 1) or with their defence CC (w 3.997: defence 6.875 against 1.999), or with the defensive
    // deal's defence CC (w 3.16: defence 3.16 x 1.999 = 6.317 against 1.999), defence has 3.16
    // to 3.44 times other's posterior. "Rejected by markets" tells defence (II, 2^-2) from other
    // (C, 2^1) by 2^3 = 8; "Hype without revenue" rates defence N and leaves other at max(1, 1).
    String expected =
        """
        THESIS   VERDICT      SUPPORT  OPPOSITION  FOR  AGAINST  POSTERIOR
        bubble   OPEN               -           -    3        1       0.19
        defence  OPEN               -           -    4        0       0.51

        Question why: Why these deals?
          bubble   ████░░░░░░░░░░░░░░░░  0.19  OPEN
          defence  ██████████░░░░░░░░░░  0.51  OPEN
          other    ██████░░░░░░░░░░░░░░  0.30
          UNDECIDED: defence leads other, odds 1.72 (3.00 needed)
          Most diagnostic evidence (2 of 2):
            "A defensive deal"  [0.72]  bubble I, defence C  (diagnosticity 2.69)
            "Round trips fit both"  [1.00]  bubble C, defence C  (non-diagnostic)
          Linchpins (this change alone changes the verdict):
            "A defensive deal" rating defence C -> CC => FAVOURS defence
            "Round trips fit both" rating bubble C -> N => FAVOURS defence
            "Round trips fit both" rating defence C -> CC => FAVOURS defence
          Best next evidence: "Rejected by markets", would move the odds of defence against other x8 for other

        No tensions""";
    assertThat(out).startsWith(expected);
  }

  @Test
  void theTerminalMarksUntestedAndUnchallengedAndWarnsOfSharedFacts() throws Exception {
    String out = TerminalSummary.render(who());
    // A hypothesis shows its posterior, not noisy-OR sums; FOR and AGAINST count its arguments:
    // a's three C/CC ratings, b's one I ("Strong sign"). c has only an N, which argues neither way.
    assertThat(out)
        .startsWith(
            """
            THESIS  VERDICT      SUPPORT  OPPOSITION  FOR  AGAINST  POSTERIOR  MARK
            a       FAVOURED           -           -    3        0       0.76
            b       DISFAVOURED        -           -    0        1       0.05
            c       DISFAVOURED        -           -    0        0       0.10  untested
            lone    SUPPORTED       1.00        0.00    1        0             unchallenged
            """);
    assertThat(out)
        .contains("  c      ██░░░░░░░░░░░░░░░░░░  0.10  DISFAVOURED (untested)\n")
        .contains("  FAVOURS a: odds 8.00 against c (3.00 needed)\n")
        .contains("    \"Strong sign\"  [1.00]  a CC, b I, c unrated  (diagnosticity 8.00)\n")
        .contains("    \"Weak sign\"  [1.00]  a C, b unrated, c N  (diagnosticity 2.00)\n")
        .contains(
            "  Warning: \"Strong sign\" and \"Weak sign\" share facts, yet are counted as"
                + " independent.\n")
        // Without "Strong sign": a 2 against 1, under 3.
        .contains("    without \"Strong sign\" => UNDECIDED (a leads)\n")
        // "Counter sign" rates a II (2^-2) and leaves c at N (2^0): 2^2, for c.
        .contains(
            "  Best next evidence: \"Counter sign\", would move the odds of a against c x4 for c\n")
        // Without s1 only "Weak sign" on s2 is left: a 2 against 1.
        .contains("  who: s1 -> UNDECIDED (a leads)\n");
    assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void reportMdHasTheMatrixSortedByDiagnosticityWithNonDiagnosticRowsApart() throws Exception {
    String md = MarkdownReport.render(why());
    assertThat(md)
        .contains("| [bubble](#bubble) | **OPEN** | 0.19 | - | - | 3 | 1 |  |")
        .contains("\n## Questions\n\n### why\n\n**Why these deals?**\n")
        .contains("Verdict **UNDECIDED**: defence leads other, odds 1.72 (3.00 needed).")
        // 3 / 1.72 = 1.744.
        .contains("were the prior odds of defence against other 1.74 times what they are.")
        .contains("| [defence](#defence) | 0.51 | **OPEN** |\n")
        .contains("| other (none of these) | 0.30 |  |\n")
        .contains("| Evidence | Confidence | bubble | defence | other | Diagnosticity |\n");
    String first =
        "| [A defensive deal](#evidence-a-defensive-deal-why) `"
            + WHY_DRL
            + ":30` | 0.72 | I 0.64 | C 1.72 | 1.00 | 2.69 |\n";
    String second =
        "| _[Round trips fit both](#evidence-round-trips-fit-both-why)_ `"
            + WHY_DRL
            + ":22` | 1.00 | _C 2.00_ | _C 2.00_ | _2.00_ | _1.00 non-diagnostic_ |\n";
    assertThat(md).contains(first + second);
    assertThat(md)
        .contains("- \"Round trips fit both\" rating bubble C -\\> N =\\> FAVOURS defence\n")
        .contains("- Rejected by markets at `" + WHY_DRL + ":48`: x8 for other\n")
        .contains(
            "- Hype without revenue at `" + WHY_DRL + ":39`: x1 (would not tell them apart)\n")
        .contains(
            "#### Evidence: A defensive deal (why)\n\n"
                + "Rule **A defensive deal** at `"
                + WHY_DRL
                + ":30`, confidence 0.72: bubble I, defence C.\n\n"
                + "- `defence:d1` Defence(deal=d1) [0.72]")
        .contains(
            "    - fact `d1` Deal(name=d1, kind=defensive) at"
                + " `src/test/resources/questions/facts/why.json:16` [0.90]\n"
                + "      - memo: \"Three deals came back as revenue; one defended an account.\"\n")
        .contains("Verdict **OPEN** (posterior 0.51 in question [why](#why)): support 1.00");
    assertEveryLinkHasItsHeading(md);
  }

  @Test
  void reportMdShowsUnratedCellsAndMarks() throws Exception {
    String md = MarkdownReport.render(who());
    assertThat(md)
        .contains("| [c](#c) | **DISFAVOURED** _(untested)_ | 0.10 | - | - | 0 | 0 |  |")
        .contains("| [lone](#lone) | **SUPPORTED** _(unchallenged)_ |  | 1.00 | 0.00 | 1 | 0 |  |")
        .contains(
            "| [Strong sign](#evidence-strong-sign-who) `"
                + WHO_DRL
                + ":23` | 1.00 | CC 4.00 | I 0.50 | _unrated_ 1.00 | 1.00 | 8.00 |\n")
        .contains(
            "| [Weak sign](#evidence-weak-sign-who) `"
                + WHO_DRL
                + ":33` | 1.00 | C 2.00 | _unrated_ 1.00 | N 1.00 | 1.00 | 2.00 |\n")
        .contains("| [c](#c) | 0.10 | **DISFAVOURED** _(untested)_ |\n")
        .contains("**Warning**: \"Strong sign\" and \"Weak sign\" share facts, yet are counted")
        .contains("Hinges on (removing these facts alone changes the verdict): s1 -\\> UNDECIDED")
        // 3 / 8 = 0.375.
        .contains("It holds until the prior odds of a against c fall to 0.38 times what they are.")
        .contains("**Untested**: no rule rates it I or II")
        .contains("**Unchallenged**: no rule opposes it.");
    assertEveryLinkHasItsHeading(md);
  }

  /** Each in-page link names the anchor a heading of the document gives (as GitHub makes them). */
  private static void assertEveryLinkHasItsHeading(String md) {
    List<String> anchors = new ArrayList<>();
    for (String line : md.lines().toList()) {
      if (line.startsWith("#")) {
        String text = line.replaceFirst("^#+ ", "").replaceAll("\\\\(.)", "$1");
        anchors.add(MarkdownReport.anchor(text));
      }
    }
    Matcher m = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(md);
    int links = 0;
    while (m.find()) {
      assertThat(anchors).as("heading for #" + m.group(1)).contains(m.group(1));
      links++;
    }
    assertThat(links).isPositive();
  }

  @Test
  void reportHtmlHasTheMatrixWithRatingsWeightsAndAGreyedRow() throws Exception {
    String html = HtmlReport.render(why());
    String ach = between(html, "<table class=\"ach\">", "</table>");
    List<String> rows = List.of(ach.split("<tr", -1)).subList(2, 4);
    assertThat(rows.get(0))
        .startsWith(" class=\"diagnostic\">")
        .contains("<a href=\"#evidence-why-a-defensive-deal\">A defensive deal</a>")
        .contains("<code>" + WHY_DRL + ":30</code>")
        .contains("<td>0.72</td>")
        .contains(
            "<td class=\"rating r-i\">I<span class=\"weight\">0.64</span></td>"
                + "<td class=\"rating r-c\">C<span class=\"weight\">1.72</span></td>"
                + "<td class=\"rating implied\"><span class=\"weight\">1.00</span></td>")
        .contains("<td>2.69</td>");
    assertThat(rows.get(1))
        .startsWith(" class=\"nondiagnostic\">")
        .contains("Round trips fit both")
        .contains("<td class=\"rating r-c\">C<span class=\"weight\">2.00</span></td>")
        .contains("<td>1.00 non-diagnostic</td>");
    // Greyed by the style sheet, whatever the rating colours.
    assertThat(html).contains(".ach tr.nondiagnostic td { background: #eceef1;");
    assertThat(html)
        .contains("<section class=\"question\" id=\"question-why\">")
        .contains("data-verdict=\"UNDECIDED\"")
        .contains("<span style=\"width: 51%\">")
        .contains("<div class=\"evidence\" id=\"evidence-why-a-defensive-deal\">")
        .contains("Three deals came back as revenue; one defended an account.")
        .contains(
            "<li>\"<a href=\"#"
                + Anchors.rule("Round trips fit both")
                + "\">Round trips fit both</a>\" rating <a href=\"#thesis-bubble\">bubble</a> C -&gt;"
                + " N =&gt; FAVOURS <a href=\"#thesis-defence\">defence</a></li>")
        .contains(
            "<li><a href=\"#"
                + Anchors.rule("Rejected by markets")
                + "\">Rejected by markets</a> <code>"
                + WHY_DRL
                + ":48</code>: x8 for other</li>")
        .contains("posterior 0.19 in question <a href=\"#question-why\">why</a>");
    assertEveryHrefHasItsId(html);
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("src=");
  }

  @Test
  void reportHtmlShowsUnratedCellsAndMarks() throws Exception {
    String html = HtmlReport.render(who());
    assertThat(between(html, "<table class=\"ach\">", "</table>"))
        .contains("<td class=\"rating r-unrated\">unrated<span class=\"weight\">1.00</span></td>")
        .contains("<td class=\"rating r-cc\">CC<span class=\"weight\">4.00</span></td>");
    // A hypothesis's card shows its posterior (c: 0.10), not noisy-OR sums of its arguments.
    assertThat(between(html, "id=\"card-c\"", "id=\"card-lone\""))
        .contains("<span class=\"mark\">untested</span>")
        .contains("<div class=\"bar posterior\"><span style=\"width: 10%\"></span></div>")
        .doesNotContain("bar support");
    assertThat(between(html, "id=\"card-lone\"", "<div>support"))
        .contains("<span class=\"mark\">unchallenged</span>");
    assertThat(html)
        .contains(
            "<div class=\"warning\">\"<a href=\"#"
                + Anchors.rule("Strong sign")
                + "\">Strong sign</a>\" and \"<a href=\"#"
                + Anchors.rule("Weak sign")
                + "\">Weak sign</a>\" share facts, yet")
        .contains(
            "hinges on: <a href=\"#fact-s1\">s1</a> -&gt; UNDECIDED"
                + " (<a href=\"#thesis-a\">a</a> leads)");
    assertEveryHrefHasItsId(html);
  }

  private static String between(String s, String from, String to) {
    int i = s.indexOf(from);
    assertThat(i).as(from).isNotNegative();
    return s.substring(i, s.indexOf(to, i));
  }

  private static void assertEveryHrefHasItsId(String html) {
    Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
    int links = 0;
    while (m.find()) {
      assertThat(html).as("target of #" + m.group(1)).contains("id=\"" + m.group(1) + "\"");
      links++;
    }
    assertThat(links).isPositive();
  }

  @Test
  void explainingAQuestionShowsItsHypothesesAndEachItemsTree() throws Exception {
    String text = TextTree.render(Explanations.of(why(), "why").orElseThrow());
    assertThat(text)
        .startsWith(
            "question why: Why these deals?: UNDECIDED: defence leads other, odds 1.72 (3.00"
                + " needed)\n"
                + "├─ hypothesis bubble: The deals are a bubble: posterior 0.19, OPEN\n"
                + "├─ hypothesis defence: The deals defend accounts: posterior 0.51, OPEN\n"
                + "├─ hypothesis other: none of these hypotheses: posterior 0.30\n"
                + "├─ evidence \"A defensive deal\"  bubble I, defence C; diagnosticity 2.69  "
                + WHY_DRL
                + ":30  [0.72]\n"
                + "│  └─ defence:d1  Defence(deal=d1)  [0.72]  {single source: memo}\n"
                + "│     └─ rule \"A defensive deal\" (strength 0.80)  "
                + WHY_DRL
                + ":30  [0.72]\n"
                + "│        └─ fact d1  Deal(name=d1, kind=defensive)  "
                + "src/test/resources/questions/facts/why.json:16  [0.90]\n"
                + "│           └─ memo: \"Three deals came back as revenue; one defended an"
                + " account.\"\n"
                + "└─ evidence \"Round trips fit both\"  bubble C, defence C  "
                + WHY_DRL
                + ":22  [1.00]  {non-diagnostic: tells the hypotheses nothing apart}\n"
                + "   ├─ round-trip:r1  RoundTrip(deal=r1)  [0.90]  {single source: memo}\n");
    // The source is quoted once in the whole question.
    assertThat(text)
        .endsWith(
            "         └─ fact r3  Deal(name=r3, kind=roundtrip)  src/test/resources/questions/facts/why.json:15"
                + "  [0.90]  memo (quoted above)\n");
  }

  @Test
  void explainingAQuestionShowsUnratedUntestedAndSharedFacts() throws Exception {
    String text = TextTree.render(Explanations.of(who(), "who").orElseThrow());
    assertThat(text)
        .contains(
            "├─ hypothesis c: C did it: posterior 0.10, DISFAVOURED  {untested: no rule rates it I"
                + " or II}\n")
        .contains(
            "├─ evidence \"Strong sign\"  a CC, b I, c unrated; diagnosticity 8.00  "
                + WHO_DRL
                + ":23  [1.00]  {rests on facts it shares with \"Weak sign\", yet counted as"
                + " independent}\n")
        // s1 under "Weak sign" was shown under "Strong sign" already.
        .contains(
            "fact s1  Sign(name=s1, kind=strong)  src/test/resources/question-views/facts/who.json:15"
                + "  [1.00]  (shown above)\n");
    assertThat(text.lines().findFirst().orElseThrow())
        .endsWith("{hinges on: s1 -> UNDECIDED (a leads)}");
    assertThat(TextTree.render(Explanations.of(who(), "lone").orElseThrow()))
        .startsWith(
            "thesis lone: A stands alone: SUPPORTED (support 1.00, opposition 0.00)"
                + "  {unchallenged: no rule opposes it; ");
  }

  @Test
  void anIncompleteQuestionSaysOtherLeads() {
    Question q =
        new Question(
            "q",
            "Q?",
            null,
            null,
            List.of("x", "y"),
            Map.of(),
            false,
            Location.ofFile("q.json"),
            List.of(),
            Location.ofFile("q.json"));
    // x 0.2, y 0.1, other 0.7: x leads, other runs up at 3.5 times x.
    QuestionVerdict v =
        new QuestionVerdict(
            q,
            QuestionVerdict.Decision.UNDECIDED,
            true,
            "x",
            "other",
            0.2 / 0.7,
            Map.of("x", 0.2, "y", 0.1, "other", 0.7),
            List.of(),
            List.of(),
            List.of(),
            3 / (0.2 / 0.7),
            List.of());
    assertThat(QuestionWords.verdict(v, 3))
        .isEqualTo("UNDECIDED: x leads other, odds 0.29 (3.00 needed); incomplete: other leads");
  }
}
