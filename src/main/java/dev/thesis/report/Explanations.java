package dev.thesis.report;

import dev.thesis.analysis.Argument;
import dev.thesis.analysis.Confidences;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Guards;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Source;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds derivation trees: thesis, arguments, rules, premises, down to facts and the quoted source
 * sentences, with the {@code not}/{@code exists} conditions each rule held by. Within one tree a
 * conclusion or fact is expanded once; later mentions are marked {@code repeated}, which also stops
 * cycles. Several justifications of one conclusion by one rule are grouped under that rule: their
 * shared premises once, then what each rests on beyond them.
 */
public final class Explanations {
  private final EvaluationResult result;
  private final Set<String> expanded = new HashSet<>();

  /** Conclusions drawn at the depth limit, with what it hides below them. */
  private final Set<String> cut = new HashSet<>();

  private final int maxDepth;

  /** How many rule levels lie between the conclusion being built and the tree's root. */
  private int level;

  private Explanations(EvaluationResult result, int maxDepth) {
    this.result = result;
    this.maxDepth = maxDepth;
  }

  private Explanations(EvaluationResult result) {
    this(result, Integer.MAX_VALUE);
  }

  /**
   * The tree for a thesis, question, conclusion or fact id; empty when the id names none of these.
   */
  public static Optional<ExplanationNode> of(EvaluationResult result, String id) {
    return of(result, id, Integer.MAX_VALUE);
  }

  /**
   * As {@link #of(EvaluationResult, String)}, drawing at most {@code depth} levels of rules below
   * the id (below a thesis or a question: below each of its arguments or evidence conclusions). A
   * conclusion at the limit gets a {@link ExplanationNode.Kind#HIDDEN} child instead of its rules:
   * how many premises lie below, and the depth that shows them all.
   */
  public static Optional<ExplanationNode> of(EvaluationResult result, String id, int depth) {
    Explanations e = new Explanations(result, depth);
    Optional<ThesisVerdict> v = result.verdict(id);
    if (v.isPresent()) {
      return Optional.of(e.thesis(v.get()));
    }
    Optional<QuestionVerdict> q = result.question(id);
    if (q.isPresent()) {
      return Optional.of(e.question(q.get()));
    }
    Optional<Conclusion> c = result.conclusion(id);
    if (c.isPresent()) {
      return Optional.of(e.conclusion(c.get(), ExplanationNode.Kind.CONCLUSION));
    }
    return result.fact(id).map(e::fact);
  }

  /** The tree of one thesis. */
  public static ExplanationNode of(EvaluationResult result, ThesisVerdict v) {
    return new Explanations(result).thesis(v);
  }

  /** The tree of one question. */
  public static ExplanationNode of(EvaluationResult result, QuestionVerdict q) {
    return new Explanations(result).question(q);
  }

  /**
   * The trees of one evidence item's conclusions, in one tree's scope: a fact under two of them is
   * shown in full once.
   */
  public static List<ExplanationNode> conclusionsOf(
      EvaluationResult result, QuestionVerdict.Evidence e) {
    return new Explanations(result).conclusions(e);
  }

