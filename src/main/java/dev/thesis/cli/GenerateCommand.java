package dev.thesis.cli;

import dev.thesis.diag.InvalidInputException;
import dev.thesis.facts.Thesis;
import dev.thesis.generate.CorpusGenerator;
import dev.thesis.generate.CorpusGenerator.Settings;
import dev.thesis.generate.ForeignOutputException;
import dev.thesis.rules.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic corpus of N companies in the vocabulary of a rules folder, for benchmarks.")
final class GenerateCommand implements Callable<Integer> {
  private final Console console;

  GenerateCommand(Console console) {
    this.console = console;
  }

  @Spec CommandSpec spec;

  private long companies;
  private int factsPerFile;

  @Option(names = "--companies", paramLabel = "N", required = true)
  void companies(long n) {
    companies = atLeast("--companies", n, Settings.MIN_COMPANIES);
  }

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "generate.out")
  Path out;

  @Option(names = "--theses", paramLabel = "PATH", defaultValue = "facts")
  Path theses;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      defaultValue = "rules",
      descriptionKey = "generate.rules")
  Path rules;

  @Option(
      names = "--facts-per-file",
      paramLabel = "K",
      defaultValue = "" + Settings.DEFAULT_FACTS_PER_FILE)
  void factsPerFile(int k) {
    factsPerFile = (int) atLeast("--facts-per-file", k, Settings.MIN_FACTS_PER_FILE);
  }

  private long atLeast(String option, long n, long least) {
    if (n < least) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least " + least + ", not " + n);
    }
    return n;
  }

  @Option(names = "--tsv")
  boolean tsv;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Vocabulary vocabulary;
    dev.thesis.facts.Corpus known = new dev.thesis.facts.Corpus(List.of(), List.of(), List.of());
    try {
      vocabulary = Vocabulary.read(rules);
      if (vocabulary.arguesTheses()) {
        known = theses();
      }
    } catch (InvalidInputException e) {
      return Failures.invalid(console, e);
    }
    if (CorpusGenerator.writtenTypes(vocabulary).isEmpty()) {
      console
          .err()
          .println(
              "thesis: the rules in "
                  + rules
                  + " declare none of the types thesis generate writes");
      console.err().flush();
      return ExitCodes.USAGE;
    }
    java.util.Set<String> defined =
        known.theses().stream().map(Thesis::id).collect(Collectors.toSet());
    known.questions().forEach(q -> defined.add(q.id()));
    List<String> missing =
        java.util.stream.Stream.concat(
                vocabulary.theses().stream(), vocabulary.questions().stream())
            .filter(id -> !defined.contains(id))
            .sorted()
            .toList();
    if (!missing.isEmpty()) {
      console
          .err()
          .println(
              "thesis: warning: "
                  + theses
                  + " does not define these theses and questions the rules name,"
                  + " so the corpus has none of them: "
                  + String.join(", ", missing));
    }
    CorpusGenerator.Summary summary;
    try {
      summary =
          CorpusGenerator.generate(
              new Settings(companies, seed, factsPerFile, tsv),
              vocabulary,
              known,
              out,
              arguments());
    } catch (ForeignOutputException e) {
      console.err().println("thesis: " + e.getMessage());
      console.err().flush();
      return ExitCodes.USAGE;
    } catch (IOException e) {
      console.err().println("thesis: cannot write " + out + ": " + e.getMessage());
      console.err().flush();
      return ExitCodes.INTERNAL;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String perType =
        summary.factsPerType().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    console
        .out()
        .printf(
            Locale.ROOT,
            "generated %d companies: %d facts (%s) in %d fact file(s)%s in %s, %.1f s%n",
            summary.companies(),
            summary.facts(),
            perType,
            summary.factFiles().size(),
            summary.tsvFiles().isEmpty()
                ? ""
                : " and " + summary.tsvFiles().size() + " TSV file(s)",
            out,
            seconds);
    console.out().flush();
    return ExitCodes.OK;
  }

  /**
   * The theses and questions defined under --theses; only their ids, titles, claims, rivals,
   * hypotheses and priors are copied.
   */
  private dev.thesis.facts.Corpus theses() throws InvalidInputException {
    dev.thesis.inputs.Loaded loaded =
        new dev.thesis.inputs.Workspace(
                dev.thesis.inputs.Settings.defaults(console.environment(), false),
                new dev.thesis.diag.Timings())
            .load(dev.thesis.inputs.LoadSpec.factsOnly(List.of(theses)));
    if (loaded.diagnostics().stream().anyMatch(dev.thesis.diag.Diagnostic::isError)) {
      throw new InvalidInputException(loaded.diagnostics());
    }
    return loaded.corpus();
  }

  /**
   * The options that decide what is written, as a command line (for the output folder's marker).
   */
  private String arguments() {
    return "--companies "
        + companies
        + " --seed "
        + seed
        + " --facts-per-file "
        + factsPerFile
        + " --rules "
        + rules
        + (tsv ? " --tsv" : "");
  }
}
