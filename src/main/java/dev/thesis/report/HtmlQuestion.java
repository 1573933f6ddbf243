package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.facts.Question;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question as report.html shows it: its verdict, a posterior bar per hypothesis, the ACH matrix
 * (evidence by hypothesis), what it hinges on, its linchpins, what would settle it, and each
 * evidence item's conclusions down to the quoted sources. Plain values for the template.
 *
 * @param columns the weighed hypotheses, "other" last when the question is open
 * @param rows the evidence, most diagnostic first
 */
public record HtmlQuestion(
    String id,
    String title,
    String claim,
    String verdict,
    String verdictText,
    String priorShift,
    List<Bar> posteriors,
    List<String> columns,
    List<Row> rows,
    List<String> warnings,
    String hinges,
    List<String> linchpins,
    String settleAgainst,
    List<Next> next,
    String anchor,
    List<String> arithmetic,
    ArgumentMap map) {

  /**
   * A weighed hypothesis.
   *
   * @param verdict FAVOURED, DISFAVOURED or OPEN; null for "other"
   */
  public record Bar(String id, double posterior, String verdict, boolean untested) {
    public int percent() {
      return (int) Math.round(posterior * 100);
    }

    public boolean named() {
      return verdict != null;
    }
  }

  /**
   * One evidence item.
   *
   * @param anchor the id of the item's trees below the matrix
   * @param trees its conclusions down to the quoted sources
   */
  public record Row(
      String rule,
      String ruleAnchor,
      String anchor,
      String location,
      double confidence,
      List<Cell> cells,
      double diagnosticity,
      boolean nonDiagnostic,
      String ratings,
      String sharesWith,
      List<ExplanationNode> trees) {}

  /**
   * A cell of the matrix.
   *
   * @param rating CC..II, "unrated", or "" for an "other" the rule does not rate
   * @param weight the weight the hypothesis takes from the item, once discounted
   */
  public record Cell(String rating, double weight) {
    /** The cell's colour: one per rating, "unrated" apart, none for an implied "other". */
    public String cssClass() {
      return rating.isEmpty() ? "rating implied" : "rating r-" + rating.toLowerCase(Locale.ROOT);
    }
  }

  /** An evidence rule that did not fire, and how far it would move the leading odds. */
  public record Next(
      String rule, String ruleAnchor, String location, String factor, boolean tells) {}

  /** The id of a hypothesis's Arguments entry, or null for "other". */
  public static String thesisAnchor(String hypothesis) {
    return Question.OTHER.equals(hypothesis) ? null : Anchors.thesis(hypothesis);
  }

  public String verdictClass() {
    return verdict.toLowerCase(Locale.ROOT);
  }

  static HtmlQuestion of(QuestionVerdict q, EvaluationResult r) {
    List<Bar> bars = new ArrayList<>();
    for (var p : q.posteriors().entrySet()) {
      var h = q.hypotheses().stream().filter(x -> x.id().equals(p.getKey())).findFirst();
      bars.add(
          new Bar(
              p.getKey(),
              p.getValue(),
              h.map(x -> x.verdict().name()).orElse(null),
              h.map(QuestionVerdict.Hypothesis::untested).orElse(false)));
    }
    List<String> columns = q.question().weighed();
    List<Row> rows = new ArrayList<>();
    Set<String> anchors = new HashSet<>();
    for (QuestionVerdict.Evidence e : q.evidence()) {
      List<Cell> cells = new ArrayList<>();
      for (String h : columns) {
        String rating = QuestionWords.cell(e, h);
        cells.add(new Cell(rating == null ? "" : rating, e.weights().get(h)));
      }
      rows.add(
          new Row(
              e.rule().name(),
              Anchors.rule(e.rule().name()),
              anchor(q.id(), e.rule().name(), anchors),
              e.rule().location().file() + ":" + e.rule().location().line(),
              e.confidence(),
              cells,
              e.diagnosticity(),
              QuestionWords.nonDiagnostic(e),
              QuestionWords.ratings(q, e),
              QuestionWords.sharesWith(e),
              Explanations.conclusionsOf(r, e)));
    }
    List<Next> next =
        q.next().stream()
            .map(
                n ->
                    new Next(
                        n.rule().name(),
                        Anchors.rule(n.rule().name()),
                        n.rule().location().file() + ":" + n.rule().location().line(),
                        QuestionWords.factor(n),
                        n.discrimination() > 0))
            .toList();
    return new HtmlQuestion(
        q.id(),
        q.question().title(),
        q.question().claim(),
        q.verdict().name(),
        QuestionWords.verdict(q, r.thresholds().odds()),
        QuestionWords.priorShift(q),
        bars,
        columns,
        rows,
        QuestionWords.sharedPremises(q).stream().map(p -> p + ".").toList(),
        r.critical(q.id()).isEmpty()
            ? null
            : Hinges.describe(r.critical(q.id()), Integer.MAX_VALUE),
        q.linchpins().stream().map(QuestionWords::linchpin).toList(),
        q.leader() + " against " + q.runnerUp(),
        next,
        Anchors.question(q.id()),
        QuestionArithmetic.of(q).lines(),
        ArgumentMap.of(r, q));
  }

  /**
   * An HTML id for an item's trees, valid as a fragment: the question's id as {@link Anchors}
   * writes it, then the rule name in lower-case letters, digits and hyphens, numbered on the rare
   * clash within one question.
   */
  private static String anchor(String question, String rule, Set<String> taken) {
    // Readable without a checksum: a clash within the question is numbered instead.
    String slug =
        rule.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String base = "evidence-" + Anchors.slug(question) + "-" + (slug.isEmpty() ? "rule" : slug);
    String id = base;
    for (int i = 2; !taken.add(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }
}
