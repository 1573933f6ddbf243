package dev.thesis.lint;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import dev.thesis.diag.Severity;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.facts.LocatedValue;
import dev.thesis.facts.Question;
import dev.thesis.facts.Source;
import dev.thesis.facts.Thesis;
import dev.thesis.rules.PatternRef;
import dev.thesis.rules.RuleBook;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleShape;
import dev.thesis.schema.DeclaredType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mistakes analysts make that still compile and load: references to nothing, types and rules
 * that can never take part, theses nobody argues. Each finding has a stable code (see {@link
 * Codes}).
 */
public final class Linter {
  private final RuleBook rules;
  private final Corpus corpus;
  private final List<BoundFact> facts;
  private final List<Diagnostic> out = new ArrayList<>();

  /** The facts, gathered in one pass by {@link #references()}, which runs first. */
  private FactScan scan;

  private Linter(RuleBook rules, Corpus corpus, List<BoundFact> facts) {
    this.rules = rules;
    this.corpus = corpus;
    this.facts = facts;
  }

  public static List<Diagnostic> lint(RuleBook rules, Corpus corpus, List<BoundFact> facts) {
    Linter l = new Linter(rules, corpus, facts);
    l.references();
    l.typesAndRules();
    l.theses();
    l.questions();
    l.sources();
    l.conclusions();
    l.graphMetadata();
    l.literals();
    l.out.addAll(CrossProduct.find(rules.schema(), rules.shapes()));
    List<Diagnostic> sorted = new ArrayList<>(l.out);
    sorted.sort(
        java.util.Comparator.comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
    return List.copyOf(sorted);
  }

  private void report(Severity severity, Location at, String code, String message) {
    out.add(new Diagnostic(severity, at, message, code));
  }

  /**
   * unknown-ref: a field marked {@code @ref("Type")} whose value is no key of a fact of Type (or of
   * a type extending it); bad-ref: a {@code @ref} naming no declared type, or one without a single
   * key.
   */
  private void references() {
    Set<String> badRefs = new HashSet<>();
    for (DeclaredType t : rules.schema().types()) {
      for (DeclaredType.Field field : t.fields()) {
        if (field.ref() == null) {
          continue;
        }
        var target = rules.schema().type(field.ref());
        String problem =
            target.isEmpty()
                ? "names no declared type"
                : target.get().fields().stream().filter(DeclaredType.Field::key).count() != 1
                    ? "names "
                        + field.ref()
                        + ", which needs exactly one @key field to be referred to"
                    : null;
        if (problem != null) {
          badRefs.add(t.name() + "." + field.name());
          report(
              Severity.ERROR,
              t.location(),
              Codes.BAD_REF,
              t.name() + "." + field.name() + " @ref(\"" + field.ref() + "\") " + problem);
        }
      }
    }
    scan =
        FactScan.of(rules.schema(), facts, badRefs, literalsChecked() ? literalFields() : Set.of());
    for (FactScan.Ref ref : scan.unknownRefs()) {
      DeclaredType.Field field = ref.field();
      BoundFact f = ref.fact();
      LocatedValue at = f.record().fields().get(field.name());
      report(
          Severity.ERROR,
          at == null ? f.record().location() : at.location(),
          Codes.UNKNOWN_REF,
          "fact \""
              + f.record().id()
              + "\": "
              + field.name()
              + " \""
              + ref.value()
              + "\" is no "
              + field.ref()
              + " (no "
              + field.ref()
              + " fact has that key)");
    }
  }

  /**
   * unused-type and never-fires. A type can exist if a fact states it (or a subtype), a function
   * creates it, or a rule that can fire creates it: computed as a fixed point, so a rule matching
   * only what another rule that can never fire would create is found too.
   */
  private void typesAndRules() {
    Set<String> producible = new HashSet<>(scan.produced());
    rules.functionCreates().forEach(t -> producible.addAll(rules.schema().lineage(t)));
    Set<String> declared = new HashSet<>();
    rules.schema().types().forEach(t -> declared.add(t.name()));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (RuleShape r : rules.shapes()) {
        if (blocking(r, declared, producible) == null) {
          for (String t : r.creates()) {
            grew |= producible.addAll(rules.schema().lineage(t));
          }
        }
      }
    }
    Set<String> used = new HashSet<>(producible);
    for (RuleShape r : rules.shapes()) {
      r.patterns().forEach(p -> used.add(p.type()));
      used.addAll(r.creates());
    }
    for (DeclaredType t : rules.schema().types()) {
      for (DeclaredType.Field f : t.fields()) {
        rules.schema().typeOfClass(f.javaType()).ifPresent(ft -> used.add(ft.name()));
      }
    }
    for (DeclaredType t : rules.schema().types()) {
      boolean extended =
          rules.schema().types().stream()
              .anyMatch(o -> t.name().equals(o.superType()) && used.contains(o.name()));
      if (!used.contains(t.name()) && !extended) {
        report(
            Severity.WARNING,
            t.location(),
            Codes.UNUSED_TYPE,
            "type "
                + t.name()
                + " is declared but no fact states it and no rule matches or creates it");
      }
    }
    for (RuleShape r : rules.shapes()) {
      PatternRef p = blocking(r, declared, producible);
      if (p != null) {
        report(
            Severity.WARNING,
            p.location(),
            Codes.NEVER_FIRES,
            "rule \""
                + r.name()
                + "\" can never fire: no fact"
                + " states a "
                + p.type()
                + " and no rule that can fire creates one");
      }
    }
  }

