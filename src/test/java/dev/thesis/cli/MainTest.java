package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String RULES = Fixtures.MINI_RULES.toString();
  private static final String FACTS = Fixtures.MINI_FACTS.toString();

  @TempDir Path dir;

  @Test
  void evaluatePrintsTheVerdictTableAndWritesTheReports() throws Exception {
    Path out = dir.resolve("out");
    Run r = Run.of("evaluate", "--rules", RULES, "--facts", FACTS, "--out", out.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains(
            "THESIS    VERDICT      SUPPORT  OPPOSITION  FOR  AGAINST  MARK\n"
                + "bubble    SUPPORTED       0.64        0.30    1        1\n");
    // No rule of the mini corpus opposes lonely or rational; "Hedging is not froth" opposes bubble.
    assertThat(r.out())
        .contains("lonely    UNSUPPORTED     0.00        0.00    0        0  unchallenged\n")
        .doesNotContain("POSTERIOR");
    assertThat(r.out()).contains("bubble <> rational: rivals both stand");
    // Warnings go to stderr; the mini corpus has a thesis no rule argues, on purpose.
    assertThat(r.err()).contains("[unargued-thesis]").doesNotContain("error");
    assertThat(out.resolve("report.json")).exists();
    assertThat(out.resolve("report.md")).exists();
    assertThat(out.resolve("report.html")).exists();
    // Nothing else: no temporary file is left behind.
    assertThat(Files.list(out)).hasSize(3);
  }

  @Test
  void checkAsOfCountsOnlyTheFactsInForce() {
    // The dated fixture (the seed corpus is undated): f5 has no date, f1 and f2 take their
    // source's 2023-03-01, f3 and f4 their source's 2024-06-01.
    String dated = Fixtures.DATED_FACTS.toString();
    Run all = Run.of("check", "--rules", RULES, "--facts", dated);
    Run mid = Run.of("check", "--rules", RULES, "--facts", dated, "--as-of", "2024-05-31");
    Run early = Run.of("check", "--rules", RULES, "--facts", dated, "--as-of", "2000-01-01");
    assertThat(all.code()).isZero();
    assertThat(mid.code()).isZero();
    assertThat(early.code()).isZero();
    assertThat(all.out()).contains(" 5 facts");
    assertThat(mid.out()).contains(" 3 facts");
    assertThat(early.out()).contains(" 1 facts");
  }

  @Test
  void verboseIsAcceptedBeforeAndAfterTheCommand() {
    for (String[] args :
        new String[][] {
          {"-v", "check", "--facts", "nowhere"}, {"check", "--verbose", "--facts", "nowhere"}
        }) {
      assertThat(Run.of(args).code()).as(String.join(" ", args)).isEqualTo(ExitCodes.INVALID_INPUT);
    }
  }

  @Test
  void trustedRulesAreWarnedAboutOnceAndOnlyWhenTrusted() {
    String warning = "--trust-rules: safe mode is off";
    Run trusted = Run.of("check", "--rules", RULES, "--facts", FACTS, "--trust-rules");
    assertThat(trusted.code()).isZero();
    assertThat(trusted.err().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
    assertThat(Run.of("check", "--rules", RULES, "--facts", FACTS).err()).doesNotContain(warning);
  }

  @Test
  void theFiguresInTheHelpAreTheCodesOwn() {
    // Option descriptions live in Help.properties, apart from the constants they quote.
    String evaluate = Run.of("evaluate", "--help").out().replaceAll("\\s+", " ");
    assertThat(evaluate)
        .contains(
            "default: "
                + dev.thesis.inputs.Settings.DEFAULT_MAX_FIRINGS
                + " or "
                + dev.thesis.inputs.Settings.FIRINGS_PER_FACT
                + " per fact")
        .contains("0 above " + dev.thesis.inputs.Settings.CRITICAL_AUTO_LIMIT + " facts");
    String generate = Run.of("generate", "--help").out().replaceAll("\\s+", " ");
    assertThat(generate)
        .contains("at least " + dev.thesis.generate.CorpusGenerator.Settings.MIN_COMPANIES + ")")
        .contains(
            "at least " + dev.thesis.generate.CorpusGenerator.Settings.MIN_FACTS_PER_FILE + " (");
  }

  @Test
  void onlyTheCommandsThatSearchForCriticalEvidenceOfferItsBound() {
    for (String command : new String[] {"evaluate", "watch"}) {
      assertThat(Run.of(command, "--help").out()).as(command).contains("--critical-max");
    }
    for (String command : new String[] {"explain", "graph", "whatif", "timeline", "check"}) {
      assertThat(Run.of(command, "--help").out()).as(command).doesNotContain("--critical-max");
    }
    // A bound given where there is no search is a usage error, as any unknown option is.
    assertThat(Run.of("explain", "--critical-max", "1", "x").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Run.of("evaluate", "--critical-max", "-1").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMistypedChoiceIsAUsageErrorWithTheNearestChoice() {
    Run daemon = Run.of("daemon", "stp");
    assertThat(daemon.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(daemon.err())
        .contains(
            "expected one of [status, stop] (case-sensitive) but was 'stp'; did you mean \"stop\"?");
    Run format = Run.of("graph", "--format", "sgv");
    assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(format.err()).contains("but was 'sgv'; did you mean \"svg\"?");
    // Nothing near: no suggestion.
    assertThat(Run.of("graph", "--format", "png").err()).doesNotContain("did you mean");
  }

  @Test
  void everyHelpListsTheExitCodesFromTheRegistry() {
    for (String command : new String[] {"evaluate", "check", "test", "diff", "daemon"}) {
      Run help = Run.of(command, "--help");
      assertThat(help.out()).as(command).contains("Exit codes:");
      ExitCodes.descriptions().forEach((code, text) -> assertThat(help.out()).contains(text));
    }
  }

  @Test
  void formatChoosesTheReports() {
    Path out = dir.resolve("out");
    assertThat(
            Run.of(
                    "evaluate",
                    "--rules",
                    RULES,
                    "--facts",
                    FACTS,
                    "--out",
                    out.toString(),
                    "--format",
                    "json")
                .code())
        .isZero();
    assertThat(out.resolve("report.json")).exists();
    assertThat(out.resolve("report.md")).doesNotExist();
    Run bad = Run.of("evaluate", "--rules", RULES, "--facts", FACTS, "--format", "docx");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .contains("expected one of [md, json, html, pdf, none]")
        .contains("but was 'docx'");
  }

  @Test
  void thresholdsAreOptions() {
    Run r =
        Run.of(
            "evaluate",
            "--rules",
            RULES,
            "--facts",
            FACTS,
            "--format",
            "none",
            "--support-threshold",
            "0.7",
            "--opposition-threshold",
            "0.3");
    assertThat(r.code()).isZero();
    // bubble: support 0.64 < 0.7, opposition 0.30 >= 0.3.
    assertThat(r.out()).contains("bubble    REFUTED ");
    assertThat(r.out()).contains("rational  SUPPORTED ");
  }

  @Test
  void aFailedRunLeavesTheLastGoodReportsAlone() throws Exception {
    Path out = dir.resolve("out");
    assertThat(
            Run.of("evaluate", "--rules", RULES, "--facts", FACTS, "--out", out.toString()).code())
        .isZero();
    String before = Files.readString(out.resolve("report.json"));
    Path facts = Fixtures.write(dir, "facts/bad.json", "{\"facts\": [{\"id\": \"x\"}]}");
    Run r =
        Run.of("evaluate", "--rules", RULES, "--facts", facts.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("nothing was evaluated").doesNotContain("Exception");
    assertThat(Files.readString(out.resolve("report.json"))).isEqualTo(before);
  }

  @Test
  void checkPrintsFileLineColumnTheSourceLineAndACaret() {
    Fixtures.copyDir(Fixtures.MINI_RULES, dir.resolve("rules"));
    Path drl = dir.resolve("rules/mini.drl");
    try {
      Files.writeString(
          drl,
          Files.readString(drl)
              .replace(
                  "CloudSpend( lab == $l, provider == $i )",
                  "CloudSpend( lab == $l, provder == $i )"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Run r = Run.of("check", "--rules", dir.resolve("rules").toString(), "--facts", FACTS);
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    String file = dev.thesis.diag.DisplayPath.of(drl);
    assertThat(r.err())
        .startsWith(
            file
                + ":42:28: error: CloudSpend has no field \"provder\" (fields: lab, provider); did you mean \"provider\"?\n"
                + "        CloudSpend( lab == $l, provder == $i )\n"
                + "                               ^\n");
  }

  /**
   * In the sandboxed child (THESIS_SANDBOXED=1) safe mode's findings are advice: a warning, and the
   * rules run; under --strict an error, exit 3, as everywhere where no sandbox runs.
   */
  @Test
  void whereTheSandboxRunsSafeModesFindingsAreWarningsAndErrorsUnderStrict() throws Exception {
    Path rules = dir.resolve("rules");
    Fixtures.copyDir(Fixtures.MINI_RULES, rules);
    Path drl = rules.resolve("advice.drl");
    Files.writeString(
        drl, "package advice;\nfunction Object typeOf() {\n    return String.class;\n}\n");
    String at = dev.thesis.diag.DisplayPath.of(drl) + ":3:19: ";
    String[] check = {"check", "--rules", rules.toString(), "--facts", FACTS};
    dev.thesis.env.Environment sandboxed =
        dev.thesis.env.Environment.of(
            java.util.Map.of("THESIS_SANDBOXED", "1"), java.util.Map.of());
    dev.thesis.env.Environment plain =
        dev.thesis.env.Environment.of(java.util.Map.of(), java.util.Map.of());

    Run advised = run(sandboxed, check);
    assertThat(advised.code()).as(advised.err()).isEqualTo(ExitCodes.OK);
    assertThat(advised.err())
        .contains(at + "warning: .class is not allowed in rules")
        .contains("[unsafe-code]");
    assertThat(advised.out()).startsWith("ok: 7 rules");

    String[] strict = java.util.Arrays.copyOf(check, check.length + 1);
    strict[check.length] = "--strict";
    Run refused = run(sandboxed, strict);
    assertThat(refused.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(refused.err()).contains(at + "error: .class is not allowed in rules");

    Run enforced = run(plain, check);
    assertThat(enforced.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(enforced.err())
        .contains(at + "error: .class is not allowed in rules")
        .doesNotContain("warning: .class");
  }

  private static Run run(dev.thesis.env.Environment environment, String... args) {
    return Run.in(environment, args);
  }

  @Test
  void checkSaysOkOnValidInputAndPrintsWarningsWithTheirCode() {
    Run r = Run.of("check", "--rules", RULES, "--facts", FACTS);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo("ok: 7 rules, 10 declared types, 5 facts, 2 sources, 3 theses (1 warning(s))\n");
    assertThat(r.err())
        .startsWith(
            FACTS
                + "/corpus.json:9:5: warning: thesis \"lonely\" is argued by no rule"
                + " (no rule has @thesis(\"lonely\")) [unargued-thesis]\n");
  }

  @Test
  void strictTurnsWarningsIntoErrors() {
    Run r = Run.of("check", "--strict", "--rules", RULES, "--facts", FACTS);
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains(": error: thesis \"lonely\" is argued by no rule");
    assertThat(
            Run.of("evaluate", "--strict", "--format", "none", "--rules", RULES, "--facts", FACTS)
                .code())
        .isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void explainPrintsTheTreeAndRejectsUnknownIds() {
    Run r = Run.of("explain", "bubble", "--rules", RULES, "--facts", FACTS);
    assertThat(r.code()).isZero();
    // Its support rests on s1 alone (explain does not run the critical-evidence analysis).
    assertThat(r.out())
        .startsWith(
            "thesis bubble: Circular funding is froth: SUPPORTED (support 0.64, opposition 0.30)"
                + "  {support from a single source: s1}\n"
                + "├─ for: circular-funding:bigcloud");
    Run unknown = Run.of("explain", "bubbel", "--rules", RULES, "--facts", FACTS);
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .contains("no thesis, question, conclusion or fact has the id \"bubbel\"");
  }

  @Test
  void explainTakesAQuestionId() {
    String rules = "src/test/resources/questions/rules";
    String facts = "src/test/resources/questions/facts";
    Run r = Run.of("explain", "why", "--rules", rules, "--facts", facts);
    assertThat(r.code()).isZero();
    // Posteriors worked by hand in QuestionViewsTest: 0.1905, 0.5119, 0.2976.
    assertThat(r.out())
        .startsWith(
            "question why: Why these deals?: UNDECIDED: defence leads other, odds 1.72 (3.00"
                + " needed)\n"
                + "├─ hypothesis bubble: The deals are a bubble: posterior 0.19, OPEN\n")
        .contains("├─ evidence \"A defensive deal\"  bubble I, defence C; diagnosticity 2.69  ");
    Run near = Run.of("explain", "wh", "--rules", rules, "--facts", facts);
    assertThat(near.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(near.err()).contains("Did you mean: why");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Run.of().code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Run.of("frobnicate").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Run.of("evaluate", "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Run.of("explain").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aWrongValueGetsItsErrorAndWhereToLookNotTheWholeUsage() {
    Run png = Run.of("graph", "--format", "png");
    assertThat(png.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(png.err())
        .isEqualTo(
            "thesis: Invalid value for option '--format': expected one of [svg, dot]"
                + " (case-sensitive) but was 'png'\n"
                + "(thesis graph --help lists the options)\n");
    // A misspelt option is offered the nearest ones.
    Run typo = Run.of("evaluate", "--suport-threshold", "0.6");
    assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err()).contains("--support-threshold").doesNotContain("Usage:");
    // No command at all still lists the commands.
    assertThat(Run.of().err()).contains("Usage:", "evaluate", "explain");
  }

  @Test
  void aMisspeltCommandIsOfferedTheNearestOneOnly() {
    Run typo = Run.of("evalute");
    assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
    // One edit from evaluate; test and generate, which picocli also offered, are not close.
    assertThat(typo.err())
        .isEqualTo(
            "thesis: unknown command \"evalute\"; did you mean \"evaluate\"?\n"
                + "(thesis --help lists the commands)\n");
    Run far = Run.of("frobnicate");
    assertThat(far.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(far.err())
        .isEqualTo("thesis: unknown command \"frobnicate\"\n(thesis --help lists the commands)\n");
  }

  @Test
  void aLoopingRuleEndsWithTheLimitCodeAndNoReport() {
    Path out = dir.resolve("out");
    Run r =
        Run.of(
            "evaluate",
            "--rules",
            Fixtures.LOOP_RULES.toString(),
            "--facts",
            Fixtures.LOOP_FACTS.toString(),
            "--out",
            out.toString(),
            "--max-firings",
            "100");
    assertThat(r.code()).isEqualTo(ExitCodes.LIMIT_REACHED);
    assertThat(r.err())
        .contains("stopped after 100 rule firings")
        .contains("no report was written");
    assertThat(out).doesNotExist();
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    Run t = Run.of("evaluate", "--rules", RULES, "--facts", FACTS, "--support-threshold", "0");
    assertThat(t.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("--support-threshold must be in (0,1], not 0.0");
    assertThat(Run.of("evaluate", "--opposition-threshold", "1.5").code())
        .isEqualTo(ExitCodes.USAGE);
    Run m = Run.of("evaluate", "--max-firings", "0");
    assertThat(m.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(m.err()).contains("--max-firings must be at least 1, not 0");
    assertThat(Run.of("evaluate", "--support-threshold", "lots").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void reportsThatCannotBeWrittenAreAnInternalErrorWithoutAStackTrace() throws Exception {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    // A folder that cannot be made (under a file) is the environment failing: internal error.
    Run r =
        Run.of(
            "evaluate",
            "--rules",
            RULES,
            "--facts",
            FACTS,
            "--out",
            notADir.resolve("sub").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err()).contains("thesis: cannot write the reports to").doesNotContain("\tat ");
    // An --out that names a file is the command line's mistake: a usage error, and the file is
    // kept.
    Run asFile =
        Run.of("evaluate", "--rules", RULES, "--facts", FACTS, "--out", notADir.toString());
    assertThat(asFile.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(asFile.err()).contains("exists and is not a folder").doesNotContain("\tat ");
    assertThat(Files.readString(notADir)).isEqualTo("x");
  }

  @Test
  void anEmptyFactsFolderIsAnError() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    Run r = Run.of("check", "--rules", RULES, "--facts", dir.resolve("empty").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("error: no .json fact files in this folder");
  }

  @Test
  void columnsCountCharactersNotBytes() {
    // Line 2 has 6 three-byte characters before the trailing comma: column 29 in characters, 41
    // in bytes.
    Path f =
        Fixtures.write(
            dir,
            "u.json",
            "{\"sources\": [\n{\"id\": \"s\", \"text\": \"\u6295\u8cc7\u3068\u30af\u30e9\u30a6\", ]}");
    Run r = Run.of("check", "--rules", RULES, "--facts", f.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("u.json:2:29: error: invalid JSON: trailing comma");
  }

  @Test
  void reportsCannotGoInsideAnInputFolder() {
    Fixtures.copyDir(Fixtures.MINI_FACTS, dir.resolve("facts"));
    Run r =
        Run.of(
            "evaluate",
            "--rules",
            RULES,
            "--facts",
            dir.resolve("facts").toString(),
            "--out",
            dir.resolve("facts/out").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("is inside the input folder");
  }
}
