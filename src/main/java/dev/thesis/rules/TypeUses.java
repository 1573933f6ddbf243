package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import dev.thesis.diag.Severity;
import dev.thesis.safemode.SafeMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;

/**
 * The types rules name, checked against those the rule files declare, before anything is built and
 * whether safe mode runs or not. Facts are only ever of declared types, so a pattern on anything
 * else never matches; and left to the build, an unknown type gives Drools' words, at the rule's
 * line, followed by an error for every variable the pattern would have bound. Here each is one
 * located error: a misspelt type with the declared one it probably meant, a Java class that thesis
 * cannot see, a type declared in another file's package, an import of a class that does not exist.
 * Globals are refused too: thesis sets none, so a rule using one would fail when it fires.
 */
final class TypeUses {
  /** The code of an unknown or undeclared type, or of an import of a missing class. */
  static final String UNKNOWN_TYPE = "unknown-type";

  /** The code of a rule unit ({@code unit X;}). */
  static final String RULE_UNIT = "rule-unit";

  private static final Pattern UNIT = Pattern.compile("(?m)^[ \\t]*(unit)\\s+[\\w$.]+");

  /** The code of a declared global. */
  static final String GLOBAL = "global";

  private static final Pattern EXTENDS =
      Pattern.compile("\\bextends\\s+([\\w$.]+(?:\\s*,\\s*[\\w$.]+)*)");

  private static final Pattern NEW =
      Pattern.compile("\\bnew\\s+([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)\\s*\\(");

  /**
   * A local variable's type ({@code Spred s = ...}, {@code for (Spred s : ...)}): a capitalised
   * name, not after a dot, then a variable name and "=", ";" or ":". Type arguments are left to the
   * build.
   */
  private static final Pattern LOCAL =
      Pattern.compile("(?<![\\w$.<,])([A-Z][\\w$]*)\\s+[A-Za-z_$][\\w$]*\\s*(?:=(?!=)|;|:)");

  /** A cast to a capitalised name: {@code (Spred) x}. */
  private static final Pattern CAST = Pattern.compile("\\(\\s*([A-Z][\\w$]*)\\s*\\)\\s*[\\w$(\"]");

  private final DrlOutline outline;
  private final List<Diagnostic> out = new ArrayList<>();

  private TypeUses(DrlOutline outline) {
    this.outline = outline;
  }

  /** One error per problem, in file order; empty when every type used is declared. */
  static List<Diagnostic> check(DrlOutline outline) {
    TypeUses t = new TypeUses(outline);
    for (SafeMode.ParsedSource p : outline.parsed()) {
      t.file(p.source().name(), p.source().text(), p.descr());
    }
    return t.out;
  }

  /** The names of the globals the rule files declare. */
  static Set<String> globals(DrlOutline outline) {
    Set<String> names = new HashSet<>();
    for (SafeMode.ParsedSource p : outline.parsed()) {
      p.descr().getGlobals().forEach(g -> names.add(g.getIdentifier()));
    }
    return names;
  }

  /** What a file's names resolve against: its package and imports. */
  private record Scope(String pkg, List<String> imports, List<Foreign> foreign) {}

  /** A type this file names that another package declares. */
  private record Foreign(String type, String pkg, Location where) {}

  private void file(String name, String text, PackageDescr pkg) {
    Scope scope = new Scope(pkg.getName(), new ArrayList<>(), new ArrayList<>());
    try {
      uses(name, text, pkg, scope);
    } finally {
      foreign(scope);
    }
  }

  /**
   * One error for a file in the wrong package, at the first type it names from the other one: the
   * mistake is the package line, not each pattern.
   */
  private void foreign(Scope scope) {
    for (String pkg : scope.foreign().stream().map(Foreign::pkg).distinct().toList()) {
      List<Foreign> from = scope.foreign().stream().filter(f -> f.pkg().equals(pkg)).toList();
      Foreign first = from.get(0);
      List<String> others = from.stream().skip(1).map(Foreign::type).toList();
      out.add(
          new Diagnostic(
              Severity.ERROR,
              first.where(),
              first.type()
                  + " is declared in package "
                  + pkg
                  + " (at "
                  + outline.type(first.type())
                  + "), but this file is package "
                  + scope.pkg()
                  + ": all rule files must share one package"
                  + (others.isEmpty()
                      ? ""
                      : " (this file also names "
                          + dev.thesis.diag.Listing.firstOf(others, 4)
                          + " from there)"),
              "package-mismatch"));
    }
  }

