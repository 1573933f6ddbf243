package dev.thesis.safemode;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import dev.thesis.safemode.CodeTokens.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Safe mode over one parsed rule file: the parser places each top-level construct in the text (its
 * region); each region's tokens are judged by what the construct is, and every token outside all
 * regions must be part of the package statement or a DRL keyword.
 */
final class FileScan {
  private enum Kind {
    IMPORT,
    GLOBAL,
    ATTRIBUTE,
    FUNCTION,
    TYPE,
    RULE,
    WINDOW,
    ENTRY_POINT
  }

  /** A construct's text: offsets [start, end) and token indices [first, last). */
  private record Region(Kind kind, BaseDescr descr, int start, int end, int first, int last) {}

  private final SafeMode.Source source;
  private final PackageDescr pkg;
  private final Allowlist allow;
  private final LineStarts lines;
  private final List<Diagnostic> out = new ArrayList<>();
  private List<Token> tokens;

  FileScan(SafeMode.Source source, PackageDescr pkg, Allowlist allow) {
    this.source = source;
    this.pkg = pkg;
    this.allow = allow;
    this.lines = new LineStarts(source.text());
  }

  List<Diagnostic> run() {
    CodeTokens.Lexed lexed = CodeTokens.lex(source.text());
    tokens = lexed.tokens();
    for (CodeTokens.Problem p : lexed.problems()) {
      out.add(
          SafeMode.error(at(p.at()), "safe mode cannot check " + p.message() + SafeMode.CANNOT));
    }
    List<Region> regions = regions();
    boolean[] covered = new boolean[tokens.size()];
    for (Region r : regions) {
      for (int i = r.first(); i < r.last(); i++) {
        covered[i] = true;
      }
      switch (r.kind()) {
        case IMPORT -> importOf(r);
        case GLOBAL -> code(r, only(lastIdent(r)));
        case FUNCTION -> code(r, only(beforeFirst(r, "(")));
        case TYPE -> code(r, typeNames(r), fieldTypes(r));
        case RULE -> {
          code(r, ruleNames(r));
          queryCalls(r);
        }
        default -> code(r, new BitSet());
      }
    }
    between(covered);
    return out;
  }

  private List<Region> regions() {
    List<Region> regions = new ArrayList<>();
    for (ImportDescr d : pkg.getImports()) {
      add(regions, Kind.IMPORT, d, "import");
    }
    for (ImportDescr d : pkg.getFunctionImports()) {
      add(regions, Kind.IMPORT, d, "import");
    }
    for (ImportDescr d : pkg.getAccumulateImports()) {
      add(regions, Kind.IMPORT, d, "import");
    }
    for (BaseDescr d : pkg.getGlobals()) {
      add(regions, Kind.GLOBAL, d, "global");
    }
    for (BaseDescr d : pkg.getAttributes()) {
      add(regions, Kind.ATTRIBUTE, d, "package attribute");
    }
    for (BaseDescr d : pkg.getFunctions()) {
      add(regions, Kind.FUNCTION, d, "function");
    }
    for (BaseDescr d : pkg.getClassAndEnumDeclarationDescrs()) {
      add(regions, Kind.TYPE, d, "declare");
    }
    for (RuleDescr d : pkg.getRules()) {
      add(regions, Kind.RULE, d, d.isQuery() ? "query" : "rule");
    }
    for (BaseDescr d : pkg.getWindowDeclarations()) {
      add(regions, Kind.WINDOW, d, "declare window");
    }
    for (BaseDescr d : pkg.getEntryPointDeclarations()) {
      add(regions, Kind.ENTRY_POINT, d, "declare entry-point");
    }
    regions.sort(BY_START);
    return regions;
  }

  private static final Comparator<Region> BY_START =
      new Comparator<>() {
        @Override
        public int compare(Region a, Region b) {
          return Integer.compare(a.start(), b.start());
        }
      };

  private static BitSet only(int token) {
    BitSet s = new BitSet();
    if (token >= 0) {
      s.set(token);
    }
    return s;
  }

