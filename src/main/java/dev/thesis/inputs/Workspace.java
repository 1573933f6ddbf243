package dev.thesis.inputs;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.FileDigest;
import dev.thesis.diag.Location;
import dev.thesis.diag.Timings;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.facts.CorpusLoader;
import dev.thesis.facts.FactBinder;
import dev.thesis.facts.FactRecord;
import dev.thesis.lint.Codes;
import dev.thesis.lint.Linter;
import dev.thesis.rules.CompiledRulesCache;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one way in: every command, scenario, counterfactual, the watcher and the benchmarks load
 * their rules and facts here. A load compiles the rules (or takes them from the cache), reads and
 * checks the facts against the rules' schema, lints both, applies the settings (--as-of, --strict,
 * --trust-rules) and names every file read with the SHA-256 of the bytes that were read.
 *
 * <p>A workspace compiles each rules folder once, however many loads name it (scenarios share
 * folders); make a new one to see edited rule files.
 */
public final class Workspace {
  private final Settings settings;
  private final Timings clock;
  private final CompiledRulesCache cache;
  private final Map<Path, RuleCompiler.Result> compiled = new HashMap<>();

  public Workspace(Settings settings, Timings clock) {
    this(settings, clock, CompiledRulesCache.of(settings.environment()));
  }

  public Workspace(Settings settings, Timings clock, CompiledRulesCache cache) {
    this.settings = settings;
    this.clock = clock;
    this.cache = cache;
  }

  public Settings settings() {
    return settings;
  }

  /** The rule sets compiled so far, by folder, for coverage. */
  public Map<Path, RuleSet> ruleSets() {
    Map<Path, RuleSet> out = new TreeMap<>();
    compiled.forEach(
        (dir, r) -> {
          if (r.ruleSet() != null) {
            out.put(dir, r.ruleSet());
          }
        });
    return out;
  }

  /** Loads what {@code spec} names; never throws for bad input (see {@link Loaded#orThrow()}). */
  public Loaded load(LoadSpec spec) {
    if (spec.rules() == null) {
      return factsOnly(spec);
    }
    Path key = spec.rules().toAbsolutePath().normalize();
    RuleCompiler.Result rules = compiled.get(key);
    if (rules == null) {
      rules =
          clock.time(
              "compile rules", () -> RuleCompiler.compile(spec.rules(), cache, settings.scan()));
      compiled.put(key, rules);
    }
    List<Path> paths = new ArrayList<>(spec.facts());
    paths.addAll(spec.with());
    CorpusLoader.Result read =
        clock.time(
            "load facts",
            () ->
                CorpusLoader.load(
                    paths, spec.inline(), spec.inlineDiagnostics(), clock.progress()));
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (spec.danglingRefsAllowed()) {
      diagnostics.addAll(errors(rules.diagnostics()));
      diagnostics.addAll(errors(read.diagnostics()));
    } else {
      diagnostics.addAll(rules.diagnostics());
      diagnostics.addAll(read.diagnostics());
    }
    diagnostics.addAll(withOutsideCorpus(spec));
    Corpus corpus = without(read.corpus(), spec.without(), diagnostics);
    if (rules.ruleSet() == null) {
      return new Loaded(null, null, read.corpus(), counted(diagnostics), List.of());
    }
    RuleSet ruleSet = rules.ruleSet();
    FactBinder.Result bound =
        clock.time("load facts", () -> FactBinder.bind(corpus, ruleSet.schema(), clock.progress()));
    diagnostics.addAll(bound.diagnostics());
    Set<String> withFiles = new HashSet<>();
    spec.with().forEach(w -> withFiles.add(DisplayPath.of(w.toAbsolutePath().normalize())));
    List<BoundFact> base = new ArrayList<>();
    List<BoundFact> added = new ArrayList<>();
    for (BoundFact f : bound.facts()) {
      (withFiles.contains(f.record().location().file()) ? added : base).add(f);
    }
    // What is evaluated first is the corpus alone: the --with files' sources and theses too are
    // only put in afterwards.
    Corpus baseCorpus = withFiles.isEmpty() ? corpus : without(corpus, withFiles);
    // Linting half-loaded facts would only add noise to the errors that matter.
    boolean factsBroken = read.hasErrors() || !bound.diagnostics().isEmpty();
    List<Diagnostic> findings =
        factsBroken
            ? List.of()
            : clock.time("lint", () -> lint(spec, ruleSet, corpus, baseCorpus, bound, base));
    diagnostics.addAll(findings);
    List<Diagnostic> warnings = findings.stream().filter(d -> !d.isError()).toList();
    Inputs all =
        new Inputs(ruleSet, baseCorpus, base, warnings, files(spec, rules.files(), read.files()));
    Inputs inputs = all.asOf(settings.asOf());
    // An added fact may be dated by a source of its own file.
    Inputs dated = new Inputs(ruleSet, corpus, added, List.of());
    List<BoundFact> addedAsOf =
        settings.asOf() == null
            ? added
            : added.stream().filter(f -> dated.inForce(f, settings.asOf())).toList();
    return new Loaded(inputs, ruleSet, read.corpus(), counted(diagnostics), List.copyOf(addedAsOf));
  }

