package dev.thesis.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.diag.Diagnostic;
import dev.thesis.engine.EvaluationSession;
import dev.thesis.facts.CorpusLoader;
import dev.thesis.facts.FactRecord;
import dev.thesis.facts.Thesis;
import dev.thesis.generate.CorpusGenerator.Settings;
import dev.thesis.inputs.Inputs;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  private static final Path PEER_RULES = Path.of("bench/peer-rules");

  @TempDir Path dir;

  private static CorpusGenerator.Summary generate(
      Path out, long companies, long seed, Path rules, int perFile, boolean tsv) throws Exception {
    Vocabulary vocabulary = Vocabulary.read(rules);
    dev.thesis.facts.Corpus theses =
        vocabulary.arguesTheses()
            ? dev.thesis.Fixtures.corpus(List.of(Fixtures.SEED_FACTS)).corpus()
            : new dev.thesis.facts.Corpus(List.of(), List.of(), List.of());
    return CorpusGenerator.generate(
        new Settings(companies, seed, perFile, tsv), vocabulary, theses, out, "(test)");
  }

  private static CorpusGenerator.Summary generate(Path out, long companies, long seed)
      throws Exception {
    return generate(
        out, companies, seed, Fixtures.SEED_RULES, Settings.DEFAULT_FACTS_PER_FILE, false);
  }

  private static Map<String, byte[]> contents(Path folder) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        out.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<FactRecord> facts(Path folder) {
    CorpusLoader.Result loaded = dev.thesis.Fixtures.corpus(List.of(folder));
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.corpus().facts();
  }

  /** A fact as it would be compared across generations: everything but the source (its file). */
  private static String identity(FactRecord f) {
    StringBuilder s = new StringBuilder(f.id() + " " + f.type() + " " + f.confidence());
    f.fields().forEach((k, v) -> s.append(' ').append(k).append('=').append(v.value()));
    return s.toString();
  }

  private static String field(FactRecord f, String name) {
    return f.fields().get(name).value().asText();
  }

  @Test
  void theSameSeedGivesByteIdenticalFilesAndAnotherSeedOthers() throws Exception {
    generate(dir.resolve("a"), 600, 7, Fixtures.SEED_RULES, 1000, true);
    generate(dir.resolve("b"), 600, 7, Fixtures.SEED_RULES, 1000, true);
    generate(dir.resolve("c"), 600, 8, Fixtures.SEED_RULES, 1000, true);
    Map<String, byte[]> a = contents(dir.resolve("a"));
    Map<String, byte[]> b = contents(dir.resolve("b"));
    assertThat(a.keySet())
        .contains("gen-0001.json", "gen-0002.json", "Investment.facts", "GENERATED");
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    Map<String, byte[]> c = contents(dir.resolve("c"));
    assertThat(c.get("gen-0001.json")).isNotEqualTo(a.get("gen-0001.json"));
    assertThat(c.get("Investment.facts")).isNotEqualTo(a.get("Investment.facts"));
  }

  @Test
  void factsDoNotDependOnHowTheyAreSplitIntoFiles() throws Exception {
    CorpusGenerator.Summary whole = generate(dir.resolve("whole"), 600, 1);
    CorpusGenerator.Summary split =
        generate(dir.resolve("split"), 600, 1, Fixtures.SEED_RULES, 500, false);
    assertThat(whole.factFiles()).containsExactly("gen-0001.json");
    assertThat(split.factFiles()).hasSizeGreaterThan(5).isSorted();
    assertThat(split.factsPerType()).isEqualTo(whole.factsPerType());
    assertThat(facts(dir.resolve("split")).stream().map(CorpusGeneratorTest::identity).toList())
        .isEqualTo(
            facts(dir.resolve("whole")).stream().map(CorpusGeneratorTest::identity).toList());
    // Each file holds at most 500 facts, all citing the one source the file defines.
    for (String name : split.factFiles()) {
      var part = dev.thesis.Fixtures.corpus(List.of(dir.resolve("split").resolve(name))).corpus();
      assertThat(part.facts()).hasSizeLessThanOrEqualTo(500);
      assertThat(part.sources())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.id() + ".json").isEqualTo(name);
                assertThat(s.text()).contains("Synthetic", "seed 1");
                assertThat(part.facts()).allSatisfy(f -> assertThat(f.source()).isEqualTo(s.id()));
              });
    }
  }

  @Test
  void theCorpusPassesCheckAndFiresEveryRuleOfTheRepository() throws Exception {
    generate(dir, 2000, 1);
    var loaded = Fixtures.loaded(Fixtures.SEED_RULES, List.of(dir));
    assertThat(loaded.diagnostics()).isEmpty();
    Inputs inputs = loaded.inputs();
    EvaluationResult result =
        dev.thesis.Fixtures.evaluator(EvaluationSession.DEFAULT_MAX_FIRINGS, 0).evaluate(inputs);
    assertThat(result.rules().rules()).hasSizeGreaterThan(30);
    assertThat(
            result.rules().rules().stream().filter(r -> result.firings(r) == 0).map(RuleInfo::name))
        .as("rules that never fired")
        .isEmpty();
    // The theses the rules argue, the questions they rate and those questions' hypotheses are
    // copied from the repository's corpus.
    Vocabulary v = Vocabulary.read(Fixtures.SEED_RULES);
    java.util.Set<String> expected = new java.util.TreeSet<>(v.theses());
    Fixtures.seed().corpus().questions().stream()
        .filter(q -> v.questions().contains(q.id()))
        .forEach(q -> expected.addAll(q.hypotheses()));
    assertThat(result.corpus().theses())
        .extracting(Thesis::id)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.corpus().questions())
        .extracting(dev.thesis.facts.Question::id)
        .containsExactlyInAnyOrderElementsOf(v.questions());
  }

  @Test
  void sharesMatchWhatTheGeneratorPromises() throws Exception {
    long n = 5000;
    generate(dir, n, 3);
    Map<String, List<FactRecord>> byType = new HashMap<>();
    facts(dir).forEach(f -> byType.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f));
    Map<String, String> kinds = new HashMap<>();
    byType.get("Company").forEach(f -> kinds.put(field(f, "name"), field(f, "kind")));
    assertThat(kinds)
        .hasSize((int) n + 2)
        .containsEntry("openai", "lab")
        .containsEntry("anthropic", "lab");
    assertThat(share(kinds.values(), "lab")).isBetween(0.45, 0.55);
    assertThat(share(kinds.values(), "venture")).isBetween(0.2, 0.3);
    assertThat(share(kinds.values(), "cloud")).isBetween(0.1, 0.2);
    assertThat(share(kinds.values(), "chipmaker")).isBetween(0.07, 0.13);

    Map<String, Set<String>> investees = new HashMap<>();
    byType
        .get("Investment")
        .forEach(
            f ->
                investees
                    .computeIfAbsent(field(f, "investor"), k -> new HashSet<>())
                    .add(field(f, "investee")));
    Map<String, Integer> spendCount = new HashMap<>();
    Set<String> spends = new HashSet<>();
    for (String type : List.of("CloudSpend", "ChipPurchase")) {
      String from = type.equals("CloudSpend") ? "lab" : "buyer";
      String to = type.equals("CloudSpend") ? "provider" : "vendor";
      for (FactRecord f : byType.get(type)) {
        spendCount.merge(field(f, from), 1, Integer::sum);
        spends.add(field(f, from) + ">" + field(f, to));
      }
    }
    Set<String> rivals = new HashSet<>();
    Set<String> withCompetitor = new HashSet<>();
    for (FactRecord f : byType.get("Competes")) {
      rivals.add(field(f, "company") + ">" + field(f, "rival"));
      rivals.add(field(f, "rival") + ">" + field(f, "company"));
      withCompetitor.add(field(f, "company"));
    }
    Set<String> collaborating = new HashSet<>();
    byType.get("PublicCollaboration").forEach(f -> collaborating.add(field(f, "a")));

    List<String> companies = kinds.keySet().stream().filter(c -> c.startsWith("c")).toList();
    // Every company makes two to four (distinct) investments and one to three spends.
    assertThat(companies)
        .allSatisfy(
            c -> {
              assertThat(investees.get(c)).hasSizeBetween(2, 4);
              assertThat(spendCount.get(c)).isBetween(1, 3);
            });
    assertThat(byType.get("Investment").size() / (double) n).isBetween(2.9, 3.1);
    assertThat(withCompetitor.stream().filter(c -> c.startsWith("c")).count() / (double) n)
        .isBetween(0.45, 0.55);
    assertThat(collaborating.size() / (double) n).isBetween(0.45, 0.55);

    // Circular: the investee spends with its investor. Hedged: it competes with another investee.
    int circular = 0;
    int hedged = 0;
    int local = 0;
    List<FactRecord> investments = byType.get("Investment");
    for (FactRecord f : investments) {
      String x = field(f, "investor");
      String to = field(f, "investee");
      circular += spends.contains(to + ">" + x) ? 1 : 0;
      hedged +=
          investees.get(x).stream().anyMatch(other -> rivals.contains(to + ">" + other)) ? 1 : 0;
      local += to.startsWith("c") && ringDistance(x, to, n) <= 2 * Companies.WINDOW ? 1 : 0;
    }
    double total = investments.size();
    assertThat(circular / total).as("circular").isBetween(0.05, 0.15);
    assertThat(hedged / total).as("hedged").isBetween(0.08, 0.2);
    assertThat((circular + hedged) / total).as("circular or hedged").isBetween(0.15, 0.3);
    assertThat(local / total).as("local").isBetween(0.8, 0.95);
  }

  private static double share(java.util.Collection<String> values, String value) {
    return values.stream().filter(value::equals).count() / (double) values.size();
  }

  private static long ringDistance(String a, String b, long n) {
    long d = Math.abs(Long.parseLong(a.substring(1)) - Long.parseLong(b.substring(1)));
    return Math.min(d, n - d);
  }

  @Test
  void aSmallerVocabularyGetsExactlyTheSameFactsOfTheTypesItDeclares() throws Exception {
    generate(dir.resolve("full"), 2000, 5);
    CorpusGenerator.Summary peer =
        generate(dir.resolve("peer"), 2000, 5, PEER_RULES, Settings.DEFAULT_FACTS_PER_FILE, false);
    Vocabulary vocabulary = Vocabulary.read(PEER_RULES);
    assertThat(peer.factsPerType()).containsOnlyKeys("Investment", "CloudSpend", "Competes");
    List<String> expected =
        facts(dir.resolve("full")).stream()
            .filter(f -> vocabulary.fields(f.type()).isPresent())
            .map(
                f -> {
                  StringBuilder s =
                      new StringBuilder(f.id() + " " + f.type() + " " + f.confidence());
                  f.fields()
                      .forEach(
                          (k, v) -> {
                            if (vocabulary.fields(f.type()).orElseThrow().contains(k)) {
                              s.append(' ').append(k).append('=').append(v.value());
                            }
                          });
                  return s.toString();
                })
            .toList();
    assertThat(facts(dir.resolve("peer")).stream().map(CorpusGeneratorTest::identity).toList())
        .hasSize((int) peer.facts())
        .isEqualTo(expected);
    // The peer rules argue no thesis, so the corpus has none; and it loads against them.
    assertThat(dev.thesis.Fixtures.corpus(List.of(dir.resolve("peer"))).corpus().theses())
        .isEmpty();
    assertThat(Fixtures.loaded(PEER_RULES, List.of(dir.resolve("peer"))).diagnostics())
        .noneMatch(Diagnostic::isError);
  }

  @Test
  void tsvFilesHoldTheRelationsInDeclaredFieldOrder() throws Exception {
    CorpusGenerator.Summary peer = generate(dir.resolve("peer"), 300, 2, PEER_RULES, 1000, true);
    assertThat(peer.tsvFiles())
        .containsExactly("Investment.facts", "CloudSpend.facts", "Competes.facts");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (FactRecord f : facts(dir.resolve("peer"))) {
      List<String> columns = Vocabulary.read(PEER_RULES).fields(f.type()).orElseThrow();
      expected
          .computeIfAbsent(f.type(), t -> new ArrayList<>())
          .add(String.join("\t", columns.stream().map(c -> field(f, c)).toList()));
    }
    for (String type : List.of("Investment", "CloudSpend", "Competes")) {
      assertThat(Files.readAllLines(dir.resolve("peer").resolve(type + ".facts")))
          .as(type)
          .isEqualTo(expected.get(type));
    }
    // In the full vocabulary a field a fact leaves out is an empty column.
    generate(dir.resolve("full"), 300, 2, Fixtures.SEED_RULES, 1000, true);
    List<String> rows = Files.readAllLines(dir.resolve("full").resolve("Investment.facts"));
    assertThat(rows)
        .hasSize(peer.factsPerType().get("Investment").intValue())
        .allSatisfy(row -> assertThat(row.split("\t", -1)).hasSize(4))
        .anySatisfy(row -> assertThat(row).endsWith("\t"));
  }

  @Test
  void aNewGenerationReplacesAnEarlierOne() throws Exception {
    generate(dir, 600, 1, Fixtures.SEED_RULES, 500, true);
    CorpusGenerator.Summary second = generate(dir, 100, 1);
    assertThat(contents(dir).keySet()).containsExactlyInAnyOrder("GENERATED", "gen-0001.json");
    assertThat(facts(dir)).hasSize((int) second.facts());
  }
}