  /** The first pattern the rule needs that nothing can produce, or null. */
  private static PatternRef blocking(RuleShape r, Set<String> declared, Set<String> producible) {
    for (PatternRef p : r.patterns()) {
      if (p.required() && declared.contains(p.type()) && !producible.contains(p.type())) {
        return p;
      }
    }
    return null;
  }

  /**
   * unknown-thesis, unargued-thesis. (Rivalry named on one side only is no finding: weighing,
   * tensions and reports take it as symmetric, so one side is enough.)
   */
  private void theses() {
    Set<String> ids = new HashSet<>();
    corpus.theses().forEach(t -> ids.add(t.id()));
    Set<String> argued = new HashSet<>();
    for (RuleInfo r : rules.rules()) {
      if (r.ratesQuestion()) {
        corpus.question(r.rates().question()).ifPresent(q -> q.hypotheses().forEach(argued::add));
      }
      if (!r.argues()) {
        continue;
      }
      argued.add(r.thesis());
      if (!ids.contains(r.thesis())) {
        // An error: the rule's arguments would count for nothing, and nothing else would say so.
        report(
            Severity.ERROR,
            r.thesisAt(),
            Codes.UNKNOWN_THESIS,
            "rule \""
                + r.name()
                + "\" argues thesis \""
                + r.thesis()
                + "\", which no fact file defines"
                + Suggest.among(r.thesis(), ids, "theses"));
      }
    }
    for (Thesis t : corpus.theses()) {
      if (!argued.contains(t.id())) {
        report(
            Severity.WARNING,
            t.location(),
            Codes.UNARGUED_THESIS,
            corpus.questionOf(t.id()).isPresent()
                ? "thesis \""
                    + t.id()
                    + "\" is rated by no rule of question \""
                    + corpus.questionOf(t.id()).get().id()
                    + "\""
                : "thesis \""
                    + t.id()
                    + "\" is argued by no rule (no rule has @thesis(\""
                    + t.id()
                    + "\"))");
      }
    }
  }

