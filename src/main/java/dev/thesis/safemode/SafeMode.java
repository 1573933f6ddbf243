package dev.thesis.safemode;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.diag.Severity;
import dev.thesis.drools.BuildMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Safe mode: DRL is code (a consequence can start a process, open a file, use reflection) and Java
 * 17 has no sandbox, so rules are checked against an allowlist before they are compiled. Each file
 * is parsed with Drools' own DRL parser, which places every import, global, function, declaration
 * and rule in the text; the text of each of them is then read as Java/MVEL tokens ({@link
 * CodeTokens}) and every name in it judged ({@link CodeScanner}, {@link Allowlist}). All the text
 * is accounted for: anything outside those constructs other than {@code package} and DRL keywords
 * is refused, as is a file that does not parse, so that what cannot be checked does not pass.
 *
 * <p>Run it before compiling: building the rules already loads the classes they import.
 */
public final class SafeMode {
  /** The code of every safe-mode diagnostic. */
  public static final String CODE = "unsafe-code";

  static final String CANNOT =
      " (safe mode refuses what it cannot check; run with --trust-rules to allow)";

  /** A rule file's text and the name to show for it in diagnostics. */
  public record Source(String name, String text) {}

  /**
   * A rule file parsed by Drools' {@link DrlParser} from exactly {@code source.text()}: the
   * parser's offsets are what place each construct. Lets a caller that has parsed the files already
   * (as RuleCompiler does to report syntax errors alone) skip a second parse, which costs more than
   * the scan.
   */
  public record ParsedSource(Source source, PackageDescr descr) {}

  /** A file, its parse (null when it has none) and what was found in it. */
  private record Parsed(Source source, PackageDescr pkg, List<Diagnostic> found) {}

  private SafeMode() {}

  /**
   * One error (code {@value #CODE}) per refused use in the rule files, at the offending token, in
   * file order, then by line and column; empty when every file is safe. The files are judged
   * together: a type declared in one may be used in another. A file that cannot be read or parsed
   * is refused.
   */
  public static List<Diagnostic> scan(List<Path> drlFiles) {
    List<Parsed> files = new ArrayList<>();
    for (Path f : drlFiles) {
      String name = DisplayPath.of(f);
      try {
        files.add(parse(new Source(name, Files.readString(f, StandardCharsets.UTF_8))));
      } catch (IOException e) {
        List<Diagnostic> unread = new ArrayList<>();
        unread.add(
            error(Location.ofFile(name), "safe mode cannot read this file (" + e + ")" + CANNOT));
        files.add(new Parsed(new Source(name, ""), null, unread));
      }
    }
    return judge(files);
  }

  /** As {@link #scan(List)}, for texts already read. */
  public static List<Diagnostic> scanSources(List<Source> sources) {
    List<Parsed> files = new ArrayList<>();
    for (Source s : sources) {
      files.add(parse(s));
    }
    return judge(files);
  }

  /**
   * As {@link #scan(List)}, for files already parsed without errors: the second parse would cost
   * more than the scan.
   */
  public static List<Diagnostic> scanParsed(List<ParsedSource> files) {
    List<Parsed> parsed = new ArrayList<>();
    for (ParsedSource f : files) {
      List<Diagnostic> found = new ArrayList<>();
      if (f.descr() == null) {
        found.add(
            error(
                Location.ofFile(f.source().name()),
                "safe mode cannot check this file: it was not parsed" + CANNOT));
      }
      parsed.add(new Parsed(f.source(), f.descr(), found));
    }
    return judge(parsed);
  }

  // Plain loops here and in FileScan: in a fresh JVM each lambda costs a class, and the scan runs
  // once.
  private static List<Diagnostic> judge(List<Parsed> files) {
    List<Parsed> parsed = new ArrayList<>();
    for (Parsed p : files) {
      if (p.pkg() != null) {
        parsed.add(p);
      }
    }
    Allowlist allow = declarations(parsed);
    for (Parsed p : parsed) {
      p.found().addAll(new FileScan(p.source(), p.pkg(), allow).run());
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Parsed p : files) {
      p.found().sort(BY_PLACE);
      Location last = null;
      for (Diagnostic d : p.found()) {
        // One refusal per place: a qualified `declare java.lang.Thread` is refused once, not twice.
        if (last == null
            || last.line() != d.location().line()
            || last.column() != d.location().column()) {
          out.add(d);
        }
        last = d.location();
      }
    }
    return out;
  }

