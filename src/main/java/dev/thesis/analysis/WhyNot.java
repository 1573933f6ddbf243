package dev.thesis.analysis;

import dev.thesis.rules.Insertion;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleShape;
import dev.thesis.rules.Stance;
import dev.thesis.schema.DeclaredType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Why not?": why a conclusion was not derived, and which rules of a thesis that does not stand
 * came nearest to firing. The answer is plain data (these records), worked out on the evaluated
 * working memory (facts in force and derived conclusions), for renderers to print as text or JSON.
 *
 * <p>Each rule that inserts the conclusion's type is walked pattern by pattern, its variables bound
 * to the key values the id gives (through the constructor arguments of the insertion). A pattern
 * that nothing matches lists its nearest candidates: objects of its type that fail exactly one
 * constraint. A {@code not} that something matches names what blocks it. A missing premise of a
 * type that rules conclude is asked "why not?" in turn, to a depth. Constraints in forms the
 * analysis does not read, and accumulate, collect, from, eval and forall, are reported as not
 * checked, never guessed.
 */
public final class WhyNot {
  private WhyNot() {}

  /** What a listed object is. */
  public enum ItemKind {
    FACT,
    CONCLUSION
  }

  /**
   * A fact or conclusion.
   *
   * @param fields the fields shown (a fact's stated fields; a conclusion's fields)
   * @param location a fact's {@code file:line}; for a conclusion, that of the first rule that
   *     derived it
   * @param grounds for a conclusion that blocks a {@code not}: the facts it rests on; else empty
   */
  public record Item(
      String id,
      ItemKind kind,
      String type,
      Map<String, Object> fields,
      String location,
      List<Item> grounds) {
    public Item {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      grounds = List.copyOf(grounds);
    }
  }

  /**
   * A candidate that fails exactly one constraint of a pattern.
   *
   * @param field the field that constraint tests (null when it tests no plain field)
   * @param has the value the candidate has in it
   * @param needed what the constraint needs, with the variables' values put in: {@code openai},
   *     {@code > anthropic}, {@code investor == amazon || investor == google}
   */
  public record Near(Item item, String field, Object has, String needed) {}

  /** Up to a few items, and how many more there are. */
  public record Listing<T>(List<T> items, int omitted) {
    public Listing {
      items = List.copyOf(items);
    }

    static <T> Listing<T> of(List<T> all, int limit) {
      return new Listing<>(
          all.subList(0, Math.min(limit, all.size())), Math.max(0, all.size() - limit));
    }

    static <T> Listing<T> none() {
      return new Listing<>(List.of(), 0);
    }
  }

  /** What a step is. */
  public enum StepKind {
    PATTERN,
    EXISTS,
    NOT,
    OR,
    /** One branch of an {@code or}, when it is several conditions. */
    ALL,
    NOT_CHECKED
  }

  /** How a step came out. */
  public enum StepOutcome {
    /** Something matched (a pattern, an {@code exists}, a branch of an {@code or}). */
    MATCHED,
    /** Nothing matched: the rule cannot fire here. */
    NOTHING,
    /** Something matched a {@code not}: the rule cannot fire here. */
    BLOCKED,
    /** Nothing matched a {@code not}. */
    CLEAR,
    NOT_CHECKED
  }

  /**
   * One condition of a rule, checked.
   *
   * @param text the condition as written (a pattern with its constraints)
   * @param location its {@code file:line}
   * @param bindings the variables it uses that have one value here, and that value
   * @param matches what matched (for a {@code not}: what blocks it)
   * @param nearest when nothing matched: candidates failing exactly one constraint
   * @param unchecked constraints that were not checked (forms not read, or unbound variables)
   * @param parts the branches of an {@code or}, the conditions of an {@code ALL}
   * @param premises when nothing matched a pattern of a type rules conclude: why not, in turn
   */
  public record Step(
      StepKind kind,
      String text,
      String location,
      StepOutcome outcome,
      Map<String, Object> bindings,
      Listing<Item> matches,
      Listing<Near> nearest,
      List<String> unchecked,
      List<Step> parts,
      List<Absence> premises) {
    public Step {
      bindings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
      unchecked = List.copyOf(unchecked);
      parts = List.copyOf(parts);
      premises = List.copyOf(premises);
    }
  }

