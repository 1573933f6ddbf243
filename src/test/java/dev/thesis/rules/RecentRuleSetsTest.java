package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentRuleSetsTest {
  @TempDir Path dir;
  private CompiledRulesCache cache;

  @BeforeEach
  void on() {
    RecentRuleSets.enable(true);
    cache = CompiledRulesCache.in(dir.resolve("cache"));
  }

  @AfterEach
  void off() {
    RecentRuleSets.enable(false);
  }

  private Path copy(String name) throws Exception {
    Path target = Files.createDirectories(dir.resolve(name));
    try (Stream<Path> files = Files.list(Fixtures.MINI_RULES)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  @Test
  void theSameFilesGetTheSameRuleSetAndAnEditANewOne() throws Exception {
    Path rules = copy("rules");
    RuleSet first = RuleCompiler.compile(rules, cache).ruleSet();
    assertThat(first).isNotNull();
    assertThat(RuleCompiler.compile(rules, cache).ruleSet()).isSameAs(first);
    Path file;
    try (Stream<Path> files = Files.list(rules)) {
      file = files.filter(f -> f.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(file, Files.readString(file) + "\n// edited\n");
    RuleSet edited = RuleCompiler.compile(rules, cache).ruleSet();
    assertThat(edited).isNotNull().isNotSameAs(first);
  }

  @Test
  void theSameBytesAtAnotherPathGetTheirOwnRuleSet() throws Exception {
    RuleSet a = RuleCompiler.compile(copy("a"), cache).ruleSet();
    RuleSet b = RuleCompiler.compile(copy("b"), cache).ruleSet();
    assertThat(a).isNotNull();
    assertThat(b).isNotNull().isNotSameAs(a);
    // b came from the disk cache (same bytes), but names its own files.
    assertThat(b.shapes().get(0).location().toString()).contains("/b/");
  }

  @Test
  void safeModeStillJudgesTextsARuleSetWasRememberedFor() throws Exception {
    Path rules = copy("rules");
    Files.writeString(rules.resolve("zz-unsafe.drl"), "package mini;\nrule \"x\" when then System.exit(1); end\n");
    assertThat(RuleCompiler.compile(rules, cache, true).ruleSet()).isNotNull();
    RuleCompiler.Result safe = RuleCompiler.compile(rules, cache, false);
    assertThat(safe.ruleSet()).isNull();
    assertThat(safe.hasErrors()).isTrue();
  }

  @Test
  void offByDefault() throws Exception {
    RecentRuleSets.enable(false);
    Path rules = copy("rules");
    RuleSet first = RuleCompiler.compile(rules, cache).ruleSet();
    assertThat(RuleCompiler.compile(rules, cache).ruleSet()).isNotNull().isNotSameAs(first);
  }
}
