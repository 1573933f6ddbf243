package dev.thesis.cli;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.facts.FactFileSchema;
import dev.thesis.inputs.Loaded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Write a first project into DIR: rules, an example fact file with a question of two rival"
            + " theses, a scenario test, and a fact-file schema for editors. Refuses (exit 2, nothing"
            + " written) when DIR holds any of those files.")
final class InitCommand implements Callable<Integer> {
  private final Console console;

  @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", descriptionKey = "init.dir")
  Path dir;

  InitCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
      new DiagnosticPrinter()
          .print(
              console.err(),
              List.of(
                  Diagnostic.error(
                      Location.ofFile(shown(dir)),
                      "is not a folder; thesis init writes into one")));
      console.err().println("thesis: nothing written");
      console.err().flush();
      return ExitCodes.USAGE;
    }
    List<Path> existing = Scaffold.existing(dir);
    if (!existing.isEmpty()) {
      List<Diagnostic> refusals =
          existing.stream()
              .map(
                  p ->
                      Diagnostic.error(
                          Location.ofFile(DisplayPath.of(p)),
                          "already exists; thesis init writes into a folder that holds none of its"
                              + " files, and replaces nothing"))
              .toList();
      new DiagnosticPrinter().print(console.err(), refusals);
      console.err().println("thesis: nothing written");
      console.err().flush();
      return ExitCodes.USAGE;
    }
    Path written = null;
    try {
      // First, so that nothing is written if it fails.
      byte[] schema = schema().getBytes(StandardCharsets.UTF_8);
      for (String name : Scaffold.TEMPLATES) {
        written = dir.resolve(name);
        Scaffold.write(written, Scaffold.template(name));
      }
      written = dir.resolve(Scaffold.SCHEMA);
      Scaffold.write(written, schema);
    } catch (IOException e) {
      console
          .err()
          .println("thesis: cannot write " + DisplayPath.of(written) + ": " + e.getMessage());
      console.err().flush();
      return ExitCodes.INTERNAL;
    }
    report();
    return ExitCodes.OK;
  }

  /**
   * The fact-file schema of the scaffold's rules, compiled from a private copy of the templates: a
   * rules folder already in DIR (the user's code) is neither mixed in nor run. The templates are
   * ours, so they are compiled here, without a child process.
   */
  private String schema() throws IOException {
    Path tmp = java.nio.file.Files.createTempDirectory("thesis-init-");
    try {
      for (String name : Scaffold.TEMPLATES) {
        if (name.startsWith("rules/")) {
          Scaffold.write(tmp.resolve(name), Scaffold.template(name));
        }
      }
      Loaded loaded = SchemaCommand.load(console, tmp.resolve("rules"), List.of(), false);
      if (loaded == null) {
        throw new IllegalStateException("the scaffold's own rules do not compile");
      }
      return dev.thesis.report.JsonText.write(FactFileSchema.of(loaded.rules().schema(), null));
    } finally {
      ChildLaunch.deleteTree(tmp);
    }
  }

  private void report() {
    var out = console.out();
    out.println("Wrote a first project into " + shown(dir) + ":");
    for (String f : Scaffold.files()) {
      out.println("  " + f);
    }
    out.println();
    out.println("Next:");
    boolean here = dir.toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath());
    if (!here) {
      out.println("  cd " + shown(dir));
    }
    out.println("  thesis check --strict   # compile the rules, load the facts, lint both");
    out.println("  thesis evaluate         # weigh the theses and the question; write reports/");
    out.println("  thesis test             # run the scenarios in tests/");
    out.println(
        "The tutorial, docs/tutorial.md in the thesis repository, walks through the first hour.");
    out.flush();
  }

  /** The folder as the user would type it: "." for the current one. */
  private static String shown(Path dir) {
    String s = DisplayPath.of(dir);
    return s.isEmpty() ? "." : s;
  }
}
