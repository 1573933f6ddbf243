package dev.thesis.analysis;

import dev.thesis.analysis.WhyNot.AttemptOutcome;
import dev.thesis.analysis.WhyNot.Item;
import dev.thesis.analysis.WhyNot.Listing;
import dev.thesis.analysis.WhyNot.Near;
import dev.thesis.analysis.WhyNot.Step;
import dev.thesis.analysis.WhyNot.StepKind;
import dev.thesis.analysis.WhyNot.StepOutcome;
import dev.thesis.diag.Location;
import dev.thesis.rules.Condition;
import dev.thesis.rules.Constraint;
import dev.thesis.schema.DeclaredType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks one rule's conditions in order over the working memory, as a join would: each row is one
 * way of binding the variables so far, starting from those the key implies. A condition that fails
 * is recorded and then stepped over (its rows kept), so the conditions after it are still checked;
 * their constraints on variables only it would have bound are then "not checked".
 */
final class RuleWalk {
  /** Rows kept at most: beyond, later conditions are checked on the first ones (and it is said). */
  static final int ROWS = 5_000;

  /** Items listed per step. */
  static final int SHOWN = 5;

  /** Rows tried when looking for nearest candidates. */
  private static final int NEAR_ROWS = 20;

  /** Premises asked about per pattern. */
  private static final int PREMISES = 3;

  private final WhyNot.Analysis analysis;
  private final Memory memory;
  private final int depth;
  private final Set<String> path;
  private boolean unchecked;
  private String note;
  private AttemptOutcome failure;

  private record Walked(List<Map<String, Object>> rows, AttemptOutcome failed) {}

  /** One candidate tried under one row. */
  private record Tried(
      Map<String, Object> row, int failures, Constraint failed, Set<String> unknowns) {}

  RuleWalk(WhyNot.Analysis analysis, int depth, Set<String> path) {
    this.analysis = analysis;
    this.memory = analysis.memory();
    this.depth = depth;
    this.path = path;
  }

  List<Step> run(Condition conditions, Map<String, Object> bound) {
    List<Step> steps = new ArrayList<>();
    failure = walk(conditions, List.of(new HashMap<>(bound)), steps).failed();
    return steps;
  }

  AttemptOutcome outcome() {
    return failure != null
        ? failure
        : unchecked ? AttemptOutcome.NOT_CHECKED : AttemptOutcome.HOLDS;
  }

  String note() {
    return note;
  }

  private Walked walk(Condition c, List<Map<String, Object>> rows, List<Step> steps) {
    if (c instanceof Condition.And a) {
      AttemptOutcome failed = null;
      for (Condition part : a.parts()) {
        Walked w = walk(part, rows, steps);
        rows = w.rows();
        failed = failed != null ? failed : w.failed();
      }
      return new Walked(rows, failed);
    }
    if (c instanceof Condition.Pattern p && !declared(p)) {
      return notChecked(
          p.text() + ": " + p.type() + " is not declared in the rules", p.location(), rows, steps);
    }
    if (c instanceof Condition.Pattern p) {
      return pattern(p, rows, steps, false);
    }
    if (c instanceof Condition.Exists e
        && e.inner() instanceof Condition.Pattern p
        && declared(p)) {
      return pattern(p, rows, steps, true);
    }
    if (c instanceof Condition.Not n && n.inner() instanceof Condition.Pattern p && declared(p)) {
      return not(p, rows, steps);
    }
    if (c instanceof Condition.Or o) {
      return or(o, rows, steps);
    }
    String what;
    Location at;
    if (c instanceof Condition.Unchecked u) {
      what = u.what();
      at = u.location();
    } else if (c instanceof Condition.Not n) {
      what = "not ( ... ): over several patterns, or a type not declared in the rules";
      at = n.location();
    } else {
      what = "exists ( ... ): over several patterns, or a type not declared in the rules";
      at = ((Condition.Exists) c).location();
    }
    return notChecked(what, at, rows, steps);
  }

  /**
   * Whether the pattern's type is declared in the rules: of any other type (a Java class) the
   * evaluated facts and conclusions say nothing, so "nothing matches" would be a guess.
   */
  private boolean declared(Condition.Pattern p) {
    return memory.type(p.type()).isPresent();
  }

