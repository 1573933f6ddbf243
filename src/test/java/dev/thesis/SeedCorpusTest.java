package dev.thesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Tension;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Source;
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
  void bothSidesOfEachRivalPairAreArguedAndReportedAsTensions() {
    assertThat(result.verdict("models-specialize").orElseThrow().rivals())
        .contains("models-commoditize");
    assertThat(result.verdict("circularity-bubble").orElseThrow().rivals())
        .contains("rational-ecosystem-funding");
    for (String id :
        List.of(
            "models-specialize",
            "models-commoditize",
            "circularity-bubble",
            "rational-ecosystem-funding")) {
      assertThat(result.verdict(id).orElseThrow().forArguments()).as(id).isNotEmpty();
    }
    assertThat(result.tensions())
        .extracting(Tension::a, Tension::b)
        .contains(
            org.assertj.core.groups.Tuple.tuple("models-commoditize", "models-specialize"),
            org.assertj.core.groups.Tuple.tuple(
                "circularity-bubble", "rational-ecosystem-funding"));
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
        assertThat(c.justifications())
            .extracting(Justification::rule)
            .anyMatch(r -> a.thesis().equals(r.thesis()) && r.stance() == a.stance());
      }
    }
    assertThat(result.arguments()).extracting(a -> a.stance()).contains(Stance.OPPOSES);
  }
}
