package dev.thesis.cli;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.diag.DisplayPath;
import dev.thesis.report.JsonReport;
import dev.thesis.report.MarkdownReport;
import dev.thesis.report.ReportWriter;
import dev.thesis.sandbox.HeadlessChromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** Where reports go and which are written, for the commands that write them. */
final class ReportOptions {
  enum Format {
    md,
    json,
    html,
    pdf,
    none
  }

  /**
   * Every report file a run's child may stage. report.pdf is not among them: the parent prints it
   * from the staged report.html (see {@link #publish}), never the child that runs the rules.
   */
  static final List<String> NAMES = List.of("report.md", "report.json", "report.html");

  /** In a run's child: how many sets of reports it staged so far (watch stages one per change). */
  private int staged;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      descriptionKey = "report.out")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      split = ",",
      defaultValue = "md,json,html",
      descriptionKey = "report.format")
  List<Format> formats;

  /** Reports written among the inputs would be read back as facts on the next run. */
  boolean outsideInputs(Console console, InputOptions inputs) {
    Path o = out.toAbsolutePath().normalize();
    List<Path> in = new java.util.ArrayList<>(inputs.facts);
    in.add(inputs.rules);
    for (Path p : in) {
      Path abs = p.toAbsolutePath().normalize();
      if (java.nio.file.Files.isDirectory(abs) && o.startsWith(abs)) {
        console
            .err()
            .println(
                "thesis: --out "
                    + DisplayPath.of(out)
                    + " is inside the input folder "
                    + DisplayPath.of(p)
                    + "; reports there would be read as inputs on the next run");
        console.err().flush();
        return false;
      }
    }
    return true;
  }

  /**
   * Renders and writes the chosen reports; the exit code: OK, USAGE when the output folder is
   * refused (a link, or not a folder), INTERNAL when it cannot be written.
   */
  int write(Console console, EvaluationResult result) {
    Map<String, String> files = new LinkedHashMap<>();
    // The HTML report (templates and the graph layout) takes as long as the other two together:
    // it renders on a second core meanwhile.
    // report.pdf is printed from report.html: rendered for it even when not itself asked for.
    java.util.concurrent.CompletableFuture<String> html =
        formats.contains(Format.html) || formats.contains(Format.pdf)
            ? java.util.concurrent.CompletableFuture.supplyAsync(
                () -> dev.thesis.report.HtmlReport.render(result))
            : null;
    if (formats.contains(Format.md)) {
      files.put("report.md", MarkdownReport.render(result));
    }
    if (formats.contains(Format.json)) {
      files.put("report.json", JsonReport.render(result));
    }
    if (html != null) {
      try {
        files.put("report.html", html.join());
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    if (files.isEmpty()) {
      return ExitCodes.OK;
    }
    java.util.Optional<Path> staging = console.environment().staging();
    if (staging.isPresent()) {
      return stage(console, staging.get(), files);
    }
    return publish(console, files);
  }

  /**
   * A run's child leaves its reports for its parent to publish: written into a folder that is
   * renamed to the set's number once every file is in it, so the parent never takes half a set.
   */
  private int stage(Console console, Path staging, Map<String, String> files) {
    staged++;
    try {
      Path partial = Files.createDirectory(staging.resolve(staged + ".partial"));
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(partial.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      Files.move(partial, staging.resolve(String.valueOf(staged)), StandardCopyOption.ATOMIC_MOVE);
      return ExitCodes.OK;
    } catch (IOException e) {
      console.err().println("thesis: cannot stage the reports: " + e);
      console.err().flush();
      return ExitCodes.INTERNAL;
    }
  }

  /**
   * Writes {@code files} into {@code out} atomically and says so; the exit code. With {@code
   * --format pdf}, report.pdf is printed from {@code files}' report.html first (which is published
   * only when html is asked for too), here in the process that runs no rule; if it cannot be
   * printed, nothing is written and the last good reports stay.
   */
  int publish(Console console, Map<String, String> files) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach(
        (name, text) -> {
          if (!name.equals("report.html") || formats.contains(Format.html)) {
            bytes.put(name, text.getBytes(StandardCharsets.UTF_8));
          }
        });
    if (formats.contains(Format.pdf)) {
      // The child renders report.html whenever pdf is asked for; one that staged none failed.
      int printed = print(console, files.getOrDefault("report.html", ""), bytes);
      if (printed != ExitCodes.OK) {
        return printed;
      }
    }
    try {
      List<Path> written = ReportWriter.writeBytes(out, bytes);
      console
          .out()
          .println(
              "Wrote " + written.stream().map(DisplayPath::of).collect(Collectors.joining(", ")));
      return ExitCodes.OK;
    } catch (ReportWriter.RefusedException e) {
      console.err().println("thesis: refusing to write the reports: " + e.getMessage());
      console.err().flush();
      return ExitCodes.USAGE;
    } catch (IOException e) {
      console
          .err()
          .println("thesis: cannot write the reports to " + DisplayPath.of(out) + ": " + e);
      console.err().flush();
      return ExitCodes.INTERNAL;
    }
  }

  /** How long Chromium may take to print; the seed corpus's report takes 3 to 4 s. */
  private static final java.time.Duration PRINT_LIMIT = java.time.Duration.ofMinutes(2);

  /** Adds report.pdf, printed from {@code html}, to {@code bytes}; the exit code. */
  private static int print(Console console, String html, Map<String, byte[]> bytes) {
    dev.thesis.env.Environment env = console.environment();
    try {
      if (html.isEmpty()) {
        throw new IOException("the run left no report.html to print it from");
      }
      Path chromium = HeadlessChromium.locate(env.chromium(), env.path());
      // Confined like a run of rules, unless the sandbox is off or cannot start here.
      dev.thesis.sandbox.Bubblewrap.Probe probe =
          env.sandboxOff() ? null : dev.thesis.sandbox.Bubblewrap.probe(env.path());
      Path bwrap = probe != null && probe.available() ? probe.program() : null;
      bytes.put("report.pdf", new HeadlessChromium(chromium, bwrap, PRINT_LIMIT).print(html));
      return ExitCodes.OK;
    } catch (IOException e) {
      console
          .err()
          .println(
              "thesis: cannot print report.pdf: " + e.getMessage() + "; no report was written");
      console.err().flush();
      return ExitCodes.PRINT_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERNAL;
    }
  }
}
