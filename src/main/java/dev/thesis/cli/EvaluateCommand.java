package dev.thesis.cli;

import dev.thesis.diag.DisplayPath;
import dev.thesis.engine.EvaluationResult;
import dev.thesis.engine.Timings;
import dev.thesis.report.JsonReport;
import dev.thesis.report.MarkdownReport;
import dev.thesis.report.ReportWriter;
import dev.thesis.report.TerminalSummary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Run the rules over the facts, print the verdicts, write report.md and report.json.")
final class EvaluateCommand implements Callable<Integer>, Verbose {
  private static final Set<String> FORMATS = Set.of("md", "json", "none");

  private final Console console;

  @Mixin InputOptions inputs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
      description = "Folder for the reports (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", split = ",", defaultValue = "md,json",
      description = "Reports to write: md, json, or none (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--timings", description = "Print how long each phase took, on standard error.")
  boolean timings;

  EvaluateCommand(Console console) {
    this.console = console;
  }

  @Override
  public boolean verbose() {
    return inputs.verbose;
  }

  @Override
  public Integer call() throws Exception {
    for (String f : formats) {
      if (!FORMATS.contains(f)) {
        console.err().println("thesis: unknown format \"" + f + "\" (expected md, json or none)");
        return ExitCodes.USAGE;
      }
    }
    Timings clock = new Timings();
    clock.add("JVM start", JvmStart.nanosSinceStart());
    Evaluation evaluation = Evaluation.run(console, inputs, clock);
    if (evaluation.failed()) {
      return evaluation.exitCode();
    }
    EvaluationResult result = evaluation.result();
    long start = System.nanoTime();
    console.out().print(TerminalSummary.render(result));
    Map<String, String> files = new LinkedHashMap<>();
    if (formats.contains("md")) {
      files.put("report.md", MarkdownReport.render(result));
    }
    if (formats.contains("json")) {
      files.put("report.json", JsonReport.render(result));
    }
    if (!files.isEmpty()) {
      List<Path> written;
      try {
        written = ReportWriter.write(out, files);
      } catch (java.io.IOException e) {
        console.err().println("thesis: cannot write the reports to " + DisplayPath.of(out) + ": " + e);
        console.err().flush();
        return ExitCodes.INTERNAL;
      }
      console.out().println("Wrote " + written.stream().map(DisplayPath::of).collect(Collectors.joining(", ")));
    }
    console.out().flush();
    clock.add("write reports", System.nanoTime() - start);
    if (timings) {
      clock.millis().forEach((phase, ms) ->
          console.err().printf(java.util.Locale.ROOT, "timing: %-14s %7.1f ms%n", phase, ms));
      console.err().flush();
    }
    return ExitCodes.OK;
  }
}
