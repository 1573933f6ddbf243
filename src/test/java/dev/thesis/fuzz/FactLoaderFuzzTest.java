package dev.thesis.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.engine.EvaluationException;
import dev.thesis.facts.CorpusLoader;
import dev.thesis.facts.FactBinder;
import dev.thesis.inputs.Inputs;
import dev.thesis.report.HtmlReport;
import dev.thesis.report.JsonReport;
import dev.thesis.report.MarkdownReport;
import dev.thesis.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated fact files, seeded from the real corpus, go through load, bind, lint, evaluate and every
 * report. Whatever the bytes, the outcome must be a result or a clean error (diagnostics, or the
 * evaluation's own exception), never another exception and never a hang. A failing input is saved
 * under target/fuzz-failures with its seed and iteration.
 *
 * <p>CI runs 300 mutants from a fixed seed. Longer, from another seed: {@code mvn -B test
 * -Dtest=FactLoaderFuzzTest -Dthesis.fuzz.iterations=20000 -Dthesis.fuzz.seed=7}.
 */
class FactLoaderFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("thesis.fuzz.iterations", 300);
  private static final long SEED = Long.getLong("thesis.fuzz.seed", 20261128L);

  /** Pieces that JSON parsers and binders trip on. */
  private static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          "\"",
          ",",
          ":",
          "null",
          "true",
          "NaN",
          "-0",
          "1e999",
          "0.1e-400",
          "\"\\u0000\"",
          "\uFEFF",
          "//",
          "/*",
          "\\",
          "\"id\": \"x\"",
          "\"type\": \"Company\"",
          "\"confidence\": 2",
          "\"date\": \"2025-13-45\"",
          "[[[[[[[[[[[[[[[[[[[[",
          "\"" + "a".repeat(5000) + "\"",
          "99999999999999999999999",
          "\u00e9",
          "\"source\": \"nowhere\"",
          "\"facts\": {}",
          "\"investor\": 5",
          "\"boardSeat\": \"yes\"",
          "\"parity\": null",
          ",\"extra\": 1");

  @Test
  void anyMutatedFactFileGivesAResultOrACleanError(@TempDir Path tmp) throws IOException {
    RuleSet rules = dev.thesis.Fixtures.compile(Path.of("rules")).ruleSet();
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("facts"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        seeds.add(Files.readAllBytes(f));
      }
    }
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] mutant = seeds.get(random.nextInt(seeds.size()));
      int n = 1 + random.nextInt(4);
      for (int k = 0; k < n; k++) {
        mutant = mutate(mutant, random);
      }
      Path file = Files.write(tmp.resolve("fuzzed-" + i + ".json"), mutant);
      try {
        String outcome =
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(file, rules));
        outcomes.merge(outcome, 1, Integer::sum);
      } catch (Throwable t) {
        Path saved = Path.of("target/fuzz-failures/seed-" + SEED + "-iteration-" + i + ".json");
        Files.createDirectories(saved.getParent());
        Files.write(saved, mutant);
        throw new AssertionError(
            "mutant " + i + " (seed " + SEED + ") did not fail cleanly; saved as " + saved, t);
      } finally {
        Files.delete(file);
      }
    }
    // The mutants must reach every stage, or the fuzzer tests only the JSON parser.
    assertThat(outcomes)
        .as("outcomes")
        .containsKeys("refused while reading", "evaluated and reported");
    System.out.println(
        "fact loader fuzz: " + ITERATIONS + " mutants from seed " + SEED + ": " + outcomes);
  }

  private static byte[] mutate(byte[] b, SplittableRandom r) {
    if (b.length == 0) {
      return TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }
    int at = r.nextInt(b.length);
    switch (r.nextInt(5)) {
      case 0 -> {
        byte[] c = b.clone();
        c[at] = (byte) (c[at] ^ (1 << r.nextInt(8)));
        return c;
      }
      case 1 -> {
        int to = Math.min(b.length, at + 1 + r.nextInt(200));
        return splice(b, at, to, new byte[0]);
      }
      case 2 -> {
        return splice(
            b, at, at, TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
      }
      case 3 -> {
        return java.util.Arrays.copyOf(b, at);
      }
      default -> {
        int to = Math.min(b.length, at + 1 + r.nextInt(400));
        return splice(b, to, to, java.util.Arrays.copyOfRange(b, at, to));
      }
    }
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] piece) {
    byte[] c = new byte[b.length - (to - from) + piece.length];
    System.arraycopy(b, 0, c, 0, from);
    System.arraycopy(piece, 0, c, from, piece.length);
    System.arraycopy(b, to, c, from + piece.length, b.length - to);
    return c;
  }

  /** The pipeline evaluate runs; diagnostics are a clean outcome, other exceptions are not. */
  private static String run(Path file, RuleSet rules) {
    CorpusLoader.Result loaded = dev.thesis.Fixtures.corpus(List.of(file));
    if (loaded.hasErrors()) {
      assertThat(loaded.diagnostics()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
      return "refused while reading";
    }
    FactBinder.Result bound =
        FactBinder.bind(loaded.corpus(), rules.schema(), dev.thesis.diag.Progress.NONE);
    if (!bound.diagnostics().isEmpty()) {
      return "refused while binding";
    }
    dev.thesis.lint.Linter.lint(rules.book(), loaded.corpus(), bound.facts());
    Inputs in = new Inputs(rules, loaded.corpus(), bound.facts(), List.of(), List.of());
    EvaluationResult r;
    try {
      r = dev.thesis.Fixtures.evaluator(100_000, 1).evaluate(in);
    } catch (EvaluationException e) {
      return "refused while evaluating";
    }
    assertThat(JsonReport.render(r)).isNotEmpty();
    assertThat(MarkdownReport.render(r)).isNotEmpty();
    assertThat(HtmlReport.render(r)).isNotEmpty();
    return "evaluated and reported";
  }
}