  private void uses(String name, String text, PackageDescr pkg, Scope scope) {
    for (ImportDescr i : pkg.getImports()) {
      String target = i.getTarget();
      scope.imports().add(target);
      if (target.endsWith(".*") || declaredAs(target) || loadable(target)) {
        continue;
      }
      error(
          at(text, name, i, target),
          "cannot import "
              + target
              + ": there is no such class; thesis sees only types declared in DRL");
    }
    if (pkg.getUnit() != null) {
      // Rule units match data sources (/strings), not facts: nothing thesis inserts reaches them.
      Matcher u = UNIT.matcher(text);
      out.add(
          new Diagnostic(
              Severity.ERROR,
              u.find() ? AnnotationSpot.at(text, name, u.start(1)) : Location.ofFile(name),
              "unit "
                  + pkg.getUnit().getTarget()
                  + ": thesis does not run rule units; match declared types in plain rules instead",
              RULE_UNIT));
    }
    for (GlobalDescr g : pkg.getGlobals()) {
      out.add(
          new Diagnostic(
              Severity.ERROR,
              at(text, name, g, "global"),
              "global "
                  + g.getIdentifier()
                  + ": thesis sets no globals, so "
                  + g.getIdentifier()
                  + " would be null when a rule uses it (derive facts of a declared type instead)",
              GLOBAL));
    }
    Set<String> reported = new HashSet<>();
    for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
      int start = t.getStartCharacter();
      int end = t.getEndCharacter();
      if (start < 0 || end <= start || end > text.length()) {
        continue;
      }
      Matcher m = EXTENDS.matcher(Code.blank(text.substring(start, end)));
      if (m.find()) {
        for (String sup : m.group(1).split("\\s*,\\s*")) {
          int offset = start + m.start(1) + m.group(1).indexOf(sup);
          use(sup, true, scope, reported, () -> AnnotationSpot.at(text, name, offset));
        }
      }
    }
    if (pkg.getUnit() != null) {
      return; // its patterns name data sources, not types: the unit is the one mistake
    }
    for (RuleDescr r : pkg.getRules()) {
      List<PatternDescr> patterns = new ArrayList<>();
      patterns(r.getLhs(), patterns);
      for (PatternDescr p : patterns) {
        String type = p.getObjectType();
        if (p.isQuery() || type == null || outline.isQuery(type)) {
          continue;
        }
        PatternSourceDescr src = p.getSource();
        boolean fromSource =
            src != null
                && !(src instanceof EntryPointDescr)
                && !(src instanceof WindowReferenceDescr);
        use(type, !fromSource, scope, reported, () -> at(text, name, p, type));
      }
      if (r.getConsequence() instanceof String rhs) {
        int start = text.indexOf(rhs, Math.max(0, r.getStartCharacter()));
        String code = Code.blank(rhs);
        for (Pattern named : new Pattern[] {NEW, LOCAL, CAST}) {
          Matcher m = named.matcher(code);
          while (start >= 0 && m.find()) {
            int offset = start + m.start(1);
            use(m.group(1), false, scope, reported, () -> AnnotationSpot.at(text, name, offset));
          }
        }
      }
    }
  }

  /**
   * Checks one use of a type; {@code asFact}: in a pattern that matches facts (not a {@code from}
   * source's objects), where only declared types can ever match.
   */
  private void use(
      String type,
      boolean asFact,
      Scope scope,
      Set<String> reported,
      java.util.function.Supplier<Location> where) {
    String simple = simple(type);
    if (reported.contains(simple)) {
      return; // said once per file: the first use
    }
    String declaredIn = outline.typePackage(simple);
    boolean metadataOnly = declaredIn != null && outline.metadataOnly(simple);
    if (declaredIn != null && !metadataOnly) {
      if (type.contains(".") || visible(simple, declaredIn, scope)) {
        return;
      }
      reported.add(simple);
      scope.foreign().add(new Foreign(simple, declaredIn, where.get()));
      return;
    }
    String resolved = resolve(type, scope);
    if (resolved != null && !metadataOnly && (!asFact || resolved.startsWith("java."))) {
      return; // a class a consequence or a from-source may use; safe mode judges it
    }
    reported.add(simple);
    String message =
        resolved != null || metadataOnly
            ? simple + " is not declared: thesis sees only types declared in DRL"
            : JavaProblem.unknownType(simple, outline);
    if (metadataOnly) {
      message += " (a declare without fields only adds metadata to the imported class)";
    }
    error(where.get(), message);
  }

  /** Whether a type declared in package {@code pkg} can be named simply in this file. */
  private static boolean visible(String simple, String pkg, Scope scope) {
    return pkg.equals(scope.pkg())
        || scope.imports().contains(pkg + "." + simple)
        || scope.imports().contains(pkg + ".*");
  }

  /** The class a name stands for in this file, or null when it names none. */
  private static String resolve(String type, Scope scope) {
    if (type.contains(".")) {
      return loadable(type) ? type : null;
    }
    String jdk = SafeMode.allowedJdkType(type);
    if (jdk != null) {
      return jdk + "." + type;
    }
    List<String> candidates = new ArrayList<>();
    for (String i : scope.imports()) {
      if (i.equals(type) || i.endsWith("." + type)) {
        candidates.add(i);
      } else if (i.endsWith(".*")) {
        candidates.add(i.substring(0, i.length() - 1) + type);
      }
    }
    candidates.add("java.lang." + type);
    for (String c : candidates) {
      if (loadable(c)) {
        return c;
      }
    }
    return null;
  }

  /** Whether a class of this name is on the class path (not initialised: nothing of it runs). */
  private static boolean loadable(String name) {
    for (String n = name; ; ) {
      try {
        Class.forName(n, false, TypeUses.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
          return false;
        }
        n = n.substring(0, dot) + "$" + n.substring(dot + 1); // a member class: a.B.C is a.B$C
        if (n.indexOf('.') < 0) {
          return false;
        }
      }
    }
  }

  /** Whether a qualified name is a type the rule files declare, in that package. */
  private boolean declaredAs(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot > 0 && qualified.substring(0, dot).equals(outline.typePackage(simple(qualified)));
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static void patterns(BaseDescr d, List<PatternDescr> into) {
    if (d instanceof PatternDescr p) {
      into.add(p);
      if (p.getSource() instanceof AccumulateDescr a) {
        patterns(a.getInput(), into);
      } else if (p.getSource() instanceof CollectDescr c) {
        patterns(c.getInputPattern(), into);
      }
    } else if (d instanceof ConditionalElementDescr ce) {
      for (BaseDescr child : ce.getDescrs()) {
        patterns(child, into);
      }
    }
  }

  /** Where {@code word} is first written in a construct's text, else where the construct starts. */
  private static Location at(String text, String file, BaseDescr d, String word) {
    int start = d.getStartCharacter();
    if (start >= 0 && start < text.length()) {
      int i = text.indexOf(word, start);
      int end = d.getEndCharacter() > start ? d.getEndCharacter() + 1 : text.length();
      return AnnotationSpot.at(text, file, i >= 0 && i < end ? i : start);
    }
    return d.getLine() > 0
        ? new Location(file, d.getLine(), Math.max(0, d.getColumn()) + 1)
        : Location.ofFile(file);
  }

  private void error(Location at, String message) {
    out.add(new Diagnostic(Severity.ERROR, at, message, UNKNOWN_TYPE));
  }

  /** Java text with its comments and literals blanked, so a quoted "new X(" is not read as code. */
  static final class Code {
    private Code() {}

    static String blank(String s) {
      StringBuilder b = new StringBuilder(s);
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        int end;
        if (c == '"' || c == '\'') {
          end = i + 1;
          while (end < s.length() && s.charAt(end) != c && s.charAt(end) != '\n') {
            end += s.charAt(end) == '\\' ? 2 : 1;
          }
          end = Math.min(end + 1, s.length());
        } else if (s.startsWith("//", i)) {
          end = s.indexOf('\n', i);
          end = end < 0 ? s.length() : end;
        } else if (s.startsWith("/*", i)) {
          end = s.indexOf("*/", i + 2);
          end = end < 0 ? s.length() : end + 2;
        } else {
          i++;
          continue;
        }
        for (int k = i; k < end; k++) {
          if (b.charAt(k) != '\n') {
            b.setCharAt(k, ' ');
          }
        }
        i = end;
      }
      return b.toString();
    }
  }
}