  /**
   * A question, its weighed hypotheses (posterior and verdict), then each evidence item above the
   * trees of its conclusions. Facts are expanded once across the whole question, so evidence that
   * rests on the same facts shows it.
   */
  private ExplanationNode question(QuestionVerdict q) {
    List<ExplanationNode> children = new ArrayList<>();
    for (var p : q.posteriors().entrySet()) {
      children.add(hypothesis(q, p.getKey(), p.getValue()));
    }
    for (QuestionVerdict.Evidence e : q.evidence()) {
      List<String> marks = new ArrayList<>();
      if (QuestionWords.nonDiagnostic(e)) {
        marks.add("non-diagnostic: tells the hypotheses nothing apart");
      }
      if (QuestionWords.sharesWith(e) != null) {
        marks.add(QuestionWords.sharesWith(e));
      }
      String summary =
          QuestionWords.ratings(q, e)
              + (QuestionWords.nonDiagnostic(e)
                  ? ""
                  : "; diagnosticity " + Numbers.two(e.diagnosticity()));
      children.add(
          new ExplanationNode(
              ExplanationNode.Kind.EVIDENCE,
              e.rule().name(),
              summary,
              e.rule().location().file() + ":" + e.rule().location().line(),
              e.confidence(),
              false,
              conclusions(e),
              marks));
    }
    List<String> marks = new ArrayList<>();
    if (q.evidence().isEmpty()) {
      marks.add("no evidence rule of this question fired");
    }
    if (!result.critical(q.id()).isEmpty()) {
      marks.add("hinges on: " + Hinges.describe(result.critical(q.id()), Integer.MAX_VALUE));
    }
    return new ExplanationNode(
        ExplanationNode.Kind.QUESTION,
        q.id(),
        q.question().title() + ": " + QuestionWords.verdict(q, result.thresholds().odds()),
        null,
        null,
        false,
        children,
        marks);
  }

  private ExplanationNode hypothesis(QuestionVerdict q, String id, double posterior) {
    Optional<QuestionVerdict.Hypothesis> h =
        q.hypotheses().stream().filter(x -> x.id().equals(id)).findFirst();
    String title =
        result.verdict(id).map(v -> v.thesis().title()).orElse("none of these hypotheses");
    String verdict = h.map(x -> ", " + x.verdict()).orElse("");
    List<String> marks =
        h.filter(QuestionVerdict.Hypothesis::untested)
            .map(x -> List.of("untested: no rule rates it I or II"))
            .orElse(List.of());
    return new ExplanationNode(
        ExplanationNode.Kind.HYPOTHESIS,
        id,
        title + ": posterior " + Numbers.two(posterior) + verdict,
        null,
        null,
        false,
        List.of(),
        marks);
  }

  private List<ExplanationNode> conclusions(QuestionVerdict.Evidence e) {
    List<ExplanationNode> out = new ArrayList<>();
    for (String id : e.conclusions()) {
      result.conclusion(id).ifPresent(c -> out.add(conclusion(c, ExplanationNode.Kind.CONCLUSION)));
    }
    return out;
  }

  private ExplanationNode thesis(ThesisVerdict v) {
    List<ExplanationNode> args = new ArrayList<>();
    for (Argument a : v.arguments()) {
      Conclusion c = result.conclusion(a.conclusion()).orElseThrow();
      ExplanationNode.Kind kind =
          a.stance() == dev.thesis.rules.Stance.SUPPORTS
              ? ExplanationNode.Kind.FOR
              : ExplanationNode.Kind.AGAINST;
      args.add(conclusion(c, kind, a.confidence()));
    }
    String posterior =
        v.question() == null
            ? ""
            : "posterior " + Numbers.two(v.posterior()) + " in question " + v.question() + "; ";
    String summary =
        String.format(
            Locale.ROOT,
            "%s: %s (%ssupport %s, opposition %s)",
            v.thesis().title(),
            v.verdict(),
            posterior,
            Numbers.two(v.support()),
            Numbers.two(v.opposition()));
    List<String> marks = new ArrayList<>();
    if (v.untested()) {
      marks.add("untested: no rule rates it I or II");
    }
    if (v.unchallenged()) {
      marks.add("unchallenged: no rule opposes it");
    }
    if (result.thesisSingleSource(v.thesis().id())) {
      marks.add("support from a single source: " + result.supportSources(v.thesis().id()).first());
    }
    if (!result.critical(v.thesis().id()).isEmpty()) {
      marks.add(
          "hinges on: " + Hinges.describe(result.critical(v.thesis().id()), Integer.MAX_VALUE));
    }
    return new ExplanationNode(
        ExplanationNode.Kind.THESIS, v.thesis().id(), summary, null, null, false, args, marks);
  }

