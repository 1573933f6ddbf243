package dev.thesis.cli;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.diag.Timings;
import dev.thesis.report.TerminalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Run the rules over the facts, print the verdicts, write report.md, report.json and report.html.")
final class EvaluateCommand extends InputCommand {

  @Mixin ReportOptions reports;

  @Mixin CriticalOptions critical;

  @Override
  public ReportOptions reports() {
    return reports;
  }

  @Option(names = "--timings")
  boolean timings;

  @Option(names = "--no-trace", negatable = false)
  boolean noTrace;

  EvaluateCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() throws Exception {
    if (!reports.outsideInputs(console, inputs)) {
      return ExitCodes.USAGE;
    }
    Timings clock = new Timings(console.progress());
    clock.add("JVM start", console.nanosSinceStart());
    Evaluation evaluation =
        Evaluation.run(
            console,
            critical.applyTo(inputs.settings(console.environment(), !noTrace)),
            inputs.spec(),
            clock,
            true);
    if (evaluation.failed()) {
      return evaluation.exitCode();
    }
    EvaluationResult result = evaluation.result();
    long start = System.nanoTime();
    console.out().print(TerminalSummary.render(result));
    int written = reports.write(console, result);
    if (written != ExitCodes.OK) {
      return written;
    }
    console.out().flush();
    clock.add("write reports", System.nanoTime() - start);
    if (timings) {
      clock
          .millis()
          .forEach(
              (phase, ms) ->
                  console
                      .err()
                      .printf(java.util.Locale.ROOT, "timing: %-20s %7.1f ms%n", phase, ms));
      console.err().flush();
    }
    return ExitCodes.OK;
  }
}
