package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * thesis init, end to end: the scaffold it writes passes check --strict, evaluate and test as
 * written, with no warning, and comes to the verdicts worked out by hand below.
 */
class InitCommandTest {
  @TempDir Path dir;

  @Test
  void theScaffoldPassesCheckEvaluateAndTestWithTheVerdictsWorkedByHand() throws Exception {
    Path project = dir.resolve("first");
    Run init = Run.of("init", project.toString());
    assertThat(init.code()).as(init.err()).isEqualTo(ExitCodes.OK);
    assertThat(init.err()).isEmpty();
    for (String f : Scaffold.files()) {
      assertThat(project.resolve(f)).isRegularFile();
      assertThat(init.out()).contains("  " + f + "\n");
    }
    assertThat(init.out())
        .contains("cd " + project)
        .contains("thesis check --strict")
        .contains("thesis evaluate")
        .contains("thesis test");

    String rules = project.resolve("rules").toString();
    String facts = project.resolve("facts").toString();
    Run check = Run.of("check", "--strict", "--rules", rules, "--facts", facts);
    assertThat(check.code()).as(check.err()).isEqualTo(ExitCodes.OK);
    assertThat(check.err()).isEmpty();
    assertThat(check.out())
        .isEqualTo("ok: 7 rules, 12 declared types, 6 facts, 1 sources, 3 theses (0 warning(s))\n");

    Run evaluate =
        Run.of(
            "evaluate",
            "--rules",
            rules,
            "--facts",
            facts,
            "--out",
            project.resolve("reports").toString());
    assertThat(evaluate.code()).as(evaluate.err()).isEqualTo(ExitCodes.OK);
    assertThat(evaluate.err()).isEmpty();
    // Confidences: Supplies almost-certain 0.97, SiteRisk very-likely 0.875, Delay 0.97,
    // SecondSource roughly-even 0.5. SingleSourced = 0.97 (restatement; the `not` is no premise).
    // kestrel-pricing-power: support 0.97 x 0.6 = 0.582; opposition min(0.5, 0.97) x 0.4 = 0.2.
    assertThat(evaluate.out())
        .contains("kestrel-pricing-power  SUPPORTED       0.58        0.20    1        1");
    // Evidence: FragileLink min(0.97, 0.875) x 0.8 = 0.7 rated fragile C, one-off I; PastSlip
    // 0.97 x 0.8 = 0.776 rated C, C (other C too: it changes no posterior); SupplyHedge
    // 0.5 x 0.7 = 0.35 rated I, C. Weights w = 1 + c(lambda - 1): fragile 1.7 x 0.825 = 1.4025,
    // one-off 0.65 x 1.35 = 0.8775, other 1 x 1 = 1; sum 3.28. Posteriors 0.4276, 0.2675, 0.3049:
    // fragile leads other by 1.40, short of 3, so UNDECIDED, and neither is DISFAVOURED.
    assertThat(evaluate.out())
        .contains(
            "fragile-supply         OPEN               -           -    2        1       0.43")
        .contains(
            "one-off-slip           OPEN               -           -    2        1       0.27")
        .contains("UNDECIDED: fragile-supply leads other, odds 1.40 (3.00 needed)")
        .doesNotContain("Warning");
    JsonNode report = new ObjectMapper().readTree(project.resolve("reports/report.json").toFile());
    assertThat(report.toString()).contains("\"will-it-slip-again\"");

    Run test = Run.of("test", project.resolve("tests").toString());
    assertThat(test.code()).as(test.out() + test.err()).isEqualTo(ExitCodes.OK);
    assertThat(test.err()).isEmpty();
    assertThat(test.out()).contains("3 scenario(s): 3 passed, 0 failed");
    Run coverage = Run.of("test", project.resolve("tests").toString(), "--fail-under", "100");
    assertThat(coverage.code()).as(coverage.out()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theEditorSchemaIsWhatSchemaPrintsForTheScaffoldsRules() throws Exception {
    Path project = dir.resolve("p");
    assertThat(Run.of("init", project.toString()).code()).isZero();
    Run schema = Run.of("schema", "--rules", project.resolve("rules").toString());
    assertThat(schema.code()).as(schema.err()).isZero();
    assertThat(Files.readString(project.resolve(Scaffold.SCHEMA))).isEqualTo(schema.out());
    JsonNode settings =
        new ObjectMapper().readTree(project.resolve(".vscode/settings.json").toFile());
    JsonNode mapping = settings.get("json.schemas").get(0);
    assertThat(mapping.get("fileMatch").get(0).asText()).isEqualTo("/facts/*.json");
    assertThat(mapping.get("url").asText()).isEqualTo("./" + Scaffold.SCHEMA);
  }

  @Test
  void aRuleFileOfTheUsersAlreadyThereIsNeitherCompiledNorMixedIntoTheSchema() throws Exception {
    Path clean = dir.resolve("clean");
    assertThat(Run.of("init", clean.toString()).code()).isZero();
    Path project = dir.resolve("p");
    Files.createDirectories(project.resolve("rules"));
    // Not DRL at all: compiled, it would fail; declared, it would add a type to the schema.
    Files.writeString(project.resolve("rules/mine.drl"), "package x;\ndeclare Mine ( end\n");
    Run init = Run.of("init", project.toString());
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.err()).isEmpty();
    assertThat(Files.readString(project.resolve(Scaffold.SCHEMA)))
        .isEqualTo(Files.readString(clean.resolve(Scaffold.SCHEMA)));
    assertThat(Files.readString(project.resolve("rules/mine.drl"))).startsWith("package x;");
  }

  @Test
  void aFolderHoldingAnyOfItsFilesIsRefusedAndNothingIsWritten() throws Exception {
    Path project = dir.resolve("taken");
    Files.createDirectories(project.resolve("tests"));
    Files.writeString(project.resolve("tests/voltra.json"), "mine");
    Run r = Run.of("init", project.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(project.resolve("tests/voltra.json") + ": error: already exists")
        .contains("nothing written");
    try (Stream<Path> all = Files.walk(project)) {
      assertThat(all.filter(Files::isRegularFile))
          .containsExactly(project.resolve("tests/voltra.json"));
    }
    assertThat(Files.readString(project.resolve("tests/voltra.json"))).isEqualTo("mine");
  }

  @Test
  void aSecondInitIntoTheSameFolderNamesEveryFileItWouldReplace() {
    Path project = dir.resolve("twice");
    assertThat(Run.of("init", project.toString()).code()).isZero();
    Run again = Run.of("init", project.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    for (String f : Scaffold.files()) {
      assertThat(again.err()).contains(project.resolve(f) + ": error: already exists");
    }
  }

  @Test
  void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
    Path file = dir.resolve("plain");
    Files.writeString(file, "x");
    Run r = Run.of("init", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(file + ": error: is not a folder").contains("nothing written");
  }
}