  private ExplanationNode conclusion(Conclusion c, ExplanationNode.Kind kind) {
    return conclusion(c, kind, result.confidenceOf(c.id()));
  }

  private ExplanationNode conclusion(Conclusion c, ExplanationNode.Kind kind, double confidence) {
    String summary = Describe.conclusion(c);
    if (expanded.contains(c.id())) {
      return new ExplanationNode(
          kind, c.id(), summary, null, confidence, true, List.of(), List.of());
    }
    List<String> marks = new ArrayList<>();
    if (result.singleSource(c.id())) {
      marks.add("single source: " + result.sourcesUnder(c.id()).first());
    }
    if (result.cyclic(c.id())) {
      marks.add("cyclic: a justification rests on the conclusion itself");
    }
    if (level >= maxDepth && !c.justifications().isEmpty()) {
      // Not marked expanded: a shallower mention further on may still show it. A second mention
      // at the limit says no more than the first.
      if (!cut.add(c.id())) {
        return new ExplanationNode(
            kind, c.id(), summary, null, confidence, true, List.of(), List.of());
      }
      return new ExplanationNode(
          kind, c.id(), summary, null, confidence, false, List.of(hidden(c)), marks);
    }
    expanded.add(c.id());
    level++;
    List<ExplanationNode> rules = new ArrayList<>();
    List<Justification> js = c.justifications();
    // Justifications come sorted by rule, so one rule's are adjacent.
    for (int i = 0; i < js.size(); ) {
      int end = i + 1;
      while (end < js.size()
          && js.get(end).rule().qualifiedName().equals(js.get(i).rule().qualifiedName())) {
        end++;
      }
      rules.add(end - i == 1 ? rule(js.get(i)) : group(js.subList(i, end)));
      i = end;
    }
    level--;
    return new ExplanationNode(kind, c.id(), summary, null, confidence, false, rules, marks);
  }

  /** One justification: its rule, above its premises and the not/exists it held by. */
  private ExplanationNode rule(Justification j) {
    List<ExplanationNode> children = new ArrayList<>();
    for (String p : j.premises()) {
      children.add(premise(p));
    }
    for (Guards.Guard g : Guards.of(result, j)) {
      children.add(condition(g));
    }
    return ruleNode(j, Confidences.of(j, result.confidence()), children);
  }

  private static ExplanationNode ruleNode(
      Justification j, double confidence, List<ExplanationNode> children) {
    String rs =
        String.format(
            Locale.ROOT,
            "rule \"%s\" (strength %s)",
            j.rule().name(),
            Numbers.two(j.rule().strength()));
    return new ExplanationNode(
        ExplanationNode.Kind.RULE,
        j.rule().name(),
        rs,
        j.rule().location().file() + ":" + j.rule().location().line(),
        confidence,
        false,
        children,
        List.of());
  }

  /**
   * Several justifications of one conclusion by one rule: the rule once, the premises and
   * conditions they all share once, then each justification with what is its own.
   */
  private ExplanationNode group(List<Justification> js) {
    List<List<Guards.Guard>> guards = js.stream().map(j -> Guards.of(result, j)).toList();
    List<String> commonPremises =
        js.get(0).premises().stream()
            .distinct()
            .filter(p -> js.stream().allMatch(j -> j.premises().contains(p)))
            .toList();
    List<Guards.Guard> commonGuards =
        guards.get(0).stream().filter(g -> guards.stream().allMatch(x -> x.contains(g))).toList();
    List<ExplanationNode> children = new ArrayList<>();
    if (!commonPremises.isEmpty() || !commonGuards.isEmpty()) {
      List<ExplanationNode> shared = new ArrayList<>();
      commonPremises.forEach(p -> shared.add(premise(p)));
      commonGuards.forEach(g -> shared.add(condition(g)));
      children.add(
          new ExplanationNode(
              ExplanationNode.Kind.COMMON,
              null,
              "each rests on",
              null,
              null,
              false,
              shared,
              List.of()));
    }
    double best = 0;
    for (int i = 0; i < js.size(); i++) {
      Justification j = js.get(i);
      List<ExplanationNode> own = new ArrayList<>();
      j.premises().stream()
          .filter(p -> !commonPremises.contains(p))
          .forEach(p -> own.add(premise(p)));
      guards.get(i).stream()
          .filter(g -> !commonGuards.contains(g))
          .forEach(g -> own.add(condition(g)));
      double confidence = Confidences.of(j, result.confidence());
      best = Math.max(best, confidence);
      children.add(
          new ExplanationNode(
              ExplanationNode.Kind.JUSTIFICATION,
              null,
              bindings(j),
              null,
              confidence,
              false,
              own,
              List.of()));
    }
    return ruleNode(js.get(0), best, children);
  }

