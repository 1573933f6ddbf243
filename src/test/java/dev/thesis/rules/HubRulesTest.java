package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.generate.CorpusGenerator;
import dev.thesis.trace.Conclusion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two corpus rules rewritten to survive hubs (issue 17) reach what the rules they replace
 * reached, on a generated corpus of 10k companies: the same verdicts, scores and posteriors, and
 * the same conclusions, except that a shared rival is now concluded only for labs that collaborate
 * in public (the only use of one).
 */
class HubRulesTest {
  private static final Path OLD_RULES = Path.of("src/test/resources/hubs/old-rules/hub-pairs.drl");
  private static final List<String> REWRITTEN =
      List.of("Two labs share a rival", "A lab takes money from rival investors");

  @TempDir Path dir;

  @Test
  void rewrittenRulesReachTheSameVerdictsOnTenThousandCompanies() throws Exception {
    Path facts = dir.resolve("facts");
    CorpusGenerator.generate(
        new CorpusGenerator.Settings(
            10_000, 1, CorpusGenerator.Settings.DEFAULT_FACTS_PER_FILE, false),
        Vocabulary.read(Fixtures.SEED_RULES),
        Fixtures.corpus(List.of(Fixtures.SEED_FACTS)).corpus(),
        facts,
        "(test)");
    EvaluationResult now = Fixtures.evaluator().evaluate(Fixtures.load(Fixtures.SEED_RULES, facts));
    EvaluationResult before = Fixtures.evaluator().evaluate(Fixtures.load(oldRules(), facts));

    assertThat(theses(now)).isEqualTo(theses(before)).hasSize(13);
    assertThat(questions(now)).isEqualTo(questions(before)).hasSize(2);

    Map<String, Set<String>> was = idsByType(before);
    Map<String, Set<String>> is = idsByType(now);
    // The corpus has enough of both for the comparison to mean something.
    assertThat(was.get("RivalBackers")).hasSizeGreaterThan(100);
    assertThat(was.get("CommonFront")).hasSizeGreaterThan(100);
    assertThat(is.get("SharedRival")).isSubsetOf(was.get("SharedRival"));
    assertThat(is.get("SharedRival")).hasSizeLessThan(was.get("SharedRival").size());
    was.remove("SharedRival");
    is.remove("SharedRival");
    assertThat(is).isEqualTo(was);
  }

  /** rules/, with the two rewritten rules put back as they were. */
  private Path oldRules() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("old-rules"));
    for (Path f : Files.newDirectoryStream(Fixtures.SEED_RULES, "*.drl")) {
      String text = Files.readString(f);
      for (String name : REWRITTEN) {
        text =
            Pattern.compile("(?ms)^rule \"" + Pattern.quote(name) + "\".*?^end\\n")
                .matcher(text)
                .replaceAll("");
      }
      Files.writeString(rules.resolve(f.getFileName()), text);
    }
    Files.copy(OLD_RULES, rules.resolve("15-hub-pairs.drl"));
    assertThat(Files.readString(rules.resolve("10-classify.drl"))).doesNotContain(REWRITTEN);
    return rules;
  }

  private static Map<String, String> theses(EvaluationResult r) {
    return r.verdicts().stream()
        .collect(
            Collectors.toMap(
                v -> v.thesis().id(),
                v ->
                    v.verdict()
                        + " "
                        + v.support()
                        + " "
                        + v.opposition()
                        + " "
                        + v.posterior()
                        + " "
                        + v.arguments().size(),
                (a, b) -> a,
                TreeMap::new));
  }

  private static Map<String, String> questions(EvaluationResult r) {
    return r.questions().stream()
        .collect(
            Collectors.toMap(
                q -> q.id(),
                q -> q.verdict() + " " + q.leader() + " " + q.posteriors() + " " + q.hypotheses(),
                (a, b) -> a,
                TreeMap::new));
  }

  private static Map<String, Set<String>> idsByType(EvaluationResult r) {
    return r.conclusions().stream()
        .collect(
            Collectors.groupingBy(
                Conclusion::type,
                TreeMap::new,
                Collectors.mapping(
                    Conclusion::id, Collectors.toCollection(java.util.TreeSet::new))));
  }
}
