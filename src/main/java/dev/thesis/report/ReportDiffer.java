package dev.thesis.report;

import dev.thesis.report.ReportDiff.Change;
import dev.thesis.report.ReportDiff.PosteriorMove;
import dev.thesis.report.ReportDiff.QuestionMove;
import dev.thesis.report.ReportDiff.ThesisMove;
import dev.thesis.report.json.ConclusionEntry;
import dev.thesis.report.json.FactEntry;
import dev.thesis.report.json.QuestionEntry;
import dev.thesis.report.json.Report;
import dev.thesis.report.json.RuleEntry;
import dev.thesis.report.json.ThesisEntry;
import dev.thesis.trace.Derivations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two reports compared by meaning, not by text: theses whose verdict or scores moved, questions
 * whose verdict, leader or posteriors moved, conclusions gained or lost, conclusions still there
 * that now rest on other facts, and, for each, the fact or rule edits that explain it where the
 * reports show them.
 */
final class ReportDiffer {
  private ReportDiffer() {}

  static ReportDiff between(Report before, Report after) {
    Index a = new Index(before);
    Index b = new Index(after);
    Set<String> factsRemoved = minus(a.facts.keySet(), b.facts.keySet());
    Set<String> factsAdded = minus(b.facts.keySet(), a.facts.keySet());
    Set<String> factsChanged = new TreeSet<>();
    for (String id : a.facts.keySet()) {
      if (b.facts.containsKey(id) && !same(a.facts.get(id), b.facts.get(id))) {
        factsChanged.add(id);
      }
    }
    Set<String> rulesRemoved = minus(a.rules.keySet(), b.rules.keySet());
    Set<String> rulesAdded = minus(b.rules.keySet(), a.rules.keySet());
    List<Change> lost = new ArrayList<>();
    for (String id : minus(a.conclusions.keySet(), b.conclusions.keySet())) {
      lost.add(new Change(id, a.because(id, factsRemoved, factsChanged, rulesRemoved, "removed")));
    }
    List<Change> gained = new ArrayList<>();
    for (String id : minus(b.conclusions.keySet(), a.conclusions.keySet())) {
      gained.add(new Change(id, b.because(id, factsAdded, factsChanged, rulesAdded, "added")));
    }
    List<Change> reexplained = new ArrayList<>();
    for (String id : a.conclusions.keySet()) {
      if (b.conclusions.containsKey(id) && !a.justifications(id).equals(b.justifications(id))) {
        Set<String> why =
            new LinkedHashSet<>(a.because(id, factsRemoved, factsChanged, rulesRemoved, "removed"));
        why.addAll(b.because(id, factsAdded, factsChanged, rulesAdded, "added"));
        reexplained.add(new Change(id, List.copyOf(why)));
      }
    }
    // A rule is changed by an edit of what it says, not by how often it fired or where a line
    // above it moved it to.
    Set<String> rulesChanged = new TreeSet<>();
    List<ReportDiff.Edited> ruleEdits = new ArrayList<>();
    for (String name : a.rules.keySet()) {
      if (b.rules.containsKey(name)) {
        List<ReportDiff.FieldChange> c = ruleChanges(a.rules.get(name), b.rules.get(name));
        if (!c.isEmpty()) {
          rulesChanged.add(name);
          ruleEdits.add(new ReportDiff.Edited(name, c));
        }
      }
    }
    List<ReportDiff.Edited> factEdits = new ArrayList<>();
    for (String id : factsChanged) {
      factEdits.add(new ReportDiff.Edited(id, factChanges(a.facts.get(id), b.facts.get(id))));
    }
    Edits edits =
        new Edits(
            thresholdsMoved(before.thresholds(), after.thresholds()),
            factsRemoved,
            factsAdded,
            factsChanged,
            union(rulesRemoved, rulesChanged),
            union(rulesAdded, rulesChanged),
            rulesChanged);
    return new ReportDiff(
        inputs(before, after),
        theses(a, b, edits),
        questions(a, b, edits),
        lost,
        gained,
        reexplained,
        List.copyOf(factsRemoved),
        List.copyOf(factsAdded),
        factEdits,
        List.copyOf(rulesRemoved),
        List.copyOf(rulesAdded),
        ruleEdits);
  }