  /**
   * unknown-question and not-a-hypothesis (errors: the rule's evidence could not be weighed), and
   * unrated-hypothesis (a warning: a hypothesis left unrated counts as N, which may not be meant).
   */
  private void questions() {
    Map<String, Question> questionOf = new HashMap<>();
    corpus.questions().forEach(q -> q.hypotheses().forEach(h -> questionOf.putIfAbsent(h, q)));
    for (RuleInfo r : rules.rules()) {
      Question q;
      Set<String> rated;
      Location at;
      if (r.ratesQuestion()) {
        at = r.rates().questionAt();
        q = corpus.question(r.rates().question()).orElse(null);
        if (q == null) {
          report(
              Severity.ERROR,
              at,
              Codes.UNKNOWN_QUESTION,
              "rule \""
                  + r.name()
                  + "\" rates question \""
                  + r.rates().question()
                  + "\", which no fact file defines"
                  + Suggest.among(
                      r.rates().question(),
                      corpus.questions().stream().map(Question::id).toList(),
                      "questions"));
          continue;
        }
        boolean ok = true;
        for (var e : r.rates().ratedAt().entrySet()) {
          String h = e.getKey();
          if (!q.hypotheses().contains(h) && !(h.equals(Question.OTHER) && !q.closed())) {
            ok = false;
            report(
                Severity.ERROR,
                e.getValue(),
                Codes.NOT_A_HYPOTHESIS,
                "rule \""
                    + r.name()
                    + "\" rates \""
                    + h
                    + "\", which is not a hypothesis of question \""
                    + q.id()
                    + "\" ("
                    + String.join(", ", q.weighed())
                    + ")"
                    + Suggest.nearest(h, q.weighed()));
          }
        }
        if (!ok) {
          continue;
        }
        rated = r.rates().ratings().keySet();
      } else if (r.argues() && questionOf.containsKey(r.thesis())) {
        q = questionOf.get(r.thesis());
        rated = Set.of(r.thesis());
        at = r.location();
      } else {
        continue;
      }
      List<String> unrated = q.hypotheses().stream().filter(h -> !rated.contains(h)).toList();
      if (!unrated.isEmpty()) {
        report(
            Severity.WARNING,
            at,
            Codes.UNRATED_HYPOTHESIS,
            "rule \""
                + r.name()
                + "\" leaves "
                + String.join(", ", unrated)
                + " of question \""
                + q.id()
                + "\" unrated: each counts as N (neutral); rate "
                + (unrated.size() == 1 ? "it" : "them")
                + " in @rates, N included, to say so");
      }
    }
  }

