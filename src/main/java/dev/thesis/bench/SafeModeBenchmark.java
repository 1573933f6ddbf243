package dev.thesis.bench;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.safemode.SafeMode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.drools.drl.parser.DrlParser;

/**
 * What safe mode adds to a run. RuleCompiler parses every rule file before building (to report a
 * syntax error alone), so the parser is warm when safe mode runs; the scan can reuse those parses
 * ({@link SafeMode#scanParsed}) or parse again ({@link SafeMode#scan}). In a fresh JVM, the rules
 * are compiled once first (the JVM and the parser then are as warm as in a run; safe mode's own code
 * is not), then each step is timed once, then the median of RUNS more.
 * Usage: {@code SafeModeBenchmark RULES_DIR RUNS}; prints a Markdown table.
 */
public final class SafeModeBenchmark {
  private SafeModeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<Diagnostic> problems = new ArrayList<>();
    List<Path> files = RuleCompiler.drlFiles(dir, problems);
    List<SafeMode.Source> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(new SafeMode.Source(DisplayPath.of(f), Files.readString(f, StandardCharsets.UTF_8)));
    }
    long t = System.nanoTime();
    RuleCompiler.compile(dir);
    double compile = ms(t);
    t = System.nanoTime();
    List<SafeMode.ParsedSource> parsed = parse(sources);
    double firstParse = ms(t);
    t = System.nanoTime();
    List<Diagnostic> found = SafeMode.scanParsed(parsed);
    double firstScanParsed = ms(t);
    t = System.nanoTime();
    SafeMode.scan(files);
    double firstScan = ms(t);
    double[] parse = new double[runs];
    double[] scanParsed = new double[runs];
    double[] scan = new double[runs];
    for (int i = 0; i < runs; i++) {
      t = System.nanoTime();
      parse(sources);
      parse[i] = ms(t);
      t = System.nanoTime();
      SafeMode.scanParsed(parsed);
      scanParsed[i] = ms(t);
      t = System.nanoTime();
      SafeMode.scan(files);
      scan[i] = ms(t);
    }
    long lines = sources.stream().mapToLong(s -> s.text().lines().count()).sum();
    System.out.printf(Locale.ROOT, "%s: %d files, %d lines, %d refusal(s)%n%n", dir, files.size(), lines, found.size());
    System.out.println("| step | once, after compiling the rules once (ms) | median of " + runs + " more (ms) |");
    System.out.println("|---|---:|---:|");
    System.out.printf(Locale.ROOT, "| compile the rules (RuleCompiler.compile; the first in this JVM) | %.1f | - |%n", compile);
    row("parse every file (DrlParser; RuleCompiler does this anyway)", firstParse, parse);
    row("safe mode on those parses (SafeMode.scanParsed)", firstScanParsed, scanParsed);
    row("safe mode parsing again (SafeMode.scan)", firstScan, scan);
  }

  private static List<SafeMode.ParsedSource> parse(List<SafeMode.Source> sources) throws Exception {
    List<SafeMode.ParsedSource> out = new ArrayList<>();
    for (SafeMode.Source s : sources) {
      out.add(new SafeMode.ParsedSource(s, new DrlParser().parse(new StringReader(s.text()))));
    }
    return out;
  }

  private static void row(String step, double first, double[] later) {
    double[] sorted = later.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", step, first, sorted[sorted.length / 2]);
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }
}