  /** A justification's variables and their values, {@code $a = x, $b = y}, by name. */
  private static String bindings(Justification j) {
    List<String> out = new ArrayList<>();
    j.bindings().forEach((k, v) -> out.add(k + " = " + v));
    return String.join(", ", out);
  }

  private static ExplanationNode condition(Guards.Guard g) {
    return new ExplanationNode(
        ExplanationNode.Kind.CONDITION,
        null,
        g.text(),
        g.location(),
        null,
        false,
        List.of(),
        List.of());
  }

  /** What the depth limit leaves out below a conclusion, and the --depth that shows it all. */
  private ExplanationNode hidden(Conclusion c) {
    Set<String> below = new HashSet<>();
    int height = height(c, below, new HashSet<>());
    String text =
        below.size()
            + (below.size() == 1 ? " premise" : " premises")
            + " below, --depth "
            + (level + height)
            + " to see them";
    return new ExplanationNode(
        ExplanationNode.Kind.HIDDEN, null, text, null, null, false, List.of(), List.of());
  }

  /**
   * How many rule levels lie below a conclusion (1 when its premises are all facts), gathering the
   * ids of every premise under it.
   */
  private int height(Conclusion c, Set<String> below, Set<String> path) {
    if (!path.add(c.id())) {
      return 0;
    }
    int height = 0;
    for (Justification j : c.justifications()) {
      for (String p : j.premises()) {
        below.add(p);
        Optional<Conclusion> under = result.conclusion(p);
        height = Math.max(height, under.map(u -> height(u, below, path)).orElse(0));
      }
    }
    path.remove(c.id());
    return height + 1;
  }

  private ExplanationNode premise(String id) {
    Optional<Conclusion> c = result.conclusion(id);
    if (c.isPresent()) {
      return conclusion(c.get(), ExplanationNode.Kind.CONCLUSION);
    }
    return fact(
        result.fact(id).orElseThrow(() -> new IllegalStateException("unknown premise " + id)));
  }

  private ExplanationNode fact(BoundFact f) {
    String id = f.record().id();
    String where = f.record().location().file() + ":" + f.record().location().line();
    boolean first = expanded.add(id);
    List<ExplanationNode> children = new ArrayList<>();
    if (first) {
      result.corpus().source(f.record().source()).map(this::source).ifPresent(children::add);
    }
    return new ExplanationNode(
        ExplanationNode.Kind.FACT,
        id,
        Describe.fact(f),
        where,
        f.record().confidence(),
        !first,
        children,
        List.of());
  }

  /** A source is quoted in full once per tree; later mentions only name it. */
  private ExplanationNode source(Source s) {
    boolean first = expanded.add("source\u0000" + s.id());
    String origin = s.origin() == null ? "" : " (" + s.origin() + ")";
    String summary = first ? "\"" + s.text() + "\"" + origin : "";
    return new ExplanationNode(
        ExplanationNode.Kind.SOURCE,
        s.id(),
        summary,
        s.location().file() + ":" + s.location().line(),
        null,
        !first,
        List.of(),
        List.of());
  }
}
