package dev.thesis.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Severity;
import dev.thesis.rules.CompiledRulesCache;
import dev.thesis.rules.RuleCompiler;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SafeModeTest {
  private static final Path UNSAFE = Path.of("src/test/resources/unsafe");

  @TempDir Path dir;

  /** What a fixture's expected.txt says: whether Drools compiles it, and each refusal in order. */
  private record Expected(boolean compiles, List<Refusal> refusals) {
    record Refusal(int line, int column, String code, String fragment) {}

    static Expected read(Path file) {
      Boolean compiles = null;
      List<Refusal> refusals = new ArrayList<>();
      for (String l : lines(file)) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("compiles: ")) {
          compiles = l.startsWith("compiles: yes");
          continue;
        }
        String[] parts = l.split(" ", 3);
        String[] at = parts[0].split(":");
        refusals.add(
            new Refusal(Integer.parseInt(at[0]), Integer.parseInt(at[1]), parts[1], parts[2]));
      }
      assertThat(compiles).as("%s says whether Drools compiles the fixture", file).isNotNull();
      return new Expected(compiles, refusals);
    }
  }

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(UNSAFE)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void eachFixtureIsRefusedWhereItsExpectationsSay(Path fixture) {
    Expected expected = Expected.read(fixture.resolve("expected.txt"));
    Path drl = fixture.resolve("rules.drl");
    List<Diagnostic> found = SafeMode.scan(List.of(drl));
    assertThat(found).as("refusals in %s: %s", drl, found).hasSameSizeAs(expected.refusals());
    for (int i = 0; i < found.size(); i++) {
      Diagnostic d = found.get(i);
      Expected.Refusal e = expected.refusals().get(i);
      assertThat(d.location().file()).isEqualTo(DisplayPath.of(drl));
      assertThat(d.location().line() + ":" + d.location().column())
          .as("%s", d)
          .isEqualTo(e.line() + ":" + e.column());
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.code()).isEqualTo(e.code()).isEqualTo(SafeMode.CODE);
      assertThat(d.message()).contains(e.fragment()).endsWith("run with --trust-rules to allow)");
    }
  }

  /**
   * The hostile fixtures are real rules: without safe mode, Drools builds them (where they say so).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void eachFixtureCompilesWithoutSafeModeWhenItSaysSo(Path fixture) {
    Expected expected = Expected.read(fixture.resolve("expected.txt"));
    // Trusted: this proves the attack is real, so it must get past safe mode to the compiler.
    RuleCompiler.Result r = RuleCompiler.compile(fixture, CompiledRulesCache.disabled(), Scan.OFF);
    // A global or a rule unit is an error of its own (thesis sets no globals and runs no units),
    // not safe mode's: a fixture may use one. (A unit stops the build before Drools sees it.)
    boolean compiles =
        r.diagnostics().stream()
            .noneMatch(
                d -> d.isError() && !"global".equals(d.code()) && !"rule-unit".equals(d.code()));
    assertThat(compiles)
        .as("%s compiles: %s", fixture, r.diagnostics())
        .isEqualTo(expected.compiles());
  }

  /**
   * ADVISE (the OS sandbox confines the rules): each refusal is a warning at the same place, with
   * the same message and code, and the rules are built; a cache hit reports it again. ENFORCE:
   * errors, nothing built.
   */
  @Test
  void underAdviceARefusalIsAWarningAndTheRulesAreBuiltFromTheCacheToo() {
    Path fixture = UNSAFE.resolve("typesafe-false");
    List<Diagnostic> refused = SafeMode.scan(List.of(fixture.resolve("rules.drl")));
    CompiledRulesCache cache = CompiledRulesCache.in(dir.resolve("cache"));
    RuleCompiler.Result first = RuleCompiler.compile(fixture, cache, Scan.ADVISE);
    RuleCompiler.Result again = RuleCompiler.compile(fixture, cache, Scan.ADVISE);
    for (RuleCompiler.Result r : List.of(first, again)) {
      assertThat(r.hasErrors()).as("%s", r.diagnostics()).isFalse();
      assertThat(r.ruleSet()).isNotNull();
      assertThat(r.diagnostics())
          .hasSameSizeAs(refused)
          .allMatch(d -> d.severity() == Severity.WARNING && SafeMode.CODE.equals(d.code()));
      assertThat(r.diagnostics())
          .extracting(d -> d.location() + " " + d.message())
          .isEqualTo(refused.stream().map(d -> d.location() + " " + d.message()).toList());
    }
    assertThat(first.fromCache()).isFalse();
    assertThat(again.fromCache()).isTrue();
    RuleCompiler.Result enforced = RuleCompiler.compile(fixture, cache, Scan.ENFORCE);
    assertThat(enforced.ruleSet()).isNull();
    assertThat(enforced.diagnostics()).isEqualTo(refused);
  }

  @Test
  void theFixturesCoverWhatSafeModeMustRefuseAndWhatItMustNot() throws IOException {
    assertThat(fixtures().map(p -> p.getFileName().toString()))
        .contains(
            "consequence-exec",
            "constraint-exec",
            "eval-exec",
            "qualified-runtime",
            "import-file",
            "new-qualified-file",
            "system-exit",
            "reflection-getclass",
            "class-forname",
            "kie-runtime",
            "import-function",
            "function-file",
            "accumulate-processbuilder",
            "from-static",
            "salience-system",
            "thread-start",
            "string-literal",
            "comment",
            "member-without-parentheses",
            "type-as-value",
            "query-call-argument",
            "allowed-names",
            "allowed-real-drl");
    for (String allowed :
        List.of("string-literal", "comment", "allowed-names", "allowed-real-drl")) {
      assertThat(Expected.read(UNSAFE.resolve(allowed + "/expected.txt")).refusals())
          .as(allowed)
          .isEmpty();
    }
  }

  /**
   * Every rules folder of the repository passes, scanned as the program sees it: one folder at a
   * time.
   */
  @Test
  void everyRuleFileInTheRepositoryPasses() throws IOException {
    Map<Path, List<Path>> byFolder = new TreeMap<>();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> rules = Files.list(Path.of("rules"))) {
      all.addAll(rules.filter(p -> p.toString().endsWith(".drl")).toList());
    }
    try (Stream<Path> test = Files.walk(Path.of("src/test/resources"))) {
      all.addAll(
          test.filter(
                  p ->
                      p.toString().endsWith(".drl")
                          && !p.startsWith(UNSAFE)
                          // The bad-input corpus holds hostile rules of its own, named so,
                          && !p.toString().contains("/bad/unsafe-")
                          // rules that only run under --trust-rules,
                          && !p.toString().contains("/bad/trusted-")
                          // rules naming types no file declares (reported as such first),
                          && !p.toString().contains("/bad/undeclared-")
                          // and rules that do not parse.
                          && !p.toString().contains("/bad/syntax-"))
              .toList());
    }
    all.forEach(p -> byFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
    // HubRulesTest's old rules are two rules put back into rules/: scanned with the files that
    // declare their types, as that test runs them.
    byFolder
        .get(Path.of("src/test/resources/hubs/old-rules"))
        .addAll(byFolder.get(Path.of("rules")));
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(byFolder.keySet())
        .contains(Path.of("rules"), Path.of("src/test/resources/mini/rules"));
    byFolder.forEach(
        (folder, files) ->
            assertThat(SafeMode.scan(files)).as("safe mode on %s", folder).isEmpty());
  }

  @Test
  void filesAreJudgedTogetherSoATypeDeclaredInOneMayBeUsedInAnother() {
    Path a =
        Fixtures.write(
            dir,
            "a.drl",
            """
        package one;
        declare Firm
            name : String @key
        end
        """);
    Path b =
        Fixtures.write(
            dir,
            "b.drl",
            """
        package two;
        import one.Firm;
        import one.*;
        rule "r"
        when
            Firm( $n : name )
        then
            one.Firm f = new one.Firm( $n );
        end
        """);
    assertThat(SafeMode.scan(List.of(a, b))).isEmpty();
    assertThat(SafeMode.scan(List.of(b)))
        .extracting(d -> d.location().line() + ":" + d.location().column())
        .containsExactly("2:8", "3:8", "6:5", "8:5", "8:22");
  }

  @Test
  void aFileThatCannotBeReadOrParsedIsRefused() {
    Path missing = dir.resolve("missing.drl");
    Path broken = Fixtures.write(dir, "broken.drl", "package p;\nrule \"r\" when Firm( then end\n");
    List<Diagnostic> found = SafeMode.scan(List.of(missing, broken));
    assertThat(found).extracting(Diagnostic::code).containsOnly(SafeMode.CODE);
    assertThat(found.get(0).location().file()).isEqualTo(DisplayPath.of(missing));
    assertThat(found.get(0).message()).startsWith("safe mode cannot read this file");
    assertThat(found)
        .last()
        .satisfies(
            d -> {
              assertThat(d.location().file()).isEqualTo(DisplayPath.of(broken));
              assertThat(d.location().line()).isEqualTo(2);
              assertThat(d.message())
                  .startsWith("safe mode cannot check this file: it does not parse (");
            });
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws IOException {
    Path latin = dir.resolve("latin.drl");
    Files.write(latin, "package p;\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(SafeMode.scan(List.of(latin)))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("safe mode cannot read this file"));
  }

  @Test
  void filesAlreadyParsedAreJudgedAsFilesRead() throws DroolsParserException {
    Path drl = UNSAFE.resolve("import-file/rules.drl");
    String text = lines(drl).stream().map(l -> l + "\n").reduce("", String::concat);
    SafeMode.Source source = new SafeMode.Source(DisplayPath.of(drl), text);
    SafeMode.ParsedSource parsed =
        new SafeMode.ParsedSource(source, new DrlParser().parse(new StringReader(text)));
    assertThat(SafeMode.scanParsed(List.of(parsed)))
        .isEqualTo(SafeMode.scanSources(List.of(source)))
        .isEqualTo(SafeMode.scan(List.of(drl)))
        .hasSize(3);
  }

  @Test
  void aFileHandedOverWithoutItsParseIsRefused() {
    SafeMode.Source source = new SafeMode.Source("r.drl", "package p;\n");
    assertThat(SafeMode.scanParsed(List.of(new SafeMode.ParsedSource(source, null))))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .startsWith("safe mode cannot check this file: it was not parsed"));
  }

  @Test
  void refusalsComeInFileOrderThenByPlaceAndOncePerPlace() {
    SafeMode.Source a =
        new SafeMode.Source(
            "a.drl",
            """
        package a;
        declare java.lang.Thread
        end
        rule "r" when then System.exit( 0 ); Runtime.getRuntime(); end
        """);
    SafeMode.Source b = new SafeMode.Source("b.drl", "package b;\nglobal java.io.File f;\n");
    assertThat(SafeMode.scanSources(List.of(a, b)))
        .extracting(d -> d.location().toString())
        .containsExactly("a.drl:2:9", "a.drl:4:20", "a.drl:4:38", "b.drl:2:8");
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
