package dev.thesis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.generate.CorpusGenerator;
import dev.thesis.rules.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Drools floor does the work thesis does, or its ratio to thesis means nothing: on a generated
 * corpus its session holds, type by type, the facts thesis binds and the conclusions thesis draws.
 */
class DroolsFloorTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"bench/peer-rules", "rules"})
  void holdsWhatThesisStatesAndConcludes(String rulesFolder) throws Exception {
    Path rules = Path.of(rulesFolder);
    // The seed corpus's theses and questions, which rules/ argues and rates.
    CorpusGenerator.generate(
        new CorpusGenerator.Settings(
            800, 2, CorpusGenerator.Settings.DEFAULT_FACTS_PER_FILE, false),
        Vocabulary.read(rules),
        Fixtures.corpus(List.of(Fixtures.SEED_FACTS)).corpus(),
        dir,
        "(test)");

    EvaluationResult thesis = Fixtures.evaluator().evaluate(Fixtures.load(rules, dir));
    Map<String, Integer> expected = new TreeMap<>();
    thesis.facts().forEach(f -> expected.merge(f.record().type(), 1, Integer::sum));
    thesis.conclusions().forEach(c -> expected.merge(c.type(), 1, Integer::sum));

    DroolsFloor.Run floor = DroolsFloor.run(rules, dir);
    assertThat(floor.objectsByType()).isEqualTo(expected);
    assertThat(floor.facts()).isEqualTo(thesis.facts().size());
    assertThat(floor.conclusions()).isEqualTo(thesis.conclusions().size()).isPositive();
  }
}