  private void add(List<Region> regions, Kind kind, BaseDescr d, String what) {
    int start = d.getStartCharacter();
    int end = d.getEndCharacter() + 1; // the parser's end is inclusive
    if (start < 0 || end <= start || start > source.text().length()) {
      // Its tokens stay outside every region, so they are refused there too; this says why.
      Location where =
          d.getLine() > 0
              ? new Location(source.name(), d.getLine(), Math.max(d.getColumn(), 0) + 1)
              : Location.ofFile(source.name());
      out.add(
          SafeMode.error(
              where,
              "safe mode cannot place this "
                  + what
                  + " in the file, so it cannot check it"
                  + SafeMode.CANNOT));
      return;
    }
    regions.add(new Region(kind, d, start, end, tokenAt(start), tokenAt(end)));
  }

  /** Index of the first token starting at or after {@code offset}. */
  private int tokenAt(int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void code(Region r, BitSet exempt) {
    code(r, exempt, new BitSet());
  }

  private void code(Region r, BitSet exempt, BitSet typed) {
    for (CodeScanner.Offence o :
        CodeScanner.scan(tokens, r.first(), r.last(), exempt, typed, allow)) {
      out.add(SafeMode.error(at(tokens.get(o.token()).start()), o.message()));
    }
  }

  /**
   * An import must name an allowed class, or an allowed package with .*; function and accumulate
   * imports never.
   */
  private void importOf(Region r) {
    ImportDescr d = (ImportDescr) r.descr();
    // The offending token: "function"/"static"/"accumulate", or the name's start.
    int at = r.first() + 1 < r.last() ? r.first() + 1 : r.first();
    if (at >= tokens.size()) {
      return;
    }
    Location where = at(tokens.get(at).start());
    String target = d.getTarget();
    int odd = notAnImportToken(r);
    if (odd >= 0) {
      // The parser's import holds text that is no part of an import: do not take the target on
      // trust.
      out.add(
          SafeMode.error(
              at(tokens.get(odd).start()),
              "safe mode cannot check this import: \""
                  + tokens.get(odd).text()
                  + "\" is no part of one"
                  + SafeMode.CANNOT));
    } else if (d instanceof FunctionImportDescr) {
      out.add(
          SafeMode.error(
              where,
              "import function "
                  + target
                  + " is not allowed in rules: it makes a static "
                  + "Java method callable by name, outside the allowlist"
                  + CodeScanner.SUFFIX));
    } else if (d instanceof AccumulateImportDescr) {
      out.add(
          SafeMode.error(
              where,
              "import accumulate "
                  + target
                  + " is not allowed in rules: it runs a Java "
                  + "class as an accumulate function"
                  + CodeScanner.SUFFIX));
    } else if (target.endsWith(".*")) {
      String name = target.substring(0, target.length() - 2);
      if (!allow.allowsWildcard(name)) {
        Allowlist.Reason why = Allowlist.refusalOfPackage(name);
        out.add(
            SafeMode.error(
                where,
                "import "
                    + target
                    + " is not allowed in rules: "
                    + (why == Allowlist.Reason.UNLISTED
                        ? "only "
                            + String.join(
                                ", ", new java.util.TreeSet<>(Allowlist.WILDCARD_PACKAGES))
                            + " and the rule files' own packages may be imported with .*"
                        : why.why)
                    + CodeScanner.SUFFIX));
      }
    } else if (!allow.allowsClass(target)) {
      out.add(
          SafeMode.error(
              where,
              target
                  + " is not allowed in rules: "
                  + Allowlist.refusalOfClass(target).why
                  + CodeScanner.SUFFIX));
    }
  }

  /**
   * The first token of an import region that an import cannot hold ({@code import [function|static|
   * accumulate] a.b.C[.*] [name] [;]}), or -1.
   */
  private int notAnImportToken(Region r) {
    for (int i = r.first(); i < r.last(); i++) {
      Token t = tokens.get(i);
      boolean fits =
          i == r.first()
              ? t.is("import")
              : t.isIdent() || t.is(".") || t.is("*") || (t.is(";") && i == r.last() - 1);
      if (!fits) {
        return i;
      }
    }
    return -1;
  }

  /** A declaration's own name (when not qualified) and its fields' names before ":". */
  private BitSet typeNames(Region r) {
    BitSet exempt = new BitSet();
    if (r.first() < r.last()
        && tokens.get(r.first()).isIdent()
        && !(r.first() + 1 < r.last() && tokens.get(r.first() + 1).is("."))) {
      exempt.set(
          r.first()); // judged with the declarations: SafeMode refuses a name that stands for a
      // JDK class
    }
    Set<String> fields = ((AbstractClassTypeDeclarationDescr) r.descr()).getFields().keySet();
    for (int i = r.first(); i + 1 < r.last(); i++) {
      Token t = tokens.get(i);
      if (t.isIdent() && fields.contains(t.text()) && tokens.get(i + 1).is(":")) {
        exempt.set(i);
      }
    }
    return exempt;
  }

  /** Where a declared field's type starts: after its name and ":". */
  private BitSet fieldTypes(Region r) {
    BitSet typed = new BitSet();
    Set<String> fields = ((AbstractClassTypeDeclarationDescr) r.descr()).getFields().keySet();
    for (int i = r.first(); i + 2 < r.last(); i++) {
      Token t = tokens.get(i);
      if (t.isIdent() && fields.contains(t.text()) && tokens.get(i + 1).is(":")) {
        typed.set(i + 2);
      }
    }
    return typed;
  }

  /**
   * A call of a query in a rule's conditions ({@code q( $a, "x"; )}, {@code ?q( ... )}) may take
   * only bound variables, plain literals and unbound names: Drools evaluates its other arguments
   * while it builds the rules, so checking the rules would run them.
   */
  private void queryCalls(Region r) {
    int i = r.first();
    int end = r.last();
    boolean query = i < end && tokens.get(i).is("query");
    if (!query) {
      // A rule's conditions: from "when" to "then".
      int when = -1;
      for (int k = i; k < end; k++) {
        if (tokens.get(k).is("when")) {
          when = k;
          break;
        }
        if (tokens.get(k).is("then")) {
          return;
        }
      }
      if (when < 0) {
        return;
      }
      i = when + 1;
      for (int k = i; k < end; k++) {
        if (tokens.get(k).is("then")) {
          end = k;
          break;
        }
      }
    }
    for (int k = i; k + 1 < end; k++) {
      Token t = tokens.get(k);
      if (!t.isIdent() || !allow.isQuery(t.text()) || !tokens.get(k + 1).is("(")) {
        continue;
      }
      if (k > r.first()) {
        Token before = tokens.get(k - 1);
        if (before.is(".") || before.is("::") || before.is("new") || before.is("query")) {
          continue; // a member, or the query's own header
        }
      }
      int depth = 0;
      int argStart = k + 2;
      for (int j = k + 1; j < end; j++) {
        Token a = tokens.get(j);
        if (a.is("(") || a.is("[") || a.is("{")) {
          depth++;
          continue;
        }
        boolean closes = a.is(")") || a.is("]") || a.is("}");
        if (closes) {
          depth--;
        }
        if (depth == 0 || (depth == 1 && (a.is(",") || a.is(";")))) {
          queryArgument(t.text(), argStart, j);
          argStart = j + 1;
        }
        if (depth == 0) {
          k = j;
          break;
        }
      }
    }
  }

  /** One argument of a query call, tokens [from, to): refused unless variable, literal or name. */
  private void queryArgument(String query, int from, int to) {
    if (from >= to) {
      return;
    }
    Token a = tokens.get(from);
    boolean plain;
    if (to - from == 1) {
      plain =
          a.kind() == CodeTokens.Kind.LITERAL
              || a.kind() == CodeTokens.Kind.NUMBER
              || (a.isIdent() && !Character.isUpperCase(a.text().codePointAt(0)));
    } else {
      plain = to - from == 2 && a.is("-") && tokens.get(from + 1).kind() == CodeTokens.Kind.NUMBER;
    }
    if (!plain) {
      out.add(
          SafeMode.error(
              at(a.start()),
              "this argument of query "
                  + query
                  + " is not allowed in rules: a query call may take only bound variables ($x),"
                  + " literals and unbound names, since Drools evaluates any other argument while"
                  + " it builds the rules"
                  + CodeScanner.SUFFIX));
    }
  }

  /** A rule's or query's unquoted name, and the rule it extends, if unquoted. */
  private BitSet ruleNames(Region r) {
    BitSet exempt = new BitSet();
    int i = r.first();
    if (i + 1 < r.last()
        && (tokens.get(i).is("rule") || tokens.get(i).is("query"))
        && tokens.get(i + 1).isIdent()) {
      exempt.set(i + 1);
    }
    for (int k = i; k + 1 < r.last(); k++) {
      Token t = tokens.get(k);
      if (t.is("when") || t.is("then")) {
        break;
      }
      if (t.is("extends") && tokens.get(k + 1).isIdent()) {
        exempt.set(k + 1);
      }
    }
    return exempt;
  }

  private int lastIdent(Region r) {
    for (int i = r.last() - 1; i >= r.first(); i--) {
      if (tokens.get(i).isIdent()) {
        return i;
      }
    }
    return -1;
  }

  /** The token before the first {@code symbol} (a function's name before its parameters). */
  private int beforeFirst(Region r, String symbol) {
    for (int i = r.first() + 1; i < r.last(); i++) {
      if (tokens.get(i).is(symbol)) {
        return i - 1;
      }
    }
    return -1;
  }

  /**
   * Tokens outside every construct: the package statement, {@code declare} and its modifiers, the
   * names of package attributes, semicolons. Anything else is text the parser placed nowhere safe
   * mode looks, so it is refused.
   */
  private void between(boolean[] covered) {
    for (int i = 0; i < tokens.size(); i++) {
      if (covered[i]) {
        continue;
      }
      Token t = tokens.get(i);
      if (t.is("package") && i + 1 < tokens.size() && tokens.get(i + 1).isIdent()) {
        int j = i + 1;
        while (j + 2 < tokens.size()
            && tokens.get(j + 1).is(".")
            && tokens.get(j + 2).isIdent()
            && !covered[j + 2]) {
          j += 2;
        }
        if (!Allowlist.allowsPackage(pkg.getName())) {
          out.add(
              SafeMode.error(
                  at(tokens.get(i + 1).start()),
                  "package "
                      + pkg.getName()
                      + " is not allowed for "
                      + "rules: it is a package of the JDK or of a library this program runs with, whose classes "
                      + "the rules could then use without naming them"
                      + CodeScanner.SUFFIX));
        }
        i = j;
        continue;
      }
      if (t.is(";") || t.is("-") || (t.isIdent() && BETWEEN_WORDS.contains(t.text()))) {
        continue;
      }
      out.add(
          SafeMode.error(
              at(t.start()),
              "safe mode cannot tell what \""
                  + t.text()
                  + "\" belongs to: it is not "
                  + "part of a rule, query, function, declare, import or global"
                  + SafeMode.CANNOT));
      while (i + 1 < tokens.size() && !covered[i + 1]) {
        i++; // one refusal per stretch of unplaced text
      }
    }
  }

  private static final Set<String> BETWEEN_WORDS =
      Set.of(
          "declare",
          "enum",
          "trait",
          "salience",
          "enabled",
          "no",
          "loop",
          "lock",
          "on",
          "active",
          "auto",
          "focus",
          "agenda",
          "group",
          "activation",
          "ruleflow",
          "date",
          "effective",
          "expires",
          "dialect",
          "duration",
          "timer",
          "calendars",
          "refract",
          "direct");

  private Location at(int offset) {
    return new Location(source.name(), lines.line(offset), lines.column(offset));
  }
}
