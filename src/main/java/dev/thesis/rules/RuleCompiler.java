package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.diag.Severity;
import dev.thesis.diag.Thrown;
import dev.thesis.drools.BuildMessage;
import dev.thesis.drools.DrlBuild;
import dev.thesis.safemode.SafeMode;
import dev.thesis.safemode.Scan;
import dev.thesis.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * Compiles every {@code .drl} file under a folder, at run time, on Drools' classic build path,
 * whose messages point at DRL lines (the executable model's point at generated Java).
 */
public final class RuleCompiler {
  private RuleCompiler() {}

  /** The rule set, or null when any diagnostic is an error. */
  public record Result(
      RuleSet ruleSet,
      List<Diagnostic> diagnostics,
      boolean fromCache,
      List<dev.thesis.diag.FileDigest> files) {
    Result(RuleSet ruleSet, List<Diagnostic> diagnostics) {
      this(ruleSet, diagnostics, false, List.of());
    }

    /** This result, naming the rule files read and the SHA-256 of the bytes compiled. */
    Result withFiles(List<dev.thesis.diag.FileDigest> read) {
      return new Result(ruleSet, diagnostics, fromCache, List.copyOf(read));
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * Compiles, or reloads the packages compiled earlier from byte-identical files. The files are
   * still parsed every time: the outline (locations, shapes, metadata) is cheap and not cached.
   * Unless {@code scan} is OFF, every file is first checked against the safe-mode allowlist ({@link
   * SafeMode}), before the cache is looked up. ENFORCE: nothing is built if any code in it is
   * refused (building already loads the classes rules import, and runs annotation values). ADVISE
   * (the rules run in the OS sandbox): each refusal is a warning, and the rules are built.
   */
  public static Result compile(Path rulesDir, CompiledRulesCache cache, Scan scan) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Path> files = drlFiles(rulesDir, diagnostics);
    if (files.isEmpty()) {
      if (diagnostics.isEmpty()) {
        diagnostics.add(
            Diagnostic.error(
                Location.ofFile(DisplayPath.of(rulesDir)), "no .drl files in this folder"));
      }
      return new Result(null, diagnostics);
    }
    DrlOutline outline = DrlOutline.of(files);
    return build(rulesDir, files, outline, cache, scan, diagnostics).withFiles(outline.digests());
  }

  private static Result build(
      Path rulesDir,
      List<Path> files,
      DrlOutline outline,
      CompiledRulesCache cache,
      Scan scan,
      List<Diagnostic> diagnostics) {
    if (!outline.syntaxErrors().isEmpty()) {
      diagnostics.addAll(outline.syntaxErrors());
      return new Result(null, diagnostics);
    }
    // Before safe mode, and whatever the scan: a misspelt type is a mistake to point out, not code
    // to refuse, and the build would report it in Drools' words, with its follow-on errors.
    List<Diagnostic> types = TypeUses.check(outline);
    // Said once: safe mode's refusal of the same name, or of a global's type, goes.
    java.util.Set<String> said = new java.util.HashSet<>();
    for (Diagnostic d : types) {
      said.add(d.location().toString());
      if (TypeUses.GLOBAL.equals(d.code())) {
        said.add(d.location().file() + ":" + d.location().line());
      }
    }
    if (scan != Scan.OFF) {
      List<Diagnostic> refused = new ArrayList<>();
      for (Diagnostic d : SafeMode.scanParsed(outline.parsed())) {
        Location at = d.location();
        if (!said.contains(at.toString()) && !said.contains(at.file() + ":" + at.line())) {
          refused.add(d);
        }
      }
      if (scan == Scan.ADVISE) {
        // Same place, message and code; a warning, so --strict counts it as an error. Kept in
        // the diagnostics a cache hit returns too.
        for (Diagnostic d : refused) {
          diagnostics.add(new Diagnostic(Severity.WARNING, d.location(), d.message(), d.code()));
        }
      } else if (!refused.isEmpty()) {
        diagnostics.addAll(types);
        diagnostics.addAll(refused);
        diagnostics.sort(BY_PLACE);
        return new Result(null, diagnostics);
      }
    }
    if (types.stream().anyMatch(d -> !TypeUses.GLOBAL.equals(d.code()))) {
      diagnostics.addAll(types);
      diagnostics.sort(BY_PLACE);
      return new Result(null, diagnostics);
    }
    // A global alone does not stop the build: what else is wrong is worth knowing too.
    diagnostics.addAll(types);
    List<Diagnostic> duplicates = duplicateRules(outline.shapes());
    if (!duplicates.isEmpty()) {
      diagnostics.addAll(duplicates);
      return new Result(null, diagnostics);
    }
    String key = cacheKey(rulesDir, files, cache, outline);
    java.util.Optional<CompiledRulesCache.Entry> cached =
        key == null ? java.util.Optional.empty() : cache.load(key);
    if (cached.isPresent()) {
      try {
        KieBase kbase = DrlBuild.assemble(cached.get().packages(), cached.get().classLoader());
        Result r = finish(kbase, outline, new ArrayList<>(diagnostics));
        return new Result(r.ruleSet(), r.diagnostics(), true, List.of());
      } catch (RuntimeException | LinkageError e) {
        // An entry that reads back but does not assemble is a miss too: compile, and replace it.
      }
    }
    Map<String, Path> byAbsolute = new HashMap<>();
    List<DrlBuild.Source> sources = new ArrayList<>();
    for (Path f : files) {
      String abs = f.toAbsolutePath().normalize().toString();
      byAbsolute.put(abs, f);
      // The text the outline read and safe mode scanned, not the file again.
      sources.add(new DrlBuild.Source(abs, outline.text(f)));
    }
    try {
      return compileAndAssemble(rulesDir, outline, cache, key, sources, byAbsolute, diagnostics);
    } catch (Throwable e) {
      // Anything the rules' code throws while Drools builds them (a declared enum that fails to
      // initialise, a declared field of a missing class, the heap running out) is the rules' error.
      diagnostics.add(buildFailure(e, rulesDir, outline));
      return new Result(null, diagnostics);
    }
  }

  private static Result compileAndAssemble(
      Path rulesDir,
      DrlOutline outline,
      CompiledRulesCache cache,
      String key,
      List<DrlBuild.Source> sources,
      Map<String, Path> byAbsolute,
      List<Diagnostic> diagnostics) {
    DrlBuild.Outcome build = DrlBuild.build(sources);
    SourceLines lines = new SourceLines();
    FollowOnErrors followOn = new FollowOnErrors(outline.shapes());
    List<Diagnostic> built = new ArrayList<>();
    for (DrlBuild.Message m : build.messages()) {
      toDiagnostic(m, byAbsolute, rulesDir, outline, lines, followOn).ifPresent(built::add);
    }
    // A rule using a global fails for want of it; the global itself is the error already reported.
    java.util.Set<String> globals = TypeUses.globals(outline);
    java.util.Set<String> globalLines = new java.util.HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (TypeUses.GLOBAL.equals(d.code())) {
        globalLines.add(d.location().file() + ":" + d.location().line());
      }
    }
    built.removeIf(
        d ->
            globalLines.contains(d.location().file() + ":" + d.location().line())
                || globals.stream().anyMatch(g -> FollowOnErrors.mentions(d.message(), g)));
    diagnostics.addAll(followOn.filter(unclearBesideClear(built)));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Result(null, diagnostics);
    }
    KieBase kbase = DrlBuild.assemble(build.packages(), null);
    if (key != null && built.isEmpty()) {
      // Only a clean build is stored: a warning must be shown again on every run.
      cache.store(key, build.packages(), build.generatedClasses());
    }
    return finish(kbase, outline, diagnostics);
  }

  /** File by file, then by line and column; the sort is stable, so same-place order is kept. */
  private static final java.util.Comparator<Diagnostic> BY_PLACE =
      java.util.Comparator.comparing((Diagnostic d) -> d.location().file())
          .thenComparingInt(d -> d.location().line())
          .thenComparingInt(d -> d.location().column());

  /**
   * The Java compiler reports a missing token several ways at one place ("insert ";"", "insert ":
   * IdentifierOrNew""): the ones in its grammar's terms go when another says it plainly.
   */
  private static List<Diagnostic> unclearBesideClear(List<Diagnostic> built) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : built) {
      boolean dropped =
          d.message().equals(JavaProblem.UNCLEAR)
              && built.stream()
                  .anyMatch(
                      o ->
                          o != d
                              && o.location().equals(d.location())
                              && !o.message().equals(JavaProblem.UNCLEAR));
      if (!dropped) {
        out.add(d);
      }
    }
    return out;
  }

  /** A throwable from building, as an error where it can be placed (else at the rules folder). */
  static Diagnostic buildFailure(Throwable e, Path rulesDir, DrlOutline outline) {
    Location at = locate(e, outline);
    if (at == null) {
      at = Location.ofFile(DisplayPath.of(rulesDir));
    }
    if (Thrown.kind(e) == Thrown.Kind.MEMORY) {
      return new Diagnostic(
          Severity.ERROR, at, Thrown.memory("building the rules"), Thrown.MEMORY_CODE);
    }
    return Diagnostic.error(
        at,
        "the rules could not be built: "
            + Thrown.describe(e)
            + (e instanceof RuntimeException
                ? " (a declare extending an undeclared type does this)"
                : ""));
  }

  /**
   * The declaration a throwable comes from: a declared type or enum whose code is on its stack (its
   * initialiser, say), or where a class that was not found is named.
   */
  private static Location locate(Throwable e, DrlOutline outline) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if ((c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException)
          && c.getMessage() != null) {
        Location at = outline.firstMention(c.getMessage().trim().replace('/', '.'));
        if (at != null) {
          return at;
        }
      }
      for (StackTraceElement frame : c.getStackTrace()) {
        String cls = frame.getClassName();
        if (cls.startsWith("java.")
            || cls.startsWith("org.drools.")
            || cls.startsWith("org.kie.")) {
          continue;
        }
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        Location at = outline.declaration(nested < 0 ? simple : simple.substring(0, nested));
        if (at != null) {
          return at;
        }
      }
    }
    return null;
  }

  private static String cacheKey(
      Path rulesDir, List<Path> files, CompiledRulesCache cache, DrlOutline outline) {
    if (!cache.enabled()) {
      return null;
    }
    try {
      return CompiledRulesCache.key(
          rulesDir.normalize(),
          files,
          f -> outline.text(f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Result finish(KieBase kbase, DrlOutline outline, List<Diagnostic> diagnostics) {
    List<RuleInfo> rules = RuleMetadata.read(kbase, outline, diagnostics);
    Schema schema = SchemaReader.read(kbase, outline);
    diagnostics.addAll(outsideValues(outline.shapes(), schema));
    RuleSet ruleSet =
        new RuleSet(
            kbase,
            new RuleBook(
                rules, schema, outline.shapes(), outline.functionCreates(), outline.hasQueries()));
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    return new Result(failed ? null : ruleSet, diagnostics);
  }

  /**
   * A literal a rule compares with a field marked {@code @values} that is not among them: the
   * pattern could never match (or, with {@code !=}, always would).
   */
  static List<Diagnostic> outsideValues(List<RuleShape> shapes, Schema schema) {
    List<Diagnostic> out = new ArrayList<>();
    for (RuleShape r : shapes) {
      for (PatternRef p : r.patterns()) {
        var type = schema.type(p.simpleType());
        for (PatternRef.Literal l : p.literals()) {
          var field = type.flatMap(t -> t.field(l.field())).orElse(null);
          if (field != null && field.restricted() && !field.values().contains(l.value())) {
            out.add(
                new Diagnostic(
                    Severity.ERROR,
                    l.location(),
                    "rule \"" + r.name() + "\": " + field.notAllowed(type.get().name(), l.value()),
                    dev.thesis.schema.DeclaredType.NOT_IN_VALUES));
          }
        }
      }
    }
    return out;
  }

  /**
   * Rules are named in explanations and reports by name alone, so a name must be unique across all
   * files: Drools rejects a repeat within a package but accepts one in another package.
   */
  private static List<Diagnostic> duplicateRules(List<RuleShape> shapes) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, RuleShape> first = new HashMap<>();
    for (RuleShape r : shapes) {
      RuleShape prev = first.putIfAbsent(r.name(), r);
      if (prev != null) {
        out.add(
            new Diagnostic(
                Severity.ERROR,
                r.location(),
                "rule \"" + r.name() + "\" is defined twice (first at " + prev.location() + ")",
                "duplicate-rule"));
      }
    }
    return out;
  }

  public static List<Path> drlFiles(Path dir, List<Diagnostic> diagnostics) {
    if (!Files.isDirectory(dir)) {
      diagnostics.add(
          Diagnostic.error(Location.ofFile(DisplayPath.of(dir)), "no such rules folder"));
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".drl"))
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(Location.ofFile(DisplayPath.of(dir)), "cannot list: " + e.getMessage()));
      return List.of();
    }
  }

  private static java.util.Optional<Diagnostic> toDiagnostic(
      DrlBuild.Message r,
      Map<String, Path> byAbsolute,
      Path rulesDir,
      DrlOutline outline,
      SourceLines sources,
      FollowOnErrors followOn) {
    String text = r.text();
    // The parser adds this after every syntax error; the syntax error itself says what is wrong.
    if (text.contains("Parser returned a null Package")) {
      return java.util.Optional.empty();
    }
    Path path = null;
    if (r.sourcePath() != null) {
      String abs = Path.of(r.sourcePath()).toAbsolutePath().normalize().toString();
      path = byAbsolute.getOrDefault(abs, Path.of(abs));
    }
    String file = DisplayPath.of(path == null ? rulesDir : path);
    int[] lines = r.lines();
    int line =
        lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : BuildMessage.line(text);
    String sourceLine = path == null ? null : sources.line(path, line);
    BuildMessage.Refined refined = BuildMessage.refine(text, line, sourceLine, outline::fieldsOf);
    String message = refined.message();
    int column = r.column() > 0 ? r.column() : refined.column();
    if (refined.brokenVariable() == null && message.equals(BuildMessage.tidy(text))) {
      // Nothing Drools-specific: perhaps the Java compiler's words about a consequence.
      JavaProblem.Worded w = JavaProblem.of(message, column, sourceLine, outline);
      message = w.message();
      column = w.column();
    }
    Severity severity = r.error() ? Severity.ERROR : Severity.WARNING;
    Diagnostic d =
        new Diagnostic(severity, new Location(file, line, column), JavaProblem.plain(message));
    if (refined.brokenVariable() != null) {
      followOn.broken(d.location(), refined.brokenVariable());
    }
    return java.util.Optional.of(d);
  }
}
