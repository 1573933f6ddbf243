package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.diag.TerminalText;
import dev.thesis.inputs.Settings;
import dev.thesis.scenario.Coverage;
import dev.thesis.scenario.Outcome;
import dev.thesis.scenario.Scenario;
import dev.thesis.scenario.ScenarioReader;
import dev.thesis.scenario.ScenarioRunner;
import dev.thesis.scenario.TestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Run scenario tests: expected conclusions, verdicts and explanations; optionally rule coverage.")
final class TestCommand implements Callable<Integer>, SafetyOptions.Bounded {
  private final Console console;

  @Parameters(paramLabel = "PATH", arity = "0..*", descriptionKey = "test.path")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "DIR", descriptionKey = "test.rules")
  Path rules;

  @Option(names = "--coverage")
  boolean coverage;

  @Option(names = "--fail-under", paramLabel = "PCT")
  Double failUnder;

  @Mixin TextOrJson output;

  @Mixin SafetyOptions safety;

  @Override
  public SafetyOptions safety() {
    return safety;
  }

  /** The scenario files, and the rules and facts each names (read again by the child). */
  @Override
  public List<Path> moreInputs() {
    List<Path> more = new ArrayList<>(paths.isEmpty() ? List.of(Path.of("tests")) : paths);
    more.add(Path.of("rules"));
    List<Diagnostic> ignored = new ArrayList<>();
    for (Path f : files(more.subList(0, more.size() - 1), ignored)) {
      for (Scenario s : ScenarioReader.read(f, ignored)) {
        if (s.rules() != null) {
          more.add(s.rules());
        }
        if (s.facts() != null) {
          more.addAll(s.facts());
        }
      }
    }
    return more;
  }

  @Override
  public List<Path> ruleFolders() {
    List<Path> folders = new ArrayList<>();
    for (Path p : moreInputs()) {
      if (Files.isDirectory(p)
          && !dev.thesis.rules.RuleCompiler.drlFiles(p, new ArrayList<>()).isEmpty()) {
        folders.add(p);
      }
    }
    if (rules != null) {
      folders.add(rules);
    }
    return folders;
  }

  TestCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (failUnder != null && !(failUnder >= 0 && failUnder <= 100)) {
      console.err().println("thesis: --fail-under must be a percentage in [0,100]");
      return ExitCodes.USAGE;
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    for (Path f : files(paths.isEmpty() ? List.of(Path.of("tests")) : paths, problems)) {
      scenarios.addAll(ScenarioReader.read(f, problems));
    }
    if (problems.isEmpty() && scenarios.isEmpty()) {
      problems.add(
          Diagnostic.error(
              Location.ofFile(
                  String.join(
                      ", ",
                      (paths.isEmpty() ? List.of(Path.of("tests")) : paths)
                          .stream().map(DisplayPath::of).toList())),
              "no scenarios found"));
    }
    if (!problems.isEmpty()) {
      new DiagnosticPrinter().print(console.err(), problems);
      console.err().println("thesis: the scenario files have errors; no scenario was run");
      return ExitCodes.INVALID_INPUT;
    }
    long start = System.nanoTime();
    ScenarioRunner runner =
        new ScenarioRunner(
            rules, Path.of("rules"), Settings.defaults(console.environment(), safety.trustRules));
    List<Outcome> outcomes = new ArrayList<>();
    boolean text = !output.json();
    for (Scenario s : scenarios) {
      Outcome o = runner.run(s);
      outcomes.add(o);
      if (text) {
        console.out().print(TerminalText.lines(TestReport.line(o)));
        console.out().flush();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Coverage cov = coverage || failUnder != null ? Coverage.of(runner.ruleSets(), outcomes) : null;
    if (text) {
      console.out().print(TestReport.summary(outcomes, seconds));
      if (cov != null) {
        console.out().print(TerminalText.lines(TestReport.coverage(cov)));
      }
    } else {
      console.out().print(TestReport.json(outcomes, cov, seconds));
    }
    boolean belowThreshold = failUnder != null && cov.percent() < failUnder;
    if (belowThreshold && text) {
      console
          .out()
          .printf(
              java.util.Locale.ROOT,
              "Coverage %.1f%% is under --fail-under %.1f%%%n",
              cov.percent(),
              failUnder);
    }
    console.out().flush();
    if (outcomes.stream().anyMatch(o -> o.status() == Outcome.Status.ERROR)) {
      return ExitCodes.INVALID_INPUT;
    }
    if (belowThreshold || outcomes.stream().anyMatch(o -> o.status() == Outcome.Status.FAIL)) {
      return ExitCodes.TESTS_FAILED;
    }
    return ExitCodes.OK;
  }

  private static boolean isScenarioFile(Path f) {
    try {
      com.fasterxml.jackson.databind.JsonNode root =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
      return root == null
          || !root.isObject()
          || root.has("scenarios")
          || !(root.has("sources") || root.has("theses") || root.has("facts"));
    } catch (IOException e) {
      return true; // let the scenario reader report what is wrong with it
    }
  }

  private static List<Path> files(List<Path> paths, List<Diagnostic> problems) {
    TreeSet<Path> out = new TreeSet<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          // Folders may hold fact fixtures beside the scenario files: only files with "scenarios"
          // count.
          walk.filter(
                  f ->
                      Files.isRegularFile(f) && f.toString().endsWith(".json") && isScenarioFile(f))
              .forEach(out::add);
        } catch (IOException e) {
          problems.add(
              Diagnostic.error(
                  Location.ofFile(DisplayPath.of(p)), "cannot list: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        problems.add(
            Diagnostic.error(
                Location.ofFile(DisplayPath.of(p)), "no such scenario file or folder"));
      }
    }
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add(
          Diagnostic.error(Location.ofFile(paths.toString()), "no scenario files (*.json) found"));
    }
    return new ArrayList<>(out);
  }
}
