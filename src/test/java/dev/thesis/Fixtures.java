package dev.thesis;

import dev.thesis.diag.InvalidInputException;
import dev.thesis.inputs.Inputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths of the test corpora, and helpers to write small inputs. */
public final class Fixtures {
  public static final Path MINI_RULES = Path.of("src/test/resources/mini/rules");
  public static final Path MINI_FACTS = Path.of("src/test/resources/mini/facts");
  public static final Path LOOP_RULES = Path.of("src/test/resources/loop/rules");
  public static final Path LOOP_FACTS = Path.of("src/test/resources/loop/facts");

  /** The mini corpus with dated sources, for --as-of and the timeline (the seed is undated). */
  public static final Path DATED_FACTS = Path.of("src/test/resources/dated/facts");

  public static final Path SEED_RULES = Path.of("rules");
  public static final Path SEED_FACTS = Path.of("facts");

  private Fixtures() {}

  public static Inputs mini() {
    return load(MINI_RULES, MINI_FACTS);
  }

  /** The mini rules on the dated fixture: f5 undated, f1-f2 of 2023-03-01, f3-f4 of 2024-06-01. */
  public static Inputs dated() {
    return load(MINI_RULES, DATED_FACTS);
  }

  public static Inputs seed() {
    return load(SEED_RULES, SEED_FACTS);
  }

  public static Inputs load(Path rules, Path facts) {
    try {
      return loaded(rules, List.of(facts)).orThrow();
    } catch (InvalidInputException e) {
      throw new AssertionError("fixture does not load: " + e.diagnostics(), e);
    }
  }

  /** A rules folder compiled as a run compiles it (the test cache, safe mode on). */
  public static dev.thesis.rules.RuleCompiler.Result compile(Path rules) {
    return dev.thesis.rules.RuleCompiler.compile(
        rules,
        dev.thesis.rules.CompiledRulesCache.of(dev.thesis.env.Environment.current()),
        dev.thesis.safemode.Scan.ENFORCE);
  }

  /** Fact files read as a corpus, with no rules. */
  public static dev.thesis.facts.CorpusLoader.Result corpus(List<Path> facts) {
    return dev.thesis.facts.CorpusLoader.load(
        facts, List.of(), List.of(), dev.thesis.diag.Progress.NONE);
  }

  /** An evaluator at the default thresholds and firing limit, with no critical-evidence search. */
  public static dev.thesis.analysis.Evaluator evaluator() {
    return evaluator(dev.thesis.inputs.Settings.DEFAULT_MAX_FIRINGS, 0);
  }

  /** An evaluator at the default thresholds, with this firing limit and critical-evidence bound. */
  public static dev.thesis.analysis.Evaluator evaluator(long maxFirings, int criticalMax) {
    dev.thesis.inputs.Settings s = dev.thesis.inputs.Settings.DEFAULT;
    return dev.thesis.analysis.Evaluator.of(
        new dev.thesis.inputs.Settings(
            null,
            false,
            false,
            false,
            s.supportThreshold(),
            s.oppositionThreshold(),
            s.odds(),
            maxFirings,
            criticalMax,
            true,
            s.environment()),
        0,
        dev.thesis.diag.Progress.NONE);
  }

  /** What the one load path finds for these rules and facts, at the default settings. */
  public static dev.thesis.inputs.Loaded loaded(Path rules, List<Path> facts) {
    return new dev.thesis.inputs.Workspace(
            dev.thesis.inputs.Settings.DEFAULT, new dev.thesis.diag.Timings())
        .load(dev.thesis.inputs.LoadSpec.of(rules, facts));
  }

  public static Path write(Path dir, String name, String content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies every file of {@code from} into {@code to}. */
  public static void copyDir(Path from, Path to) {
    try (var files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
