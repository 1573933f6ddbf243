package dev.thesis.report;

import dev.thesis.analysis.Argument;
import dev.thesis.analysis.Confidences;
import dev.thesis.analysis.EvaluationResult;
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
 * sentences. Within one tree a conclusion or fact is expanded once; later mentions are marked
 * {@code repeated}, which also stops cycles.
 */
public final class Explanations {
  private final EvaluationResult result;
  private final Set<String> expanded = new HashSet<>();

  private Explanations(EvaluationResult result) {
    this.result = result;
  }

  /**
   * The tree for a thesis, question, conclusion or fact id; empty when the id names none of these.
   */
  public static Optional<ExplanationNode> of(EvaluationResult result, String id) {
    Explanations e = new Explanations(result);
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
    if (!expanded.add(c.id())) {
      return new ExplanationNode(
          kind, c.id(), summary, null, confidence, true, List.of(), List.of());
    }
    List<ExplanationNode> rules = new ArrayList<>();
    for (Justification j : c.justifications()) {
      List<ExplanationNode> premises = new ArrayList<>();
      for (String p : j.premises()) {
        premises.add(premise(p));
      }
      String rs =
          String.format(
              Locale.ROOT,
              "rule \"%s\" (strength %s)",
              j.rule().name(),
              Numbers.two(j.rule().strength()));
      rules.add(
          new ExplanationNode(
              ExplanationNode.Kind.RULE,
              j.rule().name(),
              rs,
              j.rule().location().file() + ":" + j.rule().location().line(),
              Confidences.of(j, result.confidence()),
              false,
              premises,
              List.of()));
    }
    List<String> marks = new ArrayList<>();
    if (result.singleSource(c.id())) {
      marks.add("single source: " + result.sourcesUnder(c.id()).first());
    }
    if (result.cyclic(c.id())) {
      marks.add("cyclic: a justification rests on the conclusion itself");
    }
    return new ExplanationNode(kind, c.id(), summary, null, confidence, false, rules, marks);
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