  /** How a rule's attempt came out. */
  public enum AttemptOutcome {
    /** Its insertion can never make this id (a literal argument differs from the key). */
    CANNOT_CONCLUDE,
    /** A pattern (or an {@code exists}) matched nothing. */
    MISSING,
    /** A {@code not} matched something. */
    BLOCKED,
    /** Every condition checked holds; some were not checked. */
    NOT_CHECKED,
    /** Every condition holds, yet the rule did not conclude this. */
    HOLDS
  }

  /**
   * One rule, walked condition by condition.
   *
   * @param inserts the insertion walked, as written ({@code new RoundTrip( $investor, $lab, "cloud"
   *     )}), or null for a thesis's rule
   * @param note why it cannot conclude this id, or that its walk was cut short; or null
   */
  public record Attempt(
      String rule,
      String location,
      String inserts,
      AttemptOutcome outcome,
      String note,
      List<Step> steps) {
    public Attempt {
      steps = List.copyOf(steps);
    }
  }

  /** Whether anything could derive a conclusion. */
  public enum AbsenceOutcome {
    /** Rules insert its type; none did for these key values. */
    NOT_DERIVED,
    /** No rule inserts its type. */
    NO_RULE
  }

  /**
   * Why a conclusion is not there.
   *
   * @param id the id asked about; for a premise whose key is only partly known, {@code *} stands
   *     for each unknown key value
   * @param key each key field and its value, null when unknown
   * @param rules each rule (and insertion) that inserts its type
   */
  public record Absence(
      String id,
      String type,
      Map<String, Object> key,
      AbsenceOutcome outcome,
      List<Attempt> rules) {
    public Absence {
      key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
      rules = List.copyOf(rules);
    }
  }

  /**
   * The rules arguing for a thesis that does not stand, and those of them that did not fire.
   *
   * @param fired the names of the rules arguing for it that fired
   * @param misses the rules arguing for it that did not fire, each walked
   */
  public record Misses(String thesis, String verdict, List<String> fired, List<Attempt> misses) {
    public Misses {
      fired = List.copyOf(fired);
      misses = List.copyOf(misses);
    }
  }

  /**
   * An id in conclusion form: its type and key values.
   *
   * @param problem why the key values do not fit the type (count, or a value not of its kind), or
   *     null
   */
  public record Target(DeclaredType type, Map<String, Object> key, String problem) {}