  /** What differs between two states of one fact: type, each field, source, confidence, date. */
  private static List<ReportDiff.FieldChange> factChanges(FactEntry x, FactEntry y) {
    List<ReportDiff.FieldChange> out = new ArrayList<>();
    change(out, "type", x.type(), y.type());
    Map<String, com.fasterxml.jackson.databind.JsonNode> fx =
        x.fields() == null ? Map.of() : x.fields();
    Map<String, com.fasterxml.jackson.databind.JsonNode> fy =
        y.fields() == null ? Map.of() : y.fields();
    for (String f : union(fx.keySet(), fy.keySet())) {
      change(out, f, text(fx.get(f)), text(fy.get(f)));
    }
    change(out, "source", x.source(), y.source());
    change(out, "confidence", number(x.confidence()), number(y.confidence()));
    change(out, "date", x.date(), y.date());
    return out;
  }

  /** What differs between two states of one rule, as an author edits it. */
  private static List<ReportDiff.FieldChange> ruleChanges(RuleMeta x, RuleMeta y) {
    List<ReportDiff.FieldChange> out = new ArrayList<>();
    change(out, "strength", number(x.strength()), number(y.strength()));
    change(out, "thesis", x.thesis(), y.thesis());
    change(out, "stance", x.stance(), y.stance());
    change(out, "question", x.question(), y.question());
    change(
        out,
        "rates",
        x.rates() == null ? null : new TreeMap<>(x.rates()).toString(),
        y.rates() == null ? null : new TreeMap<>(y.rates()).toString());
    if (x.body() != null && y.body() != null) {
      // A report from before bodies were recorded cannot tell; that is not a change.
      change(out, "body", x.body(), y.body());
    }
    return out;
  }

