package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules cache saves time and never changes what the rules are. */
class CompiledRulesCacheTest {
  @TempDir Path rules;
  @TempDir Path cacheDir;

  private static final String RULES =
      """
      package c;
      declare Item  name : String @key  end
      declare Seen  name : String @key  end
      rule "%s" when Item( $n : name ) then insertLogical( new Seen( $n ) ); end
      """;

  private RuleCompiler.Result compile() {
    RuleCompiler.Result r =
        RuleCompiler.compile(
            rules, CompiledRulesCache.in(cacheDir), dev.thesis.safemode.Scan.ENFORCE);
    assertThat(r.diagnostics()).isEmpty();
    return r;
  }

  private void write(String ruleName) throws IOException {
    Files.writeString(rules.resolve("r.drl"), RULES.formatted(ruleName));
  }

  private static List<String> ruleNames(RuleCompiler.Result r) {
    return r.ruleSet().rules().stream().map(RuleInfo::name).toList();
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> s = Files.list(cacheDir)) {
      return s.filter(p -> p.toString().endsWith(".kb")).toList();
    }
  }

  /** Fires the rule set on one item and returns the names it concluded were seen. */
  private static List<Object> seen(RuleSet set) throws Exception {
    var item = set.kieBase().getFactType("c", "Item");
    Object i = item.newInstance();
    item.set(i, "name", "x");
    var session = set.kieBase().newKieSession();
    try {
      session.insert(i);
      session.fireAllRules();
      var seen = set.kieBase().getFactType("c", "Seen");
      return session.getObjects(o -> o.getClass().getSimpleName().equals("Seen")).stream()
          .map(o -> seen.get(o, "name"))
          .toList();
    } finally {
      session.dispose();
    }
  }

  @Test
  void theSecondCompileOfUnchangedRulesIsServedFromTheCacheAndBehavesTheSame() throws Exception {
    write("see");
    RuleCompiler.Result first = compile();
    RuleCompiler.Result second = compile();
    assertThat(first.fromCache()).isFalse();
    assertThat(second.fromCache()).isTrue();
    assertThat(ruleNames(second)).isEqualTo(ruleNames(first));
    assertThat(second.ruleSet().schema().types()).hasSameSizeAs(first.ruleSet().schema().types());
    assertThat(seen(second.ruleSet())).containsExactly("x").isEqualTo(seen(first.ruleSet()));
  }

  @Test
  void anEditedRuleIsNeverServedStale() throws Exception {
    write("see");
    compile();
    assertThat(compile().fromCache()).isTrue();
    write("notice");
    RuleCompiler.Result edited = compile();
    assertThat(edited.fromCache()).isFalse();
    assertThat(ruleNames(edited)).containsExactly("notice");
    RuleCompiler.Result again = compile();
    assertThat(again.fromCache()).isTrue();
    assertThat(ruleNames(again)).containsExactly("notice");
    // Editing back finds the first entry again, and it still holds the first rule.
    write("see");
    RuleCompiler.Result back = compile();
    assertThat(back.fromCache()).isTrue();
    assertThat(ruleNames(back)).containsExactly("see");
  }

  @Test
  void aCorruptOrTruncatedEntryFallsBackToCompilingAndIsReplaced() throws Exception {
    write("see");
    compile();
    Path entry = entries().get(0);
    byte[] good = Files.readAllBytes(entry);
    for (byte[] bad :
        List.of(
            "garbage".getBytes(), java.util.Arrays.copyOf(good, good.length / 2), new byte[0])) {
      Files.write(entry, bad);
      RuleCompiler.Result r = compile();
      assertThat(r.fromCache()).isFalse();
      assertThat(seen(r.ruleSet())).containsExactly("x");
      assertThat(compile().fromCache()).as("the entry was replaced").isTrue();
    }
  }

  @Test
  void anEntryCopiedUnderAnotherKeyIsNotServed() throws Exception {
    write("see");
    compile();
    Path seeEntry = entries().get(0);
    write("notice");
    compile();
    Path noticeEntry =
        entries().stream().filter(p -> !p.equals(seeEntry)).findFirst().orElseThrow();
    Files.copy(seeEntry, noticeEntry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    RuleCompiler.Result r = compile();
    assertThat(r.fromCache()).isFalse();
    assertThat(ruleNames(r)).containsExactly("notice");
  }

  @Test
  void concurrentCompilesAllSucceedAndLeaveOneWholeEntry() throws Exception {
    write("see");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<RuleCompiler.Result>> jobs = java.util.Collections.nCopies(4, this::compile);
      for (Future<RuleCompiler.Result> f : pool.invokeAll(jobs)) {
        assertThat(seen(f.get().ruleSet())).containsExactly("x");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(entries()).hasSize(1);
    try (Stream<Path> s = Files.list(cacheDir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".tmp")))
          .as("no temporary files left")
          .isEmpty();
    }
    assertThat(compile().fromCache()).isTrue();
  }

  @Test
  void rulesWithWarningsOrErrorsAreNotCached() throws Exception {
    Files.writeString(
        rules.resolve("r.drl"), "package c;\nrule \"broken\" when Missing() then end\n");
    RuleCompiler.Result r =
        RuleCompiler.compile(
            rules, CompiledRulesCache.in(cacheDir), dev.thesis.safemode.Scan.ENFORCE);
    assertThat(r.hasErrors()).isTrue();
    assertThat(entries()).isEmpty();
  }

  @Test
  void aDisabledCacheWritesNothing() throws Exception {
    write("see");
    RuleCompiler.compile(rules, CompiledRulesCache.disabled(), dev.thesis.safemode.Scan.ENFORCE);
    assertThat(entries()).isEmpty();
  }

  @Test
  void theSeedCorpusGivesTheSameReportFromCachedRulesAsFromFreshlyCompiledOnes() throws Exception {
    List<Path> facts = List.of(Path.of("facts"));
    CompiledRulesCache cache = CompiledRulesCache.in(cacheDir);
    var evaluator = dev.thesis.Fixtures.evaluator(1_000_000, 2);
    String fresh =
        dev.thesis.report.JsonReport.render(
            evaluator.evaluate(
                new dev.thesis.inputs.Workspace(
                        dev.thesis.inputs.Settings.DEFAULT, new dev.thesis.diag.Timings(), cache)
                    .load(dev.thesis.inputs.LoadSpec.of(Path.of("rules"), facts))
                    .orThrow()));
    assertThat(entries()).hasSize(1);
    // The next load of these rules is served from that entry, not compiled again.
    assertThat(
            RuleCompiler.compile(Path.of("rules"), cache, dev.thesis.safemode.Scan.ENFORCE)
                .fromCache())
        .isTrue();
    String cached =
        dev.thesis.report.JsonReport.render(
            evaluator.evaluate(
                new dev.thesis.inputs.Workspace(
                        dev.thesis.inputs.Settings.DEFAULT, new dev.thesis.diag.Timings(), cache)
                    .load(dev.thesis.inputs.LoadSpec.of(Path.of("rules"), facts))
                    .orThrow()));
    assertThat(cached).isEqualTo(fresh).contains("anti-openai-alliance");
  }
}