  /**
   * Reads an id in conclusion form ({@code round-trip:microsoft:openai:cloud}); empty when its type
   * part names no declared type with {@code @key} fields (conclusion types are keyed; a type
   * without keys is stated, and its facts have ids of their own).
   */
  public static Optional<Target> target(EvaluationResult result, String id) {
    String[] parts = id.split(":", -1);
    for (DeclaredType t : result.rules().schema().types()) {
      if (!dev.thesis.trace.ConclusionIds.kebab(t.name()).equals(parts[0])
          || t.fields().stream().noneMatch(DeclaredType.Field::key)) {
        continue;
      }
      List<DeclaredType.Field> keys = t.identity();
      String usage =
          parts[0]
              + keys.stream()
                  .map(f -> ":" + f.name().toUpperCase(Locale.ROOT))
                  .reduce("", String::concat);
      if (parts.length - 1 != keys.size()) {
        return Optional.of(
            new Target(
                t,
                Map.of(),
                "a "
                    + t.name()
                    + " id has "
                    + keys.size()
                    + " key value(s), not "
                    + (parts.length - 1)
                    + ": "
                    + usage));
      }
      Map<String, Object> key = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        Object v = value(keys.get(i), parts[i + 1]);
        if (v == Values.UNKNOWN) {
          return Optional.of(
              new Target(
                  t,
                  Map.of(),
                  t.name()
                      + "."
                      + keys.get(i).name()
                      + " is a "
                      + keys.get(i).javaType().getSimpleName()
                      + ", not \""
                      + parts[i + 1]
                      + "\": "
                      + usage));
        }
        key.put(keys.get(i).name(), v);
      }
      return Optional.of(new Target(t, key, null));
    }
    return Optional.empty();
  }

  /** A key value as the field's type holds it; {@link Values#UNKNOWN} when it cannot be one. */
  private static Object value(DeclaredType.Field f, String text) {
    if (text.equals("-")) {
      return null;
    }
    Class<?> c = f.javaType();
    try {
      if (c == int.class || c == Integer.class) {
        return Integer.valueOf(text);
      }
      if (c == long.class || c == Long.class) {
        return Long.valueOf(text);
      }
      if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
        return Double.valueOf(text);
      }
      if (c == short.class || c == Short.class) {
        return Short.valueOf(text);
      }
    } catch (NumberFormatException e) {
      return Values.UNKNOWN;
    }
    if (c == boolean.class || c == Boolean.class) {
      return text.equals("true")
          ? Boolean.TRUE
          : text.equals("false") ? Boolean.FALSE : Values.UNKNOWN;
    }
    return text;
  }

  /**
   * Why the conclusion of a well-formed target was not derived, following missing premises {@code
   * depth} levels further.
   */
  public static Absence of(EvaluationResult result, Target target, int depth) {
    return new Analysis(result).absence(target.type().name(), target.key(), depth, new HashSet<>());
  }

  /**
   * The rules that argue for a thesis (with {@code @thesis} and stance supports, or rating it C or
   * CC in its question) and did not fire, each walked with no variable bound beforehand.
   */
  public static Misses misses(EvaluationResult result, ThesisVerdict verdict, int depth) {
    Analysis a = null;
    String id = verdict.thesis().id();
    List<String> fired = new ArrayList<>();
    List<Attempt> misses = new ArrayList<>();
    for (RuleInfo r : result.rules().rules()) {
      if (!arguesFor(r, id)) {
        continue;
      }
      if (result.firings(r) > 0) {
        fired.add(r.name());
        continue;
      }
      Optional<RuleShape> shape =
          result.rules().shapes().stream()
              .filter(s -> s.packageName().equals(r.packageName()) && s.name().equals(r.name()))
              .findFirst();
      if (shape.isPresent()) {
        // Working memory is read only when some rule did not fire.
        a = a == null ? new Analysis(result) : a;
        misses.add(a.attempt(shape.get(), null, Map.of(), depth, new HashSet<>()));
      }
    }
    return new Misses(id, String.valueOf(verdict.verdict()), fired, misses);
  }

  private static boolean arguesFor(RuleInfo r, String thesis) {
    if (thesis.equals(r.thesis()) && r.stance() == Stance.SUPPORTS) {
      return true;
    }
    if (r.rates() == null) {
      return false;
    }
    Rating rating = r.rates().ratings().get(thesis);
    return rating == Rating.C || rating == Rating.CC;
  }

  /** A fact --as-of leaves out, and its date. */
  public record Dated(String id, String date, String location) {}

  /**
   * A fact or conclusion that exists without {@code --as-of} but not with it.
   *
   * @param cutoff the {@code --as-of} date
   * @param facts the fact itself, or the facts left out that the conclusion rests on
   */
  public record LeftOut(String id, ItemKind kind, String cutoff, List<Dated> facts) {
    public LeftOut {
      facts = List.copyOf(facts);
    }
  }

  /**
   * Whether {@code --as-of} left this id out: a fact dated after it, or a conclusion that the
   * evaluation of every fact ({@code all}, or null when there is none) derived.
   */
  public static Optional<LeftOut> leftOut(
      EvaluationResult asOf, EvaluationResult all, String id, java.time.LocalDate date) {
    if (asOf.fact(id).isPresent() || asOf.conclusion(id).isPresent()) {
      return Optional.empty();
    }
    Optional<dev.thesis.facts.FactRecord> fact =
        asOf.corpus().facts().stream().filter(f -> f.id().equals(id)).findFirst();
    if (fact.isPresent()) {
      return Optional.of(
          new LeftOut(id, ItemKind.FACT, date.toString(), List.of(dated(asOf, fact.get()))));
    }
    if (all == null || all.conclusion(id).isEmpty()) {
      return Optional.empty();
    }
    List<Dated> facts = new ArrayList<>();
    for (String f : all.factsUnder(id)) {
      if (asOf.fact(f).isEmpty()) {
        all.fact(f).ifPresent(b -> facts.add(dated(asOf, b.record())));
      }
    }
    return Optional.of(new LeftOut(id, ItemKind.CONCLUSION, date.toString(), facts));
  }

  private static Dated dated(EvaluationResult r, dev.thesis.facts.FactRecord f) {
    String date = f.date();
    if (date == null) {
      date = r.corpus().source(f.source()).map(dev.thesis.facts.Source::date).orElse(null);
    }
    return new Dated(f.id(), date, f.location().file() + ":" + f.location().line());
  }

  /** The analysis of one evaluation: working memory read once, rules found by inserted type. */
  static final class Analysis {
    private final Memory memory;
    private final List<RuleShape> shapes;

    /** Why-nots asked at most in one answer: premises branch, and --depth may be large. */
    private static final int ABSENCES = 100;

    private int absences;

    Analysis(EvaluationResult result) {
      this.memory = new Memory(result);
      this.shapes = result.rules().shapes();
    }

    Memory memory() {
      return memory;
    }

    /** Whether some rule inserts this type (so a missing object of it can be asked about). */
    boolean concluded(String type) {
      return shapes.stream()
          .anyMatch(s -> s.insertions().stream().anyMatch(i -> i.simpleType().equals(type)));
    }

    /** Whether another premise may be asked about (and counts it). */
    boolean budget() {
      return absences < ABSENCES;
    }

    Absence absence(String type, Map<String, Object> key, int depth, Set<String> path) {
      absences++;
      String id = idOf(type, key);
      List<Attempt> attempts = new ArrayList<>();
      path.add(id);
      for (RuleShape s : shapes) {
        for (Insertion ins : s.insertions()) {
          if (ins.simpleType().equals(type)) {
            attempts.add(attempt(s, ins, key, depth, path));
          }
        }
      }
      path.remove(id);
      return new Absence(
          id,
          type,
          key,
          attempts.isEmpty() ? AbsenceOutcome.NO_RULE : AbsenceOutcome.NOT_DERIVED,
          attempts);
    }

    /** The id of a type and key, {@code *} for each unknown key value. */
    String idOf(String type, Map<String, Object> key) {
      StringBuilder sb = new StringBuilder(dev.thesis.trace.ConclusionIds.kebab(type));
      key.values().forEach(v -> sb.append(':').append(v == null ? "*" : Values.show(v)));
      return sb.toString();
    }

    Attempt attempt(
        RuleShape s, Insertion ins, Map<String, Object> key, int depth, Set<String> path) {
      String at = s.location().file() + ":" + s.location().line();
      Map<String, Object> bound = new LinkedHashMap<>();
      String cannot = ins == null ? null : bind(ins, key, bound);
      if (cannot != null) {
        return new Attempt(
            s.name(), at, ins.text(), AttemptOutcome.CANNOT_CONCLUDE, cannot, List.of());
      }
      RuleWalk walk = new RuleWalk(this, depth, path);
      List<Step> steps = walk.run(s.conditions(), bound);
      return new Attempt(
          s.name(), at, ins == null ? null : ins.text(), walk.outcome(), walk.note(), steps);
    }

    /**
     * Binds the insertion's variable arguments to the key values of their fields; the reason it
     * cannot make this key, or null.
     */
    private String bind(Insertion ins, Map<String, Object> key, Map<String, Object> bound) {
      DeclaredType t = memory.type(ins.type()).orElse(null);
      if (t == null) {
        return null;
      }
      // new T(a, b) may be the @key constructor: its arguments are the key fields, in order.
      List<DeclaredType.Field> fields = t.constructorFields(ins.arguments().size());
      if (fields == null) {
        fields = t.fields();
      }
      for (int i = 0; i < ins.arguments().size() && i < fields.size(); i++) {
        String field = fields.get(i).name();
        if (!key.containsKey(field) || key.get(field) == null) {
          continue;
        }
        Object want = key.get(field);
        String arg = ins.arguments().get(i);
        if (arg.matches("\\$[\\w$]*")) {
          Object had = bound.putIfAbsent(arg, want);
          if (had != null && !Values.equal(had, want)) {
            return "it puts "
                + arg
                + " in two key fields, and the id has two values there ("
                + Values.show(had)
                + ", "
                + Values.show(want)
                + ")";
          }
          continue;
        }
        dev.thesis.rules.Constraint c = dev.thesis.rules.Constraint.parse("x == " + arg);
        if (c.test() instanceof dev.thesis.rules.Constraint.Compare cmp
            && cmp.right() instanceof dev.thesis.rules.Constraint.Literal lit
            && !Values.equal(lit.value(), want)) {
          return "it inserts "
              + field
              + " = "
              + Values.show(lit.value())
              + "; the id has "
              + Values.show(want);
        }
      }
      return null;
    }
  }
}
