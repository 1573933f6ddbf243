package dev.thesis.bench;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.safemode.SafeMode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What safe mode adds to a run. RuleCompiler parses every rule file before building (to report a
 * syntax error alone), so the scan can reuse those parses ({@link SafeMode#scanParsed}) or parse
 * again ({@link SafeMode#scan}).
 *
 * <p>Two kinds of figure, as a run sees them: {@code first*} is one call in a fresh JVM that has
 * compiled the rules once (what a CLI run pays), the others the steady state after warm-up (what
 * the daemon pays). The JVM flags are the CLI's short-run ones. Run by {@code bench/safe-mode},
 * never by the build. Not final: JMH's generated harness extends it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SafeModeBenchmark {

  /** The rule files, read but not parsed: nothing of Drools is loaded yet. */
  @State(Scope.Benchmark)
  public static class RuleFiles {
    /**
     * Folder of .drl files, relative to where the benchmark runs (bench/safe-mode: the repository).
     */
    @Param("rules")
    public String rules;

    Path dir;
    List<Path> files;
    List<SafeMode.Source> sources;

    @Setup
    public void read() throws IOException {
      dir = Path.of(rules);
      List<Diagnostic> problems = new ArrayList<>();
      files = RuleCompiler.drlFiles(dir, problems);
      if (files.isEmpty()) {
        throw new IllegalStateException(
            "no .drl files in " + dir.toAbsolutePath() + ": " + problems);
      }
      sources = new ArrayList<>();
      for (Path f : files) {
        sources.add(
            new SafeMode.Source(DisplayPath.of(f), Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
  }

  /** As after a run's compile: the JVM and the parser are warm. */
  @State(Scope.Benchmark)
  public static class Compiled {
    @Setup
    public void compile(RuleFiles files) {
      dev.thesis.Fixtures.compile(files.dir);
    }
  }

  /** The parses RuleCompiler hands to safe mode. */
  @State(Scope.Benchmark)
  public static class Parsed {
    List<SafeMode.ParsedSource> parsed;

    @Setup
    public void parse(RuleFiles files, Compiled compiled) throws DroolsParserException {
      parsed = SafeModeBenchmark.parse(files.sources);
    }
  }

  /** Compiling the rules, the first time in a JVM: the cost the figures below are a part of. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public RuleCompiler.Result firstCompile(RuleFiles files) {
    return dev.thesis.Fixtures.compile(files.dir);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public List<SafeMode.ParsedSource> firstParse(RuleFiles files, Compiled compiled)
      throws DroolsParserException {
    return parse(files.sources);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public List<Diagnostic> firstScanParsed(Parsed parsed) {
    return SafeMode.scanParsed(parsed.parsed);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public List<Diagnostic> firstScan(RuleFiles files, Compiled compiled) {
    return SafeMode.scan(files.files);
  }

  /** Parsing every file with DrlParser: RuleCompiler does this anyway. */
  @Benchmark
  public List<SafeMode.ParsedSource> parse(RuleFiles files, Compiled compiled)
      throws DroolsParserException {
    return parse(files.sources);
  }

  /** Safe mode on the parses RuleCompiler already has. */
  @Benchmark
  public List<Diagnostic> scanParsed(Parsed parsed) {
    return SafeMode.scanParsed(parsed.parsed);
  }

  /** Safe mode parsing again. */
  @Benchmark
  public List<Diagnostic> scan(RuleFiles files, Compiled compiled) {
    return SafeMode.scan(files.files);
  }

  static List<SafeMode.ParsedSource> parse(List<SafeMode.Source> sources)
      throws DroolsParserException {
    List<SafeMode.ParsedSource> out = new ArrayList<>();
    for (SafeMode.Source s : sources) {
      out.add(new SafeMode.ParsedSource(s, new DrlParser().parse(new StringReader(s.text()))));
    }
    return out;
  }
}
