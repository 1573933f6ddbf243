package dev.thesis.safemode;

import dev.thesis.safemode.CodeTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Judges the names in a stretch of DRL code (a rule, a function, a declaration, a global) against
 * the {@link Allowlist}: capitalized names are types and must be allowed; a qualified name is
 * judged as the class it names; a member is refused by its name on any receiver, since MVEL
 * resolves members on the object at run time whatever its declared type; {@code drools} and {@code
 * kcontext} may only be used to call the engine's helpers.
 */
final class CodeScanner {
  /** One refused use: the index of the token it is reported at, and the message. */
  record Offence(int token, String message) {}

  static final String SUFFIX =
      " (process, file, network, reflection and System access are refused in safe mode;"
          + " run with --trust-rules to allow)";

  private final List<Token> tokens;
  private final int from;
  private final int to;
  private final BitSet exempt;
  private final BitSet typed;
  private final BitSet generic = new BitSet();
  private final Allowlist allow;
  private final List<Offence> out = new ArrayList<>();

  private CodeScanner(
      List<Token> tokens, int from, int to, BitSet exempt, BitSet typed, Allowlist allow) {
    this.tokens = tokens;
    this.from = from;
    this.to = to;
    this.exempt = exempt;
    this.typed = typed;
    this.allow = allow;
  }

  /**
   * The offences among tokens [from, to). Tokens in {@code exempt} are names the caller has placed
   * (a rule's unquoted name, a declared field's name).
   */
  static List<Offence> scan(List<Token> tokens, int from, int to, BitSet exempt, Allowlist allow) {
    return scan(tokens, from, to, exempt, new BitSet(), allow);
  }

  /**
   * As {@link #scan(List, int, int, BitSet, Allowlist)}; tokens in {@code typed} start a type the
   * caller has placed where only a type can be (a declared field's type).
   */
  static List<Offence> scan(
      List<Token> tokens, int from, int to, BitSet exempt, BitSet typed, Allowlist allow) {
    CodeScanner s = new CodeScanner(tokens, from, to, exempt, typed, allow);
    s.generics();
    s.run();
    return s.out;
  }

  /**
   * Marks type arguments: a {@code <} right after a capitalized name or a dot, up to its matching
   * {@code >}, holding only names, dots, commas, {@code ?}, {@code extends}, {@code super}, {@code
   * &} and brackets. {@code a < String} is a comparison, and String in it a value.
   */
  private void generics() {
    for (int i = from + 1; i < to; i++) {
      if (!tokens.get(i).is("<")) {
        continue;
      }
      Token before = tokens.get(i - 1);
      boolean opener =
          before.is(".")
              || (before.isIdent() && Character.isUpperCase(before.text().codePointAt(0)));
      if (!opener) {
        continue;
      }
      int depth = 0;
      for (int j = i; j < to; j++) {
        Token t = tokens.get(j);
        if (t.is("<")) {
          depth++;
        } else if (t.is(">")) {
          if (--depth == 0) {
            generic.set(i, j + 1);
            break;
          }
        } else if (!(t.isIdent()
            || t.is(".")
            || t.is(",")
            || t.is("?")
            || t.is("&")
            || t.is("[")
            || t.is("]"))) {
          break;
        }
      }
    }
  }