  /**
   * unkeyed-conclusion, undeclared-conclusion, not-logical: what a rule concludes must be a
   * declared type with {@code @key} fields (so equal conclusions merge and ids are stable),
   * inserted logically (so it is truth-maintained and traced).
   */
  private void conclusions() {
    for (RuleShape r : rules.shapes()) {
      for (String type : new TreeSet<>(r.concludes())) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        var declared = rules.schema().type(simple);
        if (declared.isEmpty()) {
          report(
              Severity.ERROR,
              r.location(),
              Codes.UNDECLARED_CONCLUSION,
              "rule \""
                  + r.name()
                  + "\" concludes a "
                  + type
                  + ", which no rule file declares; declare it (with @key fields) to trace it");
        } else if (declared.get().fields().stream().noneMatch(DeclaredType.Field::key)) {
          report(
              Severity.ERROR,
              r.location(),
              Codes.UNKEYED_CONCLUSION,
              "rule \""
                  + r.name()
                  + "\" concludes a "
                  + simple
                  + ", which has no @key field: equal conclusions would not merge; mark its fields @key");
        }
      }
      if (r.statesFacts()) {
        report(
            Severity.WARNING,
            r.location(),
            Codes.NOT_LOGICAL,
            "rule \""
                + r.name()
                + "\" calls insert(): what it"
                + " inserts is not truth-maintained, traced or counted as an argument; use insertLogical()");
      }
    }
  }

  /**
   * bad-graph: @entity / @edge naming fields the type does not declare, an entity without one key,
   * or a malformed declared colour.
   */
  private void graphMetadata() {
    for (DeclaredType t : rules.schema().types()) {
      dev.thesis.schema.GraphRole g = t.graphRole();
      if (g == null) {
        continue;
      }
      for (String problem : g.colourProblems(t.name())) {
        report(Severity.ERROR, t.location(), Codes.BAD_GRAPH, t.name() + ": " + problem);
      }
      List<String> named = new ArrayList<>();
      if (g.entity()) {
        if (g.kind() != null) {
          named.add(g.kind());
        }
        if (g.label() != null) {
          named.add(g.label());
        }
        if (t.identity().size() != 1) {
          report(
              Severity.ERROR,
              t.location(),
              Codes.BAD_GRAPH,
              "@entity "
                  + t.name()
                  + " needs exactly one @key field: arrows name an entity by that one value");
        }
      } else {
        if (g.from() == null || g.to() == null) {
          report(
              Severity.ERROR,
              t.location(),
              Codes.BAD_GRAPH,
              "@edge on " + t.name() + " needs from and to");
          continue;
        }
        named.add(g.from());
        named.add(g.to());
      }
      for (String f : named) {
        if (t.field(f).isEmpty()) {
          report(
              Severity.ERROR,
              t.location(),
              Codes.BAD_GRAPH,
              (g.entity() ? "@entity" : "@edge")
                  + " on "
                  + t.name()
                  + " names field \""
                  + f
                  + "\", which "
                  + t.name()
                  + " does not declare");
        }
      }
    }
  }

  /**
   * unknown-literal: a string a rule compares with a field that no fact of the type holds there and
   * no rule can conclude there. Conservative: a field some rule or function may fill with anything
   * but a literal (a variable, an expression, a setter, {@code modify}) is not checked, and neither
   * is a field marked {@code @values} (the rules are checked against those when they are built).
   */
  private void literals() {
    if (!literalsChecked()) {
      return;
    }
    FieldValues known = FieldValues.of(rules, scan);
    for (RuleShape r : rules.shapes()) {
      for (PatternRef p : r.patterns()) {
        DeclaredType t = rules.schema().type(p.simpleType()).orElse(null);
        for (PatternRef.Literal l : p.literals()) {
          DeclaredType.Field f = t == null ? null : t.field(l.field()).orElse(null);
          if (f == null || f.javaType() != String.class || f.restricted()) {
            continue;
          }
          java.util.Optional<Set<String>> values = known.of(t.name(), f.name());
          if (values.isEmpty() || values.get().contains(l.value())) {
            continue;
          }
          report(
              Severity.WARNING,
              l.location(),
              Codes.UNKNOWN_LITERAL,
              "rule \""
                  + r.name()
                  + "\": no "
                  + t.name()
                  + " has "
                  + f.name()
                  + " \""
                  + l.value()
                  + "\""
                  + (values.get().isEmpty()
                      ? " (none states a " + f.name() + ")"
                      : " (" + f.name() + ": " + Suggest.capped(values.get()) + ")")
                  + Suggest.nearest(l.value(), values.get()));
        }
      }
    }
  }

  /** The "Type.field"s that {@link #literals()} asks the values of. */
  private Set<String> literalFields() {
    Set<String> out = new HashSet<>();
    for (RuleShape r : rules.shapes()) {
      for (PatternRef p : r.patterns()) {
        DeclaredType t = rules.schema().type(p.simpleType()).orElse(null);
        for (PatternRef.Literal l : p.literals()) {
          DeclaredType.Field f = t == null ? null : t.field(l.field()).orElse(null);
          if (f != null && f.javaType() == String.class && !f.restricted()) {
            out.add(t.name() + "." + f.name());
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether {@link #literals()} checks anything: not when a consequence may put any value anywhere.
   */
  private boolean literalsChecked() {
    return rules.shapes().stream()
        .noneMatch(r -> r.changesValues() || (!r.onlyConcludes() && !r.statesFacts()));
  }

  /** uncited-source: a source that no fact and no thesis cites. */
  private void sources() {
    Set<String> cited = new HashSet<>(scan.cited());
    // Facts of one source come together and share its id's String: added once.
    String source = null;
    for (dev.thesis.facts.FactRecord f : corpus.facts()) {
      if (f.source() != source) {
        source = f.source();
        cited.add(source);
      }
    }
    corpus.theses().forEach(t -> cited.add(t.source()));
    for (Source s : corpus.sources()) {
      if (!cited.contains(s.id())) {
        report(
            Severity.WARNING,
            s.location(),
            Codes.UNCITED_SOURCE,
            "source \"" + s.id() + "\" is cited by no fact and no thesis");
      }
    }
  }
}