  /**
   * The linter's findings. A scenario may leave an entity, a thesis or a question out on purpose,
   * so a dangling reference and a rule arguing an absent thesis or rating an absent question are no
   * errors there (that rule's evidence is not weighed), and only errors count. Facts added by
   * --with are checked with the corpus for errors; warnings are about the corpus alone, as when it
   * is evaluated without them.
   */
  private static List<Diagnostic> lint(
      LoadSpec spec,
      RuleSet rules,
      Corpus all,
      Corpus base,
      FactBinder.Result bound,
      List<BoundFact> baseFacts) {
    List<Diagnostic> findings = Linter.lint(rules.book(), all, bound.facts());
    if (spec.danglingRefsAllowed()) {
      return findings.stream()
          .filter(
              d ->
                  d.isError()
                      && !Codes.UNKNOWN_REF.equals(d.code())
                      && !Codes.UNKNOWN_QUESTION.equals(d.code())
                      && !Codes.UNKNOWN_THESIS.equals(d.code()))
          .toList();
    }
    if (spec.with().isEmpty()) {
      return findings;
    }
    List<Diagnostic> out = new ArrayList<>(errors(findings));
    Linter.lint(rules.book(), base, baseFacts).stream().filter(d -> !d.isError()).forEach(out::add);
    return out;
  }

  /** The corpus without what these files hold. */
  private static Corpus without(Corpus corpus, Set<String> files) {
    return new Corpus(
        corpus.sources().stream().filter(x -> !files.contains(x.location().file())).toList(),
        corpus.theses().stream().filter(x -> !files.contains(x.location().file())).toList(),
        corpus.facts().stream().filter(x -> !files.contains(x.location().file())).toList(),
        corpus.questions().stream().filter(x -> !files.contains(x.location().file())).toList());
  }

  /**
   * Fact files read and checked as a corpus (ids, sources, rivals), with no rules to bind them to.
   */
  private Loaded factsOnly(LoadSpec spec) {
    CorpusLoader.Result read =
        clock.time(
            "load facts",
            () ->
                CorpusLoader.load(
                    spec.facts(), spec.inline(), spec.inlineDiagnostics(), clock.progress()));
    return new Loaded(null, null, read.corpus(), counted(read.diagnostics()), List.of());
  }

  /** The diagnostics as this run counts them: under --strict, every warning is an error. */
  private List<Diagnostic> counted(List<Diagnostic> ds) {
    return settings.strict() ? ds.stream().map(Diagnostic::asError).toList() : List.copyOf(ds);
  }

  private static List<Diagnostic> errors(List<Diagnostic> ds) {
    return ds.stream().filter(Diagnostic::isError).toList();
  }

  private static List<Diagnostic> withOutsideCorpus(LoadSpec spec) {
    if (spec.with().isEmpty()) {
      return List.of();
    }
    Set<Path> corpusFiles = new HashSet<>(CorpusLoader.factFiles(spec.facts(), new ArrayList<>()));
    List<Diagnostic> out = new ArrayList<>();
    for (Path w : spec.with()) {
      if (!Files.isRegularFile(w)) {
        out.add(
            Diagnostic.error(
                Location.ofFile(DisplayPath.of(w)),
                "--with takes a fact file, and this is not one (a folder's facts would change the"
                    + " corpus evaluated first)"));
      } else if (corpusFiles.contains(w.toAbsolutePath().normalize())) {
        out.add(
            Diagnostic.error(
                Location.ofFile(DisplayPath.of(w)),
                "this file is already part of the corpus; --with adds facts from other files"));
      }
    }
    return out;
  }

  private static Corpus without(
      Corpus corpus, LoadSpec.Exclusion without, List<Diagnostic> problems) {
    if (without.ids().isEmpty()) {
      return corpus;
    }
    Set<String> ids = new HashSet<>();
    corpus.facts().forEach(f -> ids.add(f.id()));
    for (String w : without.ids()) {
      if (!ids.contains(w)) {
        problems.add(
            Diagnostic.error(
                without.at(),
                "\"without\" names fact \""
                    + w
                    + "\", which "
                    + without.whose()
                    + " does not have"));
      }
    }
    Set<String> drop = new HashSet<>(without.ids());
    List<FactRecord> kept = corpus.facts().stream().filter(f -> !drop.contains(f.id())).toList();
    return new Corpus(corpus.sources(), corpus.theses(), kept, corpus.questions());
  }

  /**
   * The files read, rules first, then each fact root's files in order, with the digests taken while
   * reading.
   */
  private static List<InputFile> files(
      LoadSpec spec, List<FileDigest> rules, List<FileDigest> facts) {
    List<InputFile> out = new ArrayList<>();
    rules.forEach(d -> out.add(InputFile.of("rules", spec.rules(), d)));
    Set<Path> listed = new HashSet<>();
    for (Path root : spec.facts()) {
      Path r = root.toAbsolutePath().normalize();
      boolean folder = Files.isDirectory(r);
      for (FileDigest d : facts) {
        if ((folder ? d.path().startsWith(r) : d.path().equals(r)) && listed.add(d.path())) {
          out.add(InputFile.of("facts", root, d));
        }
      }
    }
    return out;
  }
}
