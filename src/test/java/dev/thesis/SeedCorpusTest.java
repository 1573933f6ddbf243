package dev.thesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.analysis.Verdict;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Source;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Stance;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The repository's own corpus: facts/ and rules/, encoding the 11 seed assertions. */
class SeedCorpusTest {
  private static final Path SEED_TEXT = Path.of("../shared/seed/ai-investment-assertions.txt");
  private final EvaluationResult result;

  SeedCorpusTest() throws Exception {
    result = dev.thesis.Fixtures.evaluator().evaluate(Fixtures.seed());
  }

  /** The facts a conclusion rests on, through every justification, transitively. */
  private Set<BoundFact> factsUnder(String conclusionId) {
    Set<BoundFact> facts = new HashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(conclusionId));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      result.fact(id).ifPresent(facts::add);
      result
          .conclusion(id)
          .ifPresent(c -> c.justifications().forEach(j -> todo.addAll(j.premises())));
    }
    return facts;
  }

  @Test
  void elevenSourcesOneThesisEachAtLeast() {
    assertThat(result.corpus().sources())
        .extracting(Source::id)
        .containsExactly(
            "seed-1", "seed-2", "seed-3", "seed-4", "seed-5", "seed-6", "seed-7", "seed-8",
            "seed-9", "seed-10", "seed-11");
    Set<String> cited =
        result.corpus().theses().stream().map(t -> t.source()).collect(Collectors.toSet());
    assertThat(cited).containsAll(result.corpus().sources().stream().map(Source::id).toList());
    assertThat(result.corpus().theses()).hasSizeGreaterThanOrEqualTo(11);
    assertThat(result.corpus().thesis("anti-openai-alliance")).isPresent();
  }

  @Test
  void sourcesQuoteTheSeedAssertionsVerbatim() throws Exception {
    assumeTrue(Files.exists(SEED_TEXT), "the shared seed file is not beside this checkout");
    List<String> lines =
        Files.readAllLines(SEED_TEXT, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    assertThat(result.corpus().sources()).extracting(Source::text).containsExactlyElementsOf(lines);
  }

  @Test
  void everySourceIsCitedByAFact() {
    Set<String> cited =
        result.facts().stream().map(f -> f.record().source()).collect(Collectors.toSet());
    assertThat(cited)
        .containsExactlyInAnyOrderElementsOf(
            result.corpus().sources().stream().map(Source::id).toList());
  }

  @Test
  void everyThesisHasAnArgument() {
    for (ThesisVerdict v : result.verdicts()) {
      assertThat(v.arguments()).as(v.thesis().id()).isNotEmpty();
    }
  }

  @Test
  void rivalMotivesAndRivalFuturesAreQuestionsWhoseEveryRuleRatesEveryHypothesis() {
    assertThat(result.questions())
        .extracting(QuestionVerdict::id)
        .containsExactlyInAnyOrder("why-fund-labs", "model-future");
    assertThat(result.question("why-fund-labs").orElseThrow().question().hypotheses())
        .containsExactly(
            "circularity-bubble",
            "rational-ecosystem-funding",
            "diversified-bets",
            "investment-as-rnd");
    assertThat(result.question("model-future").orElseThrow().question().hypotheses())
        .containsExactly("models-specialize", "models-commoditize");
    for (QuestionVerdict q : result.questions()) {
      assertThat(q.evidence()).as(q.id()).isNotEmpty();
      for (QuestionVerdict.Evidence e : q.evidence()) {
        assertThat(e.unrated()).as(e.rule().name()).isEmpty();
      }
      // Each hypothesis has some evidence for it.
      for (String h : q.question().hypotheses()) {
        assertThat(q.evidence())
            .as(h)
            .anyMatch(e -> e.ratings().get(h) == Rating.C || e.ratings().get(h) == Rating.CC);
      }
    }
    // Rivalry is what a question is: no thesis names rivals of its own any more.
    assertThat(result.corpus().theses()).allSatisfy(t -> assertThat(t.rivals()).isEmpty());
    assertThat(result.tensions()).isEmpty();
  }

  /**
   * Worked by hand from the facts' ICD 203 midpoints (almost-certain 0.97, very-likely 0.875,
   * likely 0.675) and the rules' strengths; c is an item's confidence, w = 1 + c(λ - 1).
   */
  @Test
  void whyFundLabsLeansToRationalFundingWithoutFavouringIt() {
    // Diversification: Microsoft's and NVIDIA's hedged bets, 0.8 x min(OpenAI stake 0.875,
    // rivalry 0.875) = 0.7 each, c = 1 - 0.3^2 = 0.91; CC for diversified-bets: w 3.73.
    // Chipmaker proximity: 0.7 x min(chip purchase 0.675, deep partnership 0.875) = 0.4725 for
    // OpenAI and for Anthropic, c = 1 - 0.5275^2 = 0.72174375; CC for R&D (3.16523125), C for
    // circular and rational funding (1.72174375).
    // Cloud round trips: Microsoft 0.8 x 0.97, Amazon and Google 0.8 x 0.675 each, c = 1 - 0.224 x
    // 0.46^2 = 0.9526016; C for circular and rational funding alike (1.9526016 each), so it tells
    // those two apart from the other motives, not from each other.
    // Markets: 0.6 x Microsoft's markdown 0.675 = 0.405; C circular (1.405), I rational (0.7975).
    // Defence of Anthropic: 0.8 x min(lock-in 0.675, NVIDIA's round trip 0.675) = 0.54; CC rational
    // (2.62).
    // Proximity x round trips = 1.72174375 x 1.9526016 = 3.3618796 for both funding motives.
    // Circular 3.3618796 x 1.405 = 4.7234408; rational 3.3618796 x 0.7975 x 2.62 = 7.0244793;
    // diversified 3.73; R&D 3.1652313; other 1 (no item rates a named motive under N but markets,
    // whose lowest is I: max(1, 1/2) = 1): sum 19.6431514.
    // Posteriors: rational 0.35760, circular 0.24046, diversified 0.18989, R&D 0.16114, other
    // 0.05091; odds 7.0244793 / 4.7234408 = 1.48715, under 3.
    QuestionVerdict q = result.question("why-fund-labs").orElseThrow();
    assertThat(q.verdict()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    assertThat(q.incomplete()).isFalse();
    assertThat(q.leader()).isEqualTo("rational-ecosystem-funding");
    assertThat(q.runnerUp()).isEqualTo("circularity-bubble");
    assertThat(q.odds()).isCloseTo(1.48715, within(1e-4));
    assertThat(q.posteriors().get("circularity-bubble")).isCloseTo(0.24046, within(1e-4));
    assertThat(q.posteriors().get("rational-ecosystem-funding")).isCloseTo(0.35760, within(1e-4));
    assertThat(q.posteriors().get("diversified-bets")).isCloseTo(0.18989, within(1e-4));
    assertThat(q.posteriors().get("investment-as-rnd")).isCloseTo(0.16114, within(1e-4));
    assertThat(q.posteriors().get("other")).isCloseTo(0.05091, within(1e-4));
    // R&D stays above a third of the leader (0.11920): OPEN, as every hypothesis.
    assertThat(q.hypotheses())
        .extracting(QuestionVerdict.Hypothesis::verdict)
        .containsOnly(Verdict.OPEN);
    // No item's removal, and no one-step change of one rating, brings the odds to 3. The nearest is
    // the round trips' rational rating C -> CC: 1.72174375 x 3.8578048 x 0.7975 x 2.62 = 13.878428
    // against 4.7234408, odds 2.93821; then rational N -> C on the diversification item (x 1.91:
    // 2.84), C -> CC on the proximity item (x 3.16523125 / 1.72174375: 2.73), and the markets item
    // left out (3.3618796 x 2.62 = 8.8081246 against diversified 3.73: 2.36). So no linchpin, and
    // the
    // prior odds of rational against circular funding would have to grow 3 / 1.48715 = 2.01728
    // times.
    assertThat(q.linchpins()).isEmpty();
    assertThat(q.priorShift()).isCloseTo(2.01728, within(1e-4));
    // Every evidence rule fired: nothing is left to look for.
    assertThat(q.next()).isEmpty();
  }

  /** The seed corpus without some facts, evaluated afresh. */
  private static EvaluationResult without(String... ids) throws Exception {
    var seed = Fixtures.seed();
    Set<String> out = Set.of(ids);
    return dev.thesis.Fixtures.evaluator()
        .evaluate(
            new dev.thesis.inputs.Inputs(
                seed.rules(),
                seed.corpus(),
                seed.facts().stream().filter(f -> !out.contains(f.record().id())).toList(),
                List.of()));
  }

  @Test
  void withoutTheAzureSpendRationalFundingLeadsFurther() throws Exception {
    // Microsoft's cloud round trip goes, and with it the markets item (it joins Microsoft's own
    // round trip). Round trips: Amazon and Google, c = 1 - 0.46^2 = 0.7884, C for both funding
    // motives (1.7884). Circular 1.72174375 x 1.7884 = 3.0791665; rational 3.0791665 x 2.62 =
    // 8.0674163; diversified 3.73; R&D 3.1652313; other 1: sum 19.0418141.
    // Rational 0.42367, diversified 0.19588, R&D 0.16623, circular 0.16171, other 0.05252; odds
    // 8.0674163 / 3.73 = 2.16285, under 3; a third of the leader is 0.14122: every motive OPEN.
    QuestionVerdict q =
        without(
                "s2-anthropic-on-azure",
                "s3-anthropic-computes-on-azure",
                "s7-anthropic-spends-on-azure")
            .question("why-fund-labs")
            .orElseThrow();
    assertThat(q.verdict()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    assertThat(q.leader()).isEqualTo("rational-ecosystem-funding");
    assertThat(q.runnerUp()).isEqualTo("diversified-bets");
    assertThat(q.odds()).isCloseTo(2.16285, within(1e-4));
    assertThat(q.posteriors().get("rational-ecosystem-funding")).isCloseTo(0.42367, within(1e-4));
    assertThat(q.posteriors().get("circularity-bubble")).isCloseTo(0.16171, within(1e-4));
    assertThat(q.hypotheses())
        .extracting(QuestionVerdict.Hypothesis::verdict)
        .containsOnly(Verdict.OPEN);
  }

  @Test
  void withoutGooglesBundleCircularFundingLeads() throws Exception {
    // No lock-in threat, so no defence item. Circular 4.7234408 as before; rational 3.3618796 x
    // 0.7975 = 2.6810990; diversified 3.73; R&D 3.1652313; other 1: sum 15.2997711.
    // Circular 0.30873, diversified 0.24380, R&D 0.20688, rational 0.17524, other 0.06536; odds
    // 4.7234408 / 3.73 = 1.26634; a third of the leader is 0.10291: every motive OPEN.
    QuestionVerdict q = without("s10-google-bundles-tpus").question("why-fund-labs").orElseThrow();
    assertThat(q.verdict()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    assertThat(q.leader()).isEqualTo("circularity-bubble");
    assertThat(q.runnerUp()).isEqualTo("diversified-bets");
    assertThat(q.odds()).isCloseTo(1.26634, within(1e-4));
    assertThat(q.posteriors().get("circularity-bubble")).isCloseTo(0.30873, within(1e-4));
    assertThat(q.posteriors().get("rational-ecosystem-funding")).isCloseTo(0.17524, within(1e-4));
    assertThat(q.hypotheses())
        .extracting(QuestionVerdict.Hypothesis::verdict)
        .containsOnly(Verdict.OPEN);
  }

  @Test
  void modelFutureLeansToCommoditizationWithoutFavouringIt() {
    // Multi-cloud Anthropic: 0.6 x its weakest cloud spend 0.675 = 0.405; C specialize (1.405).
    // Parity on Azure: 0.7 x 0.875 = 0.6125; C commoditize (1.6125), I specialize (0.69375).
    // Nadella's view: 0.6 x 0.97 = 0.582; C commoditize (1.582).
    // Specialize 0.974719, commoditize 2.550975, other 1: sum 4.525694.
    QuestionVerdict q = result.question("model-future").orElseThrow();
    assertThat(q.verdict()).isEqualTo(QuestionVerdict.Decision.UNDECIDED);
    assertThat(q.leader()).isEqualTo("models-commoditize");
    assertThat(q.runnerUp()).isEqualTo("other");
    assertThat(q.odds()).isCloseTo(2.550975, within(1e-4));
    assertThat(q.posteriors().get("models-specialize")).isCloseTo(0.21537, within(1e-4));
    assertThat(q.posteriors().get("models-commoditize")).isCloseTo(0.56366, within(1e-4));
    assertThat(q.posteriors().get("other")).isCloseTo(0.22096, within(1e-4));
    assertThat(q.hypotheses())
        .extracting(QuestionVerdict.Hypothesis::verdict)
        .containsOnly(Verdict.OPEN);
  }

  @Test
  void theSeedCorpusIsUndated() {
    // The assertions carry no dates, and a date must cite where it comes from.
    assertThat(result.corpus().sources()).allSatisfy(src -> assertThat(src.date()).isNull());
    assertThat(result.facts()).allSatisfy(f -> assertThat(f.record().date()).isNull());
  }

  @Test
  void theAllianceRestsOnFactsCitingSeed4() {
    ThesisVerdict alliance = result.verdict("anti-openai-alliance").orElseThrow();
    assertThat(alliance.forArguments()).isNotEmpty();
    for (var a : alliance.forArguments()) {
      assertThat(factsUnder(a.conclusion()))
          .extracting(f -> f.record().source())
          .contains("seed-4");
    }
  }

  private static boolean rated(Rating r, Stance stance) {
    return stance == Stance.SUPPORTS
        ? r == Rating.C || r == Rating.CC
        : r == Rating.I || r == Rating.II;
  }

  @Test
  void everyRuleFiresOnTheSeedCorpus() {
    Set<String> fired =
        result.conclusions().stream()
            .flatMap(c -> c.justifications().stream())
            .map(j -> j.rule().name())
            .collect(Collectors.toSet());
    assertThat(result.rules().rules()).extracting(RuleInfo::name).allMatch(fired::contains);
  }

  @Test
  void argumentsComeOnlyFromRulesThatArgueTheirThesis() {
    for (Conclusion c : result.conclusions()) {
      for (var a : result.argumentsOf(c.id())) {
        // A rule argues a thesis by @thesis and @stance, or rates it C/CC (for) or I/II (against).
        assertThat(c.justifications())
            .extracting(Justification::rule)
            .anyMatch(
                r ->
                    (a.thesis().equals(r.thesis()) && r.stance() == a.stance())
                        || (r.ratesQuestion()
                            && rated(r.rates().ratings().get(a.thesis()), a.stance())));
      }
    }
    assertThat(result.arguments()).extracting(a -> a.stance()).contains(Stance.OPPOSES);
  }
}