  private Walked notChecked(
      String what, Location at, List<Map<String, Object>> rows, List<Step> steps) {
    unchecked = true;
    steps.add(
        new Step(
            StepKind.NOT_CHECKED,
            what,
            where(at),
            StepOutcome.NOT_CHECKED,
            Map.of(),
            Listing.none(),
            Listing.none(),
            List.of(),
            List.of(),
            List.of()));
    return new Walked(rows, null);
  }

  /** A pattern, or the pattern of an {@code exists} (whose rows are kept, not extended). */
  private Walked pattern(
      Condition.Pattern p, List<Map<String, Object>> rows, List<Step> steps, boolean exists) {
    List<Map<String, Object>> out = new ArrayList<>();
    TreeMap<String, Memory.Obj> matched = new TreeMap<>();
    Set<String> unknowns = new LinkedHashSet<>();
    boolean cut = false;
    rows:
    for (Map<String, Object> row : rows) {
      for (Memory.Obj o : candidates(p, row)) {
        Tried t = test(p, o, row);
        if (t.failures() == 0) {
          matched.put(o.id(), o);
          unknowns.addAll(t.unknowns());
          if (exists) {
            out.add(row);
            continue rows;
          }
          out.add(t.row());
          if (out.size() >= ROWS) {
            cut = true;
            break rows;
          }
        }
      }
    }
    if (cut && note == null) {
      note =
          "more than "
              + ROWS
              + " ways to match up to "
              + where(p.location())
              + ": the conditions after it were checked on the first "
              + ROWS;
    }
    if (!unknowns.isEmpty()) {
      unchecked = true;
    }
    StepKind kind = exists ? StepKind.EXISTS : StepKind.PATTERN;
    String text = (exists ? "exists " : "") + p.text();
    if (!out.isEmpty()) {
      steps.add(
          new Step(
              kind,
              text,
              where(p.location()),
              StepOutcome.MATCHED,
              shared(p, rows),
              listing(matched, Memory.Obj::item),
              Listing.none(),
              List.copyOf(unknowns),
              List.of(),
              List.of()));
      return new Walked(out, null);
    }
    steps.add(
        new Step(
            kind,
            text,
            where(p.location()),
            StepOutcome.NOTHING,
            shared(p, rows),
            Listing.none(),
            nearest(p, rows),
            List.of(),
            List.of(),
            premises(p, rows)));
    return new Walked(rows, AttemptOutcome.MISSING);
  }

  private Walked not(Condition.Pattern p, List<Map<String, Object>> rows, List<Step> steps) {
    List<Map<String, Object>> free = new ArrayList<>();
    TreeMap<String, Memory.Obj> blockers = new TreeMap<>();
    Set<String> unknowns = new LinkedHashSet<>();
    for (Map<String, Object> row : rows) {
      boolean blocked = false;
      for (Memory.Obj o : candidates(p, row)) {
        Tried t = test(p, o, row);
        if (t.failures() == 0) {
          blockers.put(o.id(), o);
          unknowns.addAll(t.unknowns());
          blocked = true;
        }
      }
      if (!blocked) {
        free.add(row);
      }
    }
    if (!unknowns.isEmpty()) {
      unchecked = true;
    }
    boolean all = free.isEmpty();
    steps.add(
        new Step(
            StepKind.NOT,
            "not " + p.text(),
            where(p.location()),
            all ? StepOutcome.BLOCKED : StepOutcome.CLEAR,
            shared(p, rows),
            listing(blockers, memory::grounded),
            Listing.none(),
            List.copyOf(unknowns),
            List.of(),
            List.of()));
    return all ? new Walked(rows, AttemptOutcome.BLOCKED) : new Walked(free, null);
  }

  private Walked or(Condition.Or o, List<Map<String, Object>> rows, List<Step> steps) {
    List<Map<String, Object>> union = new ArrayList<>();
    List<Step> branches = new ArrayList<>();
    AttemptOutcome firstFailure = null;
    boolean any = false;
    for (Condition branch : o.branches()) {
      List<Step> sub = new ArrayList<>();
      Walked w = walk(branch, rows, sub);
      if (w.failed() == null) {
        any = true;
        union.addAll(w.rows());
      } else if (firstFailure == null) {
        firstFailure = w.failed();
      }
      branches.add(
          sub.size() == 1
              ? sub.get(0)
              : new Step(
                  StepKind.ALL,
                  "",
                  null,
                  w.failed() == null ? StepOutcome.MATCHED : StepOutcome.NOTHING,
                  Map.of(),
                  Listing.none(),
                  Listing.none(),
                  List.of(),
                  sub,
                  List.of()));
    }
    steps.add(
        new Step(
            StepKind.OR,
            "or",
            null,
            any ? StepOutcome.MATCHED : StepOutcome.NOTHING,
            Map.of(),
            Listing.none(),
            Listing.none(),
            List.of(),
            branches,
            List.of()));
    return any
        ? new Walked(union.subList(0, Math.min(ROWS, union.size())), null)
        : new Walked(rows, firstFailure);
  }