  private void run() {
    // One offence per chain: Runtime.getRuntime().exec(..) is one refusal, not three.
    boolean offended = false;
    Deque<Boolean> saved = new ArrayDeque<>();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.kind() == CodeTokens.Kind.SYMBOL) {
        switch (t.text()) {
          case "(", "[", "{" -> {
            saved.push(offended);
            offended = false;
          }
          case ")", "]", "}" -> offended = !saved.isEmpty() && saved.pop();
          case ".", "::" -> {}
          case "@" -> {
            if (is(i + 1, "typesafe")) {
              out.add(
                  new Offence(
                      i + 1,
                      "@typesafe is not allowed in rules: it compiles a type's constraints"
                          + " loosely, where MVEL reaches classes by name"
                          + SUFFIX));
            }
            i = annotationNameEnd(i);
          }
          case "?" -> {
            // MVEL's null-safe member access, $x.?getClass, would hide the member from the
            // checks below: refused outright.
            if (i > from && tokens.get(i - 1).is(".")) {
              out.add(
                  new Offence(
                      i,
                      "the null-safe operator .? is not allowed in rules: write the member with"
                          + " . and test for null"
                          + SUFFIX));
            }
            offended = false;
          }
          default -> offended = false;
        }
        continue;
      }
      if (!t.isIdent()) {
        offended = false;
        continue;
      }
      if (exempt.get(i)) {
        offended = false;
        continue;
      }
      boolean member = i > from && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("::"));
      if (!member) {
        offended = false;
      }
      Offence o = member ? member(i) : root(i);
      if (o != null && !(member && offended)) {
        out.add(o);
        offended = true;
      }
    }
  }

  /**
   * An annotation's name ({@code @key}, {@code @java.lang.Deprecated}) names no code; its arguments
   * are scanned.
   */
  private int annotationNameEnd(int at) {
    int i = at;
    if (ident(i + 1)) {
      i++;
      while (is(i + 1, ".") && ident(i + 2)) {
        i += 2;
      }
    }
    return i;
  }

  private Offence member(int i) {
    String name = tokens.get(i).text();
    boolean called = is(i + 1, "(") || tokens.get(i - 1).is("::");
    if (name.equals("class")) {
      return new Offence(
          i, ".class is not allowed in rules: " + Allowlist.Reason.REFLECTION.why + SUFFIX);
    }
    // MVEL calls a method with no arguments, or its getter, for a name read without parentheses
    // ($l.parallelStream, $o.getClass, $c.classLoader): judged like the call.
    Allowlist.Reason r = called ? Allowlist.refusedCall(name) : Allowlist.refusedMember(name);
    if (r == null) {
      return null;
    }
    String shown = tokens.get(i - 1).is("::") ? "::" + name : called ? name + "(...)" : "." + name;
    return new Offence(i, shown + " is not allowed in rules: " + r.why + SUFFIX);
  }

  private Offence root(int i) {
    String name = tokens.get(i).text();
    if (name.equals("drools") || name.equals("kcontext")) {
      return engine(i);
    }
    if (name.equals("entryPoints") || name.equals("channels")) {
      // Drools rewrites entryPoints["x"] and channels["x"] in consequences into engine objects.
      return new Offence(
          i, name + " is not allowed in rules: " + Allowlist.Reason.ENGINE.why + SUFFIX);
    }
    if (name.equals("class")) {
      // A local class, or MVEL's property form of getClass().
      return new Offence(
          i, "class is not allowed in rules: " + Allowlist.Reason.REFLECTION.why + SUFFIX);
    }
    if (is(i + 1, "(")) {
      Allowlist.Reason r = Allowlist.refusedCall(name);
      if (r != null) {
        return new Offence(i, name + "(...) is not allowed in rules: " + r.why + SUFFIX);
      }
      if (name.equals("insert") || name.equals("insertLogical")) {
        return handleUse(i, name);
      }
    }
    if (name.startsWith("$")) {
      return null; // a bound variable
    }
    if (is(i - 1, "point") && is(i - 2, "-") && is(i - 3, "entry")) {
      return null; // an entry point's name: from entry-point Stream, declare entry-point Stream
    }
    if (!is(i + 1, "(") && getterLike(name)) {
      // A constraint's bare getClass is this.getClass() to MVEL.
      Allowlist.Reason r = Allowlist.refusedCall(name);
      if (r != null) {
        return new Offence(i, name + " is not allowed in rules: " + r.why + SUFFIX);
      }
    }
    if (Character.isUpperCase(name.codePointAt(0))) {
      if (printing(i)) {
        return null;
      }
      if (allow.allowsName(name)) {
        return allow.isType(name) && !typePosition(i, i) ? asValue(i, name) : null;
      }
      Allowlist.Refused r = Allowlist.refusal(name);
      String shown = r.className() != null ? r.className() : name;
      String hint =
          r.reason() != Allowlist.Reason.UNLISTED
              ? ""
              : allow.nearest(name).map(n -> "; did you mean " + n + "?").orElse("");
      return new Offence(i, shown + " is not allowed in rules: " + r.reason().why + hint + SUFFIX);
    }
    return qualified(i);
  }

  /**
   * {@code System.out.println(..)} and its kin: printing reaches the run's own output, and it is
   * what rules written elsewhere do most (a fifth of the Drools repository's files). Only print,
   * println, printf and format on out or err; System itself stays refused.
   */
  private boolean printing(int i) {
    return tokens.get(i).text().equals("System")
        && is(i + 1, ".")
        && (is(i + 2, "out") || is(i + 2, "err"))
        && is(i + 3, ".")
        && (is(i + 4, "println")
            || is(i + 4, "print")
            || is(i + 4, "printf")
            || is(i + 4, "format"))
        && is(i + 5, "(");
  }

  /**
   * A lowercase name that starts a chain: a variable, a field, a keyword, or a package. Written
   * {@code a.b.C}, it names class a.b.C (a variable is not followed by a capitalized member in
   * rules); under java, javax, jakarta, jdk or sun it names a package whatever follows.
   */
  private Offence qualified(int i) {
    List<String> segments = new ArrayList<>();
    segments.add(tokens.get(i).text());
    for (int j = i; is(j + 1, ".") && ident(j + 2); j += 2) {
      segments.add(tokens.get(j + 2).text());
    }
    for (int k = 1; k < segments.size(); k++) {
      if (Character.isUpperCase(segments.get(k).codePointAt(0))) {
        String name = String.join(".", segments.subList(0, k + 1));
        if (allow.allowsClass(name)) {
          return typePosition(i, i + 2 * k) ? null : asValue(i, name);
        }
        return new Offence(
            i, name + " is not allowed in rules: " + Allowlist.refusalOfClass(name).why + SUFFIX);
      }
    }
    if (segments.size() >= 2 && Allowlist.PACKAGE_ROOTS.contains(segments.get(0))) {
      String name = String.join(".", segments);
      return new Offence(
          i, name + " is not allowed in rules: " + Allowlist.refusalOfPackage(name).why + SUFFIX);
    }
    return null;
  }

  /** A name shaped like a getter ({@code getClass}) or naming a class loader. */
  private static boolean getterLike(String name) {
    return (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3)))
        || name.toLowerCase(java.util.Locale.ROOT).contains("classloader");
  }

  private Offence asValue(int i, String name) {
    return new Offence(
        i,
        name
            + " is not allowed in rules as a value: a type name used as a value is its Class"
            + " object in MVEL, and "
            + Allowlist.Reason.REFLECTION.why
            + "; use it to declare, cast, construct, match or call static methods"
            + SUFFIX);
  }

  /** Words after which a name is no declared variable: {@code String instanceof x} is a value. */
  private static final Set<String> NOT_A_VARIABLE =
      Set.of(
          "instanceof",
          "isA",
          "is",
          "contains",
          "excludes",
          "memberOf",
          "matches",
          "soundslike",
          "in",
          "notin",
          "not",
          "str",
          "after",
          "before",
          "coincides",
          "during",
          "finishes",
          "finishedby",
          "includes",
          "meets",
          "metby",
          "overlaps",
          "overlappedby",
          "starts",
          "startedby",
          "from",
          "over",
          "and",
          "or",
          "then",
          "end",
          "when",
          "do",
          "else",
          "convertable_to",
          "strsim");

  /** Words after which a type name is written as a type. */
  private static final Set<String> TYPE_AFTER =
      Set.of("new", "instanceof", "isA", "extends", "implements", "throws", "super");

  /**
   * Whether a type name, written from token {@code start} (its first segment, {@code java} of
   * {@code java.util.List}) to {@code name} (its capitalized segment), stands where a type is
   * written rather than a value: declared ({@code String s}, {@code List<String> l}, {@code
   * String... a}), cast ({@code (String) x}, {@code #Firm}), constructed ({@code new T}), matched
   * ({@code T(...)}, {@code instanceof T}), a type argument, a supertype, a static call or method
   * reference ({@code String.valueOf(x)}, {@code T::m}), or a constant ({@code Integer.MAX_VALUE},
   * an enum constant). Anything else ({@code x == String}, {@code f(String)}, {@code $t : Integer},
   * {@code String.simpleName}) is the type's Class object in MVEL.
   */
  private boolean typePosition(int start, int name) {
    if (typed.get(start) || generic.get(start) || is(start - 1, "#")) {
      return true;
    }
    if (start - 1 >= from
        && tokens.get(start - 1).isIdent()
        && TYPE_AFTER.contains(tokens.get(start - 1).text())) {
      return true;
    }
    if (inThrows(start)) {
      return true;
    }
    int j = name;
    while (true) {
      if (is(j + 1, "<") && generic.get(j + 1)) {
        while (generic.get(j + 1) && j + 1 < to) {
          j++;
        }
      }
      while (is(j + 1, "[") && is(j + 2, "]")) {
        j += 2;
      }
      if (is(j + 1, ".") && generic.get(j + 2)) {
        return true; // Collections.<String>emptyList()
      }
      if (is(j + 1, ".") && ident(j + 2)) {
        String member = tokens.get(j + 2).text();
        if (is(j + 3, "(") || member.equals("class") || Allowlist.refusedMember(member) != null) {
          return true; // a static call; or a refused member, reported as such
        }
        if (Character.isUpperCase(member.codePointAt(0))) {
          if (constant(member)) {
            return true;
          }
          j += 2; // a member type: Map.Entry
          continue;
        }
        return false; // a property of the Class object: String.simpleName
      }
      break;
    }
    if (is(j + 1, "::") || is(j + 1, "(")) {
      return true;
    }
    if (is(j + 1, ".") && is(j + 2, ".") && is(j + 3, ".")) {
      return true; // String... values
    }
    if (ident(j + 1) && !NOT_A_VARIABLE.contains(tokens.get(j + 1).text())) {
      return true; // String s
    }
    return is(j + 1, ")") && cast(start, j + 1);
  }

  /** A constant of a type: all capitals (Integer.MAX_VALUE, ChronoUnit.DAYS), or declared. */
  private boolean constant(String member) {
    if (allow.isDeclaredName(member) && !allow.isType(member)) {
      return true;
    }
    boolean letter = false;
    for (int k = 0; k < member.length(); k++) {
      char c = member.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter && member.length() > 1;
  }

  /** {@code (T) x}: "(" before the type, ")" after it, an operand next, and no call or pattern. */
  private boolean cast(int start, int close) {
    if (!is(start - 1, "(")) {
      return false;
    }
    int open = start - 1;
    if (open - 1 >= from) {
      Token b = tokens.get(open - 1);
      if ((b.isIdent() && !Set.of("return", "then", "else", "do", "throw").contains(b.text()))
          || b.is(")")
          || b.is("]")) {
        return false; // f(String), Firm( String ): an argument, a constraint
      }
    }
    if (close + 1 >= to) {
      return false;
    }
    Token next = tokens.get(close + 1);
    return next.isIdent()
        || next.kind() == CodeTokens.Kind.LITERAL
        || next.kind() == CodeTokens.Kind.NUMBER
        || next.is("(")
        || next.is("!")
        || next.is("~");
  }

  /** Whether the type at {@code start} is listed after {@code throws}. */
  private boolean inThrows(int start) {
    int k = start - 1;
    while (is(k, ",")) {
      k--;
      while (ident(k) && is(k - 1, ".")) {
        k -= 2;
      }
      if (!ident(k)) {
        return false;
      }
      k--;
    }
    return k != start - 1 && is(k, "throws");
  }

  /**
   * {@code drools} and {@code kcontext} lead to the whole engine, so they may only call its
   * helpers; getRule() and getMatch() only to read the rule's name and metadata and the matched
   * facts.
   */
  private Offence engine(int i) {
    String name = tokens.get(i).text();
    String helpers =
        "on "
            + name
            + ", rules may call only insert, insertLogical, update, delete, retract, "
            + "getRule and getMatch";
    if (!is(i + 1, ".") || !ident(i + 2)) {
      return new Offence(
          i,
          name
              + " is not allowed in rules except to call a helper on it: "
              + helpers
              + "; passed around, it reaches the engine's session"
              + SUFFIX);
    }
    int m = i + 2;
    String helper = tokens.get(m).text();
    if (!Allowlist.ENGINE_HELPERS.contains(helper)) {
      String shown = name + "." + helper + (is(m + 1, "(") ? "()" : "");
      return new Offence(m, shown + " is not allowed in rules: " + helpers + SUFFIX);
    }
    if (helper.equals("insert") || helper.equals("insertLogical")) {
      return is(m + 1, "(") ? handleUse(m, name + "." + helper) : null;
    }
    if (helper.equals("getRule")) {
      return then(m, Allowlist.RULE_MEMBERS, name + ".getRule()");
    }
    if (helper.equals("getMatch")) {
      if (!followedByMember(m)) {
        return then(m, Allowlist.MATCH_MEMBERS, name + ".getMatch()");
      }
      int next = m + 4;
      String member = tokens.get(next).text();
      if (!Allowlist.MATCH_MEMBERS.contains(member)) {
        return then(m, Allowlist.MATCH_MEMBERS, name + ".getMatch()");
      }
      if (member.equals("getRule")) {
        return then(next, Allowlist.RULE_MEMBERS, name + ".getMatch().getRule()");
      }
    }
    return null;
  }

  /** {@code x()} followed by {@code .member}: whether tokens m+1.. are "(", ")", ".", a name. */
  private boolean followedByMember(int m) {
    return is(m + 1, "(") && is(m + 2, ")") && is(m + 3, ".") && ident(m + 4);
  }

  /** A call at {@code m} whose result may only be read through one of {@code members}. */
  private Offence then(int m, Set<String> members, String shown) {
    if (followedByMember(m) && members.contains(tokens.get(m + 4).text())) {
      return null;
    }
    List<String> sorted = new ArrayList<>(members);
    java.util.Collections.sort(sorted);
    return new Offence(
        m,
        shown
            + " is allowed in rules only as "
            + shown
            + "."
            + String.join("(), .", sorted)
            + "(): beyond those, the object reaches the engine's session and knowledge base"
            + SUFFIX);
  }

  /**
   * insert(...) returns the engine's fact handle, which leads to its internals; it may only be
   * called as a statement.
   */
  private Offence handleUse(int call, String shown) {
    int close = closing(call + 1);
    if (close < 0) {
      return null; // unbalanced: the compiler will say so
    }
    int start = shown.startsWith("drools.") || shown.startsWith("kcontext.") ? call - 2 : call;
    boolean endsStatement =
        close + 1 >= to
            || is(close + 1, ";")
            || is(close + 1, "}")
            || is(close + 1, "end")
            || is(close + 1, "then");
    if (endsStatement && (startsStatement(start) || missingSemicolonBefore(start))) {
      return null;
    }
    return new Offence(
        call,
        "the fact handle that "
            + shown
            + "(...) returns may not be used in rules: "
            + Allowlist.Reason.ENGINE.why
            + "; call "
            + shown
            + "(...) as a statement of its own"
            + SUFFIX);
  }

  /**
   * Whether a call at {@code i} follows a string or number literal ({@code String c = "cloud"} then
   * {@code insertLogical(...)} on the next line): a ";" left out, which the compiler reports where
   * it is missing. No Java or MVEL expression takes a literal right before a call; a name could be
   * an operator ({@code x or insert(y)} in MVEL), so it stays refused.
   */
  private boolean missingSemicolonBefore(int i) {
    int p = i - 1;
    if (p < from) {
      return false;
    }
    CodeTokens.Kind k = tokens.get(p).kind();
    return k == CodeTokens.Kind.LITERAL || k == CodeTokens.Kind.NUMBER;
  }

  /**
   * Whether a statement can start at {@code i}: after ";", a brace, "then", "else", "do", a {@code
   * then[name]}, or the condition of an if, while or for. Not after "=", "(", "return", a cast.
   */
  private boolean startsStatement(int i) {
    int p = i - 1;
    if (p < from) {
      return true;
    }
    Token t = tokens.get(p);
    if (t.is("{")) {
      // An array initialiser ({@code = { insert(y) }}, {@code new Object[] { ... }}) keeps values.
      return !(is(p - 1, "=") || is(p - 1, "]") || is(p - 1, ",") || is(p - 1, "("));
    }
    if (t.is(";") || t.is("}") || t.is("then") || t.is("else") || t.is("do")) {
      return true;
    }
    if (t.is("]")) {
      return is(p - 1, "]") || (ident(p - 1) && is(p - 2, "[") && is(p - 3, "then"));
    }
    if (t.is(")")) {
      int open = opening(p);
      return open > from && (is(open - 1, "if") || is(open - 1, "while") || is(open - 1, "for"));
    }
    return false;
  }

  /** Index of the "(" opened for the ")" at {@code close}, or -1. */
  private int opening(int close) {
    int depth = 0;
    for (int i = close; i >= from; i--) {
      Token t = tokens.get(i);
      if (t.is(")")) {
        depth++;
      } else if (t.is("(") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the ")" closing the "(" at {@code open}, or -1. */
  private int closing(int open) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private boolean is(int i, String text) {
    return i >= from && i < to && tokens.get(i).is(text);
  }

  private boolean ident(int i) {
    return i >= from && i < to && tokens.get(i).isIdent();
  }
}
