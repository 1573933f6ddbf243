package dev.thesis.cli;

import dev.thesis.analysis.EvaluationDelta;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Timings;
import dev.thesis.report.DeltaText;
import dev.thesis.report.TerminalSummary;
import dev.thesis.watch.FolderWatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate, then evaluate again whenever a rule or fact file changes, printing what changed.")
final class WatchCommand extends InputCommand {

  @Mixin ReportOptions reports;

  @Mixin CriticalOptions critical;

  @Override
  public ReportOptions reports() {
    return reports;
  }

  @Option(names = "--debounce", paramLabel = "MS", defaultValue = "300")
  long debounceMillis;

  private EvaluationResult lastGood;
  private Set<String> lastFindings = new HashSet<>();

  WatchCommand(Console console) {
    super(console);
  }

  private static String findingKey(Diagnostic d) {
    return d.code() + " " + d.location().file() + " " + d.message();
  }

  @Override
  public Integer call() throws Exception {
    if (!reports.outsideInputs(console, inputs)) {
      return ExitCodes.USAGE;
    }
    List<Path> roots = new ArrayList<>();
    roots.add(inputs.rules);
    roots.addAll(inputs.facts);
    Path out = reports.out.toAbsolutePath().normalize();
    Set<Path> factFiles =
        inputs.facts.stream()
            .filter(java.nio.file.Files::isRegularFile)
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toSet());
    Set<Path> factDirs =
        inputs.facts.stream()
            .filter(java.nio.file.Files::isDirectory)
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toSet());
    Path rulesDir = inputs.rules.toAbsolutePath().normalize();
    java.util.function.Predicate<Path> relevant =
        p ->
            !p.startsWith(out)
                && ((p.startsWith(rulesDir) && p.toString().endsWith(".drl"))
                    || factFiles.contains(p)
                    || (factDirs.stream().anyMatch(p::startsWith)
                        && p.toString().endsWith(".json")));
    try (FolderWatcher watcher =
        new FolderWatcher(roots, relevant, Duration.ofMillis(debounceMillis))) {
      evaluate();
      while (!Thread.currentThread().isInterrupted()) {
        console
            .out()
            .println(
                "Watching "
                    + roots.stream().map(DisplayPath::of).collect(Collectors.joining(", "))
                    + " for changes (Ctrl-C to stop)");
        console.out().flush();
        TreeSet<Path> changed;
        try {
          changed = watcher.nextBatch();
        } catch (InterruptedException e) {
          break;
        }
        console.out().println();
        console
            .out()
            .println(
                "Changed: "
                    + changed.stream().map(DisplayPath::of).collect(Collectors.joining(", ")));
        evaluate();
      }
    }
    return ExitCodes.OK;
  }

  /**
   * One evaluation: on success, reports and the delta since the last good one; else diagnostics.
   */
  private void evaluate() {
    Evaluation e;
    try {
      e =
          Evaluation.run(
              console,
              critical.applyTo(settings()),
              inputs.spec(),
              new Timings(console.progress()),
              false);
    } catch (RuntimeException ex) {
      // Whatever an edit does, watching goes on.
      console.err().println("thesis: internal error: " + ex);
      console.err().println("thesis: keeping the last good reports");
      console.err().flush();
      return;
    }
    if (e.failed()) {
      console.err().println("thesis: keeping the last good reports");
      console.err().flush();
      return;
    }
    // A finding is the same finding when its code and message are, wherever an edit moved it.
    Set<String> findings =
        e.warnings().stream().map(WatchCommand::findingKey).collect(Collectors.toSet());
    List<Diagnostic> fresh =
        e.warnings().stream().filter(d -> !lastFindings.contains(findingKey(d))).toList();
    if (!fresh.isEmpty()) {
      console.err().println(lastGood == null ? "Findings:" : "New findings:");
      Failures.warnings(console, fresh);
    }
    lastFindings = findings;
    if (lastGood == null) {
      console.out().print(TerminalSummary.render(e.result()));
    } else {
      console.out().print(DeltaText.render(EvaluationDelta.between(lastGood, e.result())));
    }
    lastGood = e.result();
    reports.write(console, e.result());
    console.out().flush();
  }
}