  /** The candidates worth trying: through an index on an equality with a known value. */
  private List<Memory.Obj> candidates(Condition.Pattern p, Map<String, Object> row) {
    for (Constraint c : p.constraints()) {
      if (c.binding() != null && c.boundField() != null && known(row.get(c.binding()))) {
        return memory.withValue(p.type(), c.boundField(), row.get(c.binding()));
      }
      if (c.binding() == null
          && c.test() instanceof Constraint.Compare cmp
          && cmp.op().equals("==")
          && cmp.left() instanceof Constraint.Field f) {
        Object v = operand(cmp.right(), null, row);
        if (known(v) && !(cmp.right() instanceof Constraint.Field)) {
          return memory.withValue(p.type(), f.name(), v);
        }
      }
    }
    return memory.ofType(p.type());
  }

  private static boolean known(Object v) {
    return v != null && v != Values.UNKNOWN;
  }

  /** Tries one object against a pattern under a row: the extended row, and what failed. */
  private Tried test(Condition.Pattern p, Memory.Obj o, Map<String, Object> row) {
    Map<String, Object> next = new HashMap<>(row);
    int failures = 0;
    Constraint failed = null;
    Set<String> unknowns = new LinkedHashSet<>();
    if (p.variable() != null) {
      Object had = next.putIfAbsent(p.variable(), o.id());
      if (known(had) && !had.equals(o.id())) {
        failures++;
      }
    }
    for (Constraint c : p.constraints()) {
      Boolean ok = Boolean.TRUE;
      if (c.binding() != null) {
        Object v =
            c.boundField() != null && o.has(c.boundField())
                ? o.value(c.boundField())
                : Values.UNKNOWN;
        if (next.containsKey(c.binding())) {
          // Bound before the rule's conditions: by the key the question gives.
          ok = Values.compare(next.get(c.binding()), "==", v);
        } else {
          next.put(c.binding(), v);
        }
      }
      if (c.test() != null) {
        ok = and(ok, eval(c.test(), o, next));
      }
      if (ok == null) {
        unknowns.add(c.text());
      } else if (!ok) {
        failures++;
        failed = c;
      }
    }
    return new Tried(next, failures, failed, unknowns);
  }