  private static void change(
      List<ReportDiff.FieldChange> out, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(new ReportDiff.FieldChange(field, before, after));
    }
  }

  /** A field's value as the fact file wrote it: strings bare, the rest as JSON. */
  private static String text(com.fasterxml.jackson.databind.JsonNode v) {
    return v == null ? null : v.isTextual() ? v.asText() : v.toString();
  }

  /** A number as short as it reads: 0.9, not 0.9000. */
  private static String number(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * The fact and rule edits between the reports, as the causes of a thesis move are sought among
   * them.
   */
  private record Edits(
      boolean thresholds,
      Set<String> factsRemoved,
      Set<String> factsAdded,
      Set<String> factsChanged,
      Set<String> rulesGone,
      Set<String> rulesCome,
      Set<String> rulesChanged) {}

  private static List<String> inputs(Report before, Report after) {
    if (before.inputs() == null || after.inputs() == null) {
      return List.of("(a report records no inputs: written before reports listed them)");
    }
    Map<String, String> x = inputsByName(before);
    Map<String, String> y = inputsByName(after);
    List<String> out = new ArrayList<>();
    for (String f : union(x.keySet(), y.keySet())) {
      if (!x.containsKey(f)) {
        out.add(f + " added");
      } else if (!y.containsKey(f)) {
        out.add(f + " removed");
      } else if (!Objects.equals(x.get(f), y.get(f))) {
        out.add(f + " changed");
      }
    }
    return out;
  }

  private static Map<String, String> inputsByName(Report r) {
    Map<String, String> out = new TreeMap<>();
    r.inputs().forEach(i -> out.put(i.kind() + " " + i.name(), i.sha256()));
    return out;
  }

  /**
   * Theses whose verdict or scores differ, each with the edits under its arguments in either
   * report.
   */
  private static List<ThesisMove> theses(Index a, Index b, Edits edits) {
    List<ThesisMove> out = new ArrayList<>();
    for (String id : union(a.theses.keySet(), b.theses.keySet())) {
      ThesisEntry x = a.theses.get(id);
      ThesisEntry y = b.theses.get(id);
      String vx = x == null ? "ABSENT" : x.verdict();
      String vy = y == null ? "ABSENT" : y.verdict();
      double sx = x == null ? 0 : x.support();
      double sy = y == null ? 0 : y.support();
      double ox = x == null ? 0 : x.opposition();
      double oy = y == null ? 0 : y.opposition();
      Double px = x == null ? null : x.posterior();
      Double py = y == null ? null : y.posterior();
      // A hypothesis is weighed by its posterior; its noisy-OR sums decide nothing.
      boolean moved =
          px != null || py != null ? !java.util.Objects.equals(px, py) : sx != sy || ox != oy;
      if (!vx.equals(vy) || moved) {
        out.add(new ThesisMove(id, vx, vy, sx, sy, ox, oy, px, py, causes(id, a, b, edits)));
      }
    }
    return out;
  }

  /**
   * Questions whose verdict, leader or any posterior differs (the reports round them alike), each
   * with the edits under its evidence in either report.
   */
  private static List<QuestionMove> questions(Index a, Index b, Edits edits) {
    List<QuestionMove> out = new ArrayList<>();
    for (String id : union(a.questions.keySet(), b.questions.keySet())) {
      QuestionEntry x = a.questions.get(id);
      QuestionEntry y = b.questions.get(id);
      String vx = x == null ? "ABSENT" : x.verdict();
      String vy = y == null ? "ABSENT" : y.verdict();
      String lx = x == null ? null : x.leader();
      String ly = y == null ? null : y.leader();
      Map<String, Double> px = posteriors(x);
      Map<String, Double> py = posteriors(y);
      List<PosteriorMove> moved = new ArrayList<>();
      Set<String> hypotheses = new LinkedHashSet<>(py.keySet());
      hypotheses.addAll(px.keySet());
      for (String h : hypotheses) {
        if (!Objects.equals(px.get(h), py.get(h))) {
          moved.add(new PosteriorMove(h, px.get(h), py.get(h)));
        }
      }
      if (!vx.equals(vy) || !Objects.equals(lx, ly) || !moved.isEmpty()) {
        out.add(
            new QuestionMove(
                id, vx, vy, lx, ly, moved, causes(a.evidence(id), b.evidence(id), a, b, edits)));
      }
    }
    return out;
  }

  /** Each weighed hypothesis's posterior, "other" last when the question has it. */
  private static Map<String, Double> posteriors(QuestionEntry q) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (q == null) {
      return out;
    }
    Index.orEmpty(q.hypotheses()).forEach(h -> out.put(h.id(), h.posterior()));
    if (q.other() != null) {
      out.put("other", q.other());
    }
    return out;
  }

  /**
   * Whether what a verdict needs moved. Odds a report written before questions does not record do
   * not count as a move.
   */
  private static boolean thresholdsMoved(Report.Thresholds x, Report.Thresholds y) {
    if (x == null || y == null) {
      return x != y;
    }
    return Double.compare(x.support(), y.support()) != 0
        || Double.compare(x.opposition(), y.opposition()) != 0
        || x.odds() != null && y.odds() != null && Double.compare(x.odds(), y.odds()) != 0;
  }

  private static List<String> causes(String thesis, Index a, Index b, Edits edits) {
    return causes(a.arguments(thesis), b.arguments(thesis), a, b, edits);
  }

  /** The edits under these conclusions: {@code before}'s in report a, {@code after}'s in b. */
  private static List<String> causes(
      List<String> before, List<String> after, Index a, Index b, Edits edits) {
    Set<String> why = new LinkedHashSet<>();
    if (edits.thresholds()) {
      why.add("thresholds changed");
    }
    for (String c : before) {
      why.addAll(
          a.because(c, edits.factsRemoved(), edits.factsChanged(), edits.rulesGone(), "removed"));
    }
    for (String c : after) {
      why.addAll(
          b.because(c, edits.factsAdded(), edits.factsChanged(), edits.rulesCome(), "added"));
    }
    // A rule in both reports whose thesis, stance, strength, question or ratings moved is
    // "changed", not removed and added.
    return why.stream()
        .map(
            w ->
                edits.rulesChanged().stream()
                        .anyMatch(
                            r ->
                                w.equals("rule \"" + r + "\" removed")
                                    || w.equals("rule \"" + r + "\" added"))
                    ? w.replaceAll(" (removed|added)$", " changed")
                    : w)
        .distinct()
        .toList();
  }

  /** Whether a fact says the same in both reports; where it is written does not count. */
  private static boolean same(FactEntry x, FactEntry y) {
    return Objects.equals(x.type(), y.type())
        && Objects.equals(x.fields(), y.fields())
        && Objects.equals(x.source(), y.source())
        && Double.compare(x.confidence(), y.confidence()) == 0
        && Objects.equals(x.date(), y.date());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  /**
   * What a rule says, as far as a diff is concerned: not where it is, nor how often it fired. A
   * change in it moves theses without adding or removing the rule.
   */
  private record RuleMeta(
      String thesis,
      String stance,
      double strength,
      String question,
      java.util.Map<String, String> rates,
      String body) {}

  /** One report, indexed by id (the last entry wins where ids repeat). */
  private static final class Index {
    final Map<String, ThesisEntry> theses = new TreeMap<>();
    final Map<String, QuestionEntry> questions = new TreeMap<>();
    final Map<String, ConclusionEntry> conclusions = new TreeMap<>();
    final Map<String, FactEntry> facts = new TreeMap<>();
    final Map<String, RuleMeta> rules = new TreeMap<>();

    Index(Report r) {
      r.theses().forEach(t -> theses.put(t.id(), t));
      orEmpty(r.questions()).forEach(q -> questions.put(q.id(), q));
      r.conclusions().forEach(c -> conclusions.put(c.id(), c));
      r.facts().forEach(f -> facts.put(f.id(), f));
      for (RuleEntry rule : r.rules()) {
        rules.put(
            rule.name(),
            new RuleMeta(
                rule.thesis(),
                rule.stance(),
                rule.strength(),
                rule.question(),
                rule.rates(),
                rule.body()));
      }
    }

    /** The conclusions arguing a thesis (for and against). */
    List<String> arguments(String thesis) {
      List<String> out = new ArrayList<>();
      ThesisEntry t = theses.get(thesis);
      if (t != null) {
        out.addAll(orEmpty(t.forArguments()));
        out.addAll(orEmpty(t.against()));
      }
      return out;
    }

    /** The conclusions of a question's evidence items. */
    List<String> evidence(String question) {
      List<String> out = new ArrayList<>();
      QuestionEntry q = questions.get(question);
      if (q != null) {
        orEmpty(q.evidence()).forEach(e -> out.addAll(orEmpty(e.conclusions())));
      }
      return out;
    }

    /** Each justification as "rule <- premises", sorted. */
    Set<String> justifications(String id) {
      Set<String> out = new TreeSet<>();
      for (ConclusionEntry.Justification j : conclusions.get(id).justifications()) {
        out.add(ruleName(j) + " <- " + String.join(", ", orEmpty(j.premises())));
      }
      return out;
    }

    /**
     * The edits among the facts and rules this conclusion rests on, transitively, in this report.
     */
    List<String> because(
        String id,
        Set<String> factEdits,
        Set<String> factChanges,
        Set<String> ruleEdits,
        String verb) {
      Set<String> out = new LinkedHashSet<>();
      Derivations.walk(
          id,
          this::premisesOf,
          next -> {
            if (factEdits.contains(next)) {
              out.add("fact " + next + " " + verb);
            } else if (factChanges.contains(next)) {
              out.add("fact " + next + " changed");
            }
            ConclusionEntry c = conclusions.get(next);
            if (c != null) {
              for (ConclusionEntry.Justification j : c.justifications()) {
                if (ruleEdits.contains(ruleName(j))) {
                  out.add("rule \"" + ruleName(j) + "\" " + verb);
                }
              }
            }
          });
      return List.copyOf(out);
    }

    private List<String> premisesOf(String id) {
      ConclusionEntry c = conclusions.get(id);
      return c == null
          ? List.of()
          : c.justifications().stream().flatMap(j -> orEmpty(j.premises()).stream()).toList();
    }

    private static String ruleName(ConclusionEntry.Justification j) {
      return j.rule() == null || j.rule().name() == null ? "" : j.rule().name();
    }

    /** A list an older or hand-written report may leave out. */
    static <T> List<T> orEmpty(List<T> list) {
      return list == null ? List.of() : list;
    }
  }
}
