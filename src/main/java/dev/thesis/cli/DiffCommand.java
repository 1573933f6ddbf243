package dev.thesis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.TerminalText;
import dev.thesis.report.ReportDiff;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true, description = DiffCommand.ABOUT)
final class DiffCommand implements Callable<Integer> {
  static final String ABOUT =
      "Compare two report.json files: theses and questions moved, conclusions gained or lost or re-explained, and the edits behind them.";

  private final Console console;

  @Parameters(index = "0", paramLabel = "OLD")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW")
  Path after;

  @Mixin TextOrJson output;

  DiffCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    JsonNode a = read(before);
    JsonNode b = read(after);
    if (a == null || b == null) {
      return ExitCodes.INVALID_INPUT;
    }
    ReportDiff d = ReportDiff.between(a, b);
    console.out().print(output.json() ? d.json() : TerminalText.lines(d.text()));
    console.out().flush();
    return ExitCodes.OK;
  }

  private JsonNode read(Path p) {
    try {
      JsonNode n = new ObjectMapper().readTree(p.toFile());
      String problem = dev.thesis.report.ReportDiff.problem(n);
      if (problem != null) {
        console
            .err()
            .println(
                "thesis: "
                    + DisplayPath.of(p)
                    + " is not a report.json written by thesis evaluate: "
                    + problem);
        return null;
      }
      return n;
    } catch (IOException e) {
      console.err().println("thesis: cannot read " + DisplayPath.of(p) + ": " + e.getMessage());
      return null;
    }
  }
}