  private static Boolean and(Boolean a, Boolean b) {
    if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
      return false;
    }
    return a == null || b == null ? null : Boolean.TRUE;
  }

  private static Boolean eval(Constraint.Test t, Memory.Obj o, Map<String, Object> row) {
    if (t instanceof Constraint.Compare c) {
      return Values.compare(operand(c.left(), o, row), c.op(), operand(c.right(), o, row));
    }
    if (t instanceof Constraint.AnyOf any) {
      Boolean out = Boolean.FALSE;
      for (Constraint.Test x : any.tests()) {
        Boolean r = eval(x, o, row);
        if (Boolean.TRUE.equals(r)) {
          return true;
        }
        out = r == null ? null : out;
      }
      return out;
    }
    if (t instanceof Constraint.AllOf all) {
      Boolean out = Boolean.TRUE;
      for (Constraint.Test x : all.tests()) {
        out = and(out, eval(x, o, row));
      }
      return out;
    }
    return null;
  }

  /** An operand's value; a field of no object (o null) or not declared is unknown. */
  private static Object operand(Constraint.Operand x, Memory.Obj o, Map<String, Object> row) {
    if (x instanceof Constraint.Literal l) {
      return l.value();
    }
    if (x instanceof Constraint.Variable v) {
      return row.containsKey(v.name()) ? row.get(v.name()) : Values.UNKNOWN;
    }
    String field = ((Constraint.Field) x).name();
    return o != null && o.has(field) ? o.value(field) : Values.UNKNOWN;
  }

  /** The first few objects by id, made into items only for those shown. */
  private static Listing<Item> listing(
      TreeMap<String, Memory.Obj> objs, java.util.function.Function<Memory.Obj, Item> item) {
    List<Item> shown = new ArrayList<>();
    for (Memory.Obj o : objs.values()) {
      if (shown.size() == SHOWN) {
        break;
      }
      shown.add(item.apply(o));
    }
    return new Listing<>(shown, objs.size() - shown.size());
  }

  /** A candidate failing one constraint under a row, kept until it is known to be shown. */
  private record Candidate(
      Memory.Obj o, Constraint failed, Map<String, Object> before, Map<String, Object> after) {}

  /**
   * Objects of the pattern's type that fail exactly one of its constraints: the first few by id,
   * and how many more (only the ones shown are kept, however many there are).
   */
  private Listing<Near> nearest(Condition.Pattern p, List<Map<String, Object>> rows) {
    TreeMap<String, Candidate> near = new TreeMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Map<String, Object> row : rows.subList(0, Math.min(NEAR_ROWS, rows.size()))) {
      for (Memory.Obj o : memory.ofType(p.type())) {
        if (seen.contains(o.id())) {
          continue;
        }
        Tried t = test(p, o, row);
        if (t.failures() == 1 && t.failed() != null) {
          seen.add(o.id());
          near.put(o.id(), new Candidate(o, t.failed(), row, t.row()));
          if (near.size() > SHOWN) {
            near.pollLastEntry();
          }
        }
      }
    }
    List<Near> shown = new ArrayList<>();
    near.values().forEach(c -> shown.add(near(c.o(), c.failed(), c.before(), c.after())));
    return new Listing<>(shown, seen.size() - shown.size());
  }

  /** What one failed constraint needed of a candidate. */
  private static Near near(
      Memory.Obj o, Constraint c, Map<String, Object> before, Map<String, Object> after) {
    if (c.binding() != null && before.containsKey(c.binding()) && c.boundField() != null) {
      Object have = o.value(c.boundField());
      if (!Values.equal(before.get(c.binding()), have)) {
        String needed = Values.show(before.get(c.binding()));
        // The test after the binding may fail as well: then both are needed.
        if (c.test() != null && Boolean.FALSE.equals(eval(c.test(), o, after))) {
          needed += ", and " + render(c.test(), after);
        }
        return new Near(o.item(), c.boundField(), have, needed);
      }
    }
    if (c.test() instanceof Constraint.Compare cmp) {
      if (cmp.left() instanceof Constraint.Field f && !(cmp.right() instanceof Constraint.Field)) {
        return new Near(
            o.item(), f.name(), o.value(f.name()), needed(cmp.op(), cmp.right(), after));
      }
      if (cmp.right() instanceof Constraint.Field f && !(cmp.left() instanceof Constraint.Field)) {
        return new Near(
            o.item(), f.name(), o.value(f.name()), needed(flip(cmp.op()), cmp.left(), after));
      }
    }
    String field = firstField(c.test());
    return new Near(
        o.item(), field, field == null ? null : o.value(field), render(c.test(), after));
  }

  private static String needed(String op, Constraint.Operand other, Map<String, Object> row) {
    // Beside the value the candidate has, a literal reads best as the bare value.
    String v = other instanceof Constraint.Literal l ? Values.show(l.value()) : show(other, row);
    return op.equals("==") ? v : op + " " + v;
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case ">" -> "<";
      case "<=" -> ">=";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static String firstField(Constraint.Test t) {
    if (t instanceof Constraint.Compare c) {
      return c.left() instanceof Constraint.Field f
          ? f.name()
          : c.right() instanceof Constraint.Field g ? g.name() : null;
    }
    if (t instanceof Constraint.AnyOf a) {
      return firstField(a.tests().get(0));
    }
    if (t instanceof Constraint.AllOf a) {
      return firstField(a.tests().get(0));
    }
    return null;
  }

  /** A test with the variables' values put in (also for {@link Guards}). */
  static String render(Constraint.Test t, Map<String, Object> row) {
    if (t instanceof Constraint.Compare c) {
      return show(c.left(), row) + " " + c.op() + " " + show(c.right(), row);
    }
    if (t instanceof Constraint.AnyOf a) {
      return String.join(" || ", a.tests().stream().map(x -> render(x, row)).toList());
    }
    if (t instanceof Constraint.AllOf a) {
      return String.join(" && ", a.tests().stream().map(x -> render(x, row)).toList());
    }
    return t == null ? "" : ((Constraint.Opaque) t).text();
  }

  private static String show(Constraint.Operand x, Map<String, Object> row) {
    if (x instanceof Constraint.Field f) {
      return f.name();
    }
    if (x instanceof Constraint.Literal l) {
      return l.value() instanceof String s ? "\"" + s + "\"" : Values.show(l.value());
    }
    String name = ((Constraint.Variable) x).name();
    return row.containsKey(name) && known(row.get(name)) ? Values.show(row.get(name)) : name;
  }

  /** The variables a pattern uses that have one value in every row, with it. */
  private static Map<String, Object> shared(Condition.Pattern p, List<Map<String, Object>> rows) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String v : variables(p)) {
      Set<Object> values = new LinkedHashSet<>();
      for (Map<String, Object> row : rows) {
        values.add(row.containsKey(v) ? Values.key(row.get(v)) : Values.UNKNOWN);
        if (values.size() > 1) {
          break;
        }
      }
      Object only = rows.get(0).get(v);
      if (values.size() == 1 && known(only)) {
        out.put(v, only);
      }
    }
    return out;
  }

  /** The variables a pattern's constraints read (bindings already bound among them). */
  private static Set<String> variables(Condition.Pattern p) {
    Set<String> out = new LinkedHashSet<>();
    for (Constraint c : p.constraints()) {
      if (c.binding() != null) {
        out.add(c.binding());
      }
      collect(c.test(), out);
    }
    return out;
  }

  private static void collect(Constraint.Test t, Set<String> out) {
    if (t instanceof Constraint.Compare c) {
      for (Constraint.Operand x : List.of(c.left(), c.right())) {
        if (x instanceof Constraint.Variable v) {
          out.add(v.name());
        }
      }
    } else if (t instanceof Constraint.AnyOf a) {
      a.tests().forEach(x -> collect(x, out));
    } else if (t instanceof Constraint.AllOf a) {
      a.tests().forEach(x -> collect(x, out));
    }
  }

  /**
   * For a missing pattern of a type rules conclude: why not, for the key values the pattern fixes
   * ({@code *} for the rest), unless something of that type with those values exists (then a
   * non-key constraint failed, and "why not" of the conclusion is not the question).
   */
  private List<WhyNot.Absence> premises(Condition.Pattern p, List<Map<String, Object>> rows) {
    if (depth <= 0 || !analysis.concluded(p.type()) || !analysis.budget()) {
      return List.of();
    }
    DeclaredType type = memory.type(p.type()).orElse(null);
    if (type == null) {
      return List.of();
    }
    Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> key = new LinkedHashMap<>();
      for (DeclaredType.Field f : type.identity()) {
        key.put(f.name(), fixed(p, f.name(), row));
      }
      String id = analysis.idOf(type.name(), key);
      if (!path.contains(id) && !exists(type.name(), key)) {
        keys.putIfAbsent(id, key);
      }
      if (keys.size() >= PREMISES) {
        break;
      }
    }
    List<WhyNot.Absence> out = new ArrayList<>();
    keys.values().forEach(k -> out.add(analysis.absence(type.name(), k, depth - 1, path)));
    return out;
  }

  private boolean exists(String type, Map<String, Object> key) {
    return memory.ofType(type).stream()
        .anyMatch(
            o ->
                key.entrySet().stream()
                    .allMatch(
                        e ->
                            e.getValue() == null
                                || Values.equal(e.getValue(), o.value(e.getKey()))));
  }

  /** The value a pattern fixes for a field under a row (by {@code ==} or a bound binding). */
  private static Object fixed(Condition.Pattern p, String field, Map<String, Object> row) {
    for (Constraint c : p.constraints()) {
      if (c.binding() != null && field.equals(c.boundField()) && known(row.get(c.binding()))) {
        return row.get(c.binding());
      }
      if (c.test() instanceof Constraint.Compare cmp && cmp.op().equals("==")) {
        Constraint.Operand other = null;
        if (cmp.left() instanceof Constraint.Field f && f.name().equals(field)) {
          other = cmp.right();
        } else if (cmp.right() instanceof Constraint.Field f && f.name().equals(field)) {
          other = cmp.left();
        }
        if (other != null && !(other instanceof Constraint.Field)) {
          Object v = operand(other, null, row);
          if (known(v)) {
            return v;
          }
        }
      }
    }
    return null;
  }

  private static String where(Location at) {
    return at == null ? null : at.file() + ":" + at.line();
  }
}