  private static final Comparator<Diagnostic> BY_PLACE =
      new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
          int byLine = Integer.compare(a.location().line(), b.location().line());
          return byLine != 0
              ? byLine
              : Integer.compare(a.location().column(), b.location().column());
        }
      };

  private static Parsed parse(Source s) {
    List<Diagnostic> out = new ArrayList<>();
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(new StringReader(s.text()));
    } catch (DroolsParserException | RuntimeException e) {
      out.add(
          error(
              Location.ofFile(s.name()),
              "safe mode cannot check this file: it does not parse ("
                  + BuildMessage.tidy(String.valueOf(e.getMessage()))
                  + ")"
                  + CANNOT));
      return new Parsed(s, null, out);
    }
    if (!parser.hasErrors() && pkg != null) {
      return new Parsed(s, pkg, out);
    }
    for (DroolsError e : parser.getErrors()) {
      Location at =
          e instanceof ParserError pe && pe.getRow() > 0
              ? new Location(s.name(), pe.getRow(), pe.getCol() + 1)
              : Location.ofFile(s.name());
      out.add(
          error(
              at,
              "safe mode cannot check this file: it does not parse ("
                  + BuildMessage.tidy(e.getMessage())
                  + ")"
                  + CANNOT));
    }
    if (parser.getErrors().isEmpty()) {
      out.add(
          error(
              Location.ofFile(s.name()),
              "safe mode cannot check this file: the parser returned nothing" + CANNOT));
    }
    return new Parsed(s, null, out);
  }

  /**
   * The names the rule files declare, across all of them. A declared name that is also the name of
   * a JDK class in scope (java.lang, or a package some file imports with .*) is not allowed: Drools
   * would take {@code declare Thread ... end} as metadata for java.lang.Thread, and the name would
   * then let rules use that class. A type is refused where it is declared; other names (enum
   * constants, functions, queries, windows) where they are used.
   */
  private static Allowlist declarations(List<Parsed> parsed) {
    Map<String, Set<String>> types = new HashMap<>();
    Set<String> names = new HashSet<>();
    Set<String> queries = new HashSet<>();
    Set<String> packages = new HashSet<>();
    // Declared names hold in every file, so every file's wildcard imports count.
    Set<String> inScope = new HashSet<>(Set.of("java.lang"));
    for (Parsed p : parsed) {
      packages.add(p.pkg().getName());
      for (ImportDescr i : p.pkg().getImports()) {
        String target = i.getTarget();
        if (target.endsWith(".*")
            && Allowlist.WILDCARD_PACKAGES.contains(target.substring(0, target.length() - 2))) {
          inScope.add(target.substring(0, target.length() - 2));
        }
      }
    }
    for (Parsed p : parsed) {
      Source s = p.source();
      PackageDescr pkg = p.pkg();
      LineStarts lines = new LineStarts(s.text());
      for (AbstractClassTypeDeclarationDescr t : pkg.getClassAndEnumDeclarationDescrs()) {
        Location at = at(s, lines, t.getStartCharacter(), t.getLine(), t.getColumn());
        String ns = t.getNamespace();
        if (ns != null && !ns.isEmpty() && !ns.equals(pkg.getName())) {
          p.found()
              .add(
                  error(
                      at,
                      "declare "
                          + t.getFullTypeName()
                          + " is not allowed in rules: it names a class "
                          + "outside this file's package, and Drools would take it as metadata for that class"
                          + CodeScanner.SUFFIX));
          continue;
        }
        if (declaredType(t.getTypeName(), inScope, at, p.found())) {
          types.putIfAbsent(t.getTypeName(), new HashSet<>());
          types.get(t.getTypeName()).add(pkg.getName());
        }
        if (t instanceof EnumDeclarationDescr e) {
          for (EnumLiteralDescr l : e.getLiterals()) {
            name(l.getName(), inScope, names);
          }
        }
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        name(f.getName(), inScope, names);
      }
      for (RuleDescr r : pkg.getRules()) {
        if (r.isQuery()) {
          queries.add(r.getName());
          name(
              r.getName(),
              inScope,
              names); // a query named like an identifier is called like a pattern
        }
      }
      for (GlobalDescr g : pkg.getGlobals()) {
        // Results.add(..) for global java.util.List Results: a name, not a type.
        name(g.getIdentifier(), inScope, names);
      }
      for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
        name(w.getName(), inScope, names);
      }
      for (EntryPointDeclarationDescr e : pkg.getEntryPointDeclarations()) {
        name(e.getEntryPointId(), inScope, names);
      }
    }
    return new Allowlist(types, names, packages, queries);
  }

  /** Adds a declared name unless a JDK class in scope has it (its uses are then refused). */
  private static void name(String name, Set<String> inScope, Set<String> names) {
    if (name != null && !name.isEmpty() && Allowlist.shadowedJdkClass(name, inScope).isEmpty()) {
      names.add(name);
    }
  }

  /**
   * Whether a declared type's name may be allowed; if it would stand for a JDK class instead, says
   * so.
   */
  private static boolean declaredType(
      String name, Set<String> inScope, Location at, List<Diagnostic> out) {
    if (name == null || name.isEmpty() || !Character.isUpperCase(name.codePointAt(0))) {
      return true; // only capitalized names are judged as types
    }
    Optional<String> shadowed = Allowlist.shadowedJdkClass(name, inScope);
    if (shadowed.isEmpty()) {
      return true;
    }
    Allowlist.Refused r = Allowlist.refusal(name);
    String why =
        r.className() != null && r.className().equals(shadowed.get())
            ? "safe mode refuses that class because " + r.reason().why
            : "that class is not on the safe-mode allowlist";
    out.add(
        error(
            at,
            "declare "
                + name
                + " is not allowed in rules: Drools would take it for "
                + shadowed.get()
                + ", and "
                + why
                + "; choose another name"
                + CodeScanner.SUFFIX));
    return false;
  }

  /** Where a construct starts: its offset if the parser gave one, else its line and column. */
  private static Location at(Source s, LineStarts lines, int offset, int line, int column) {
    if (offset >= 0 && offset <= s.text().length()) {
      return new Location(s.name(), lines.line(offset), lines.column(offset));
    }
    return line > 0
        ? new Location(s.name(), line, Math.max(column, 0) + 1)
        : Location.ofFile(s.name());
  }

  /**
   * The package of a JDK type on the allowlist ({@code List}: {@code java.util}), which rules may
   * name without importing it; null for any other name.
   */
  public static String allowedJdkType(String simpleName) {
    return Allowlist.jdkPackage(simpleName);
  }

  static Diagnostic error(Location at, String message) {
    return new Diagnostic(Severity.ERROR, at, message, CODE);
  }
}
