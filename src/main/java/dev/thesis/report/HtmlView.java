package dev.thesis.report;

import dev.thesis.analysis.Argument;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.facts.BoundFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HTML report shows, as plain values for the template (which escapes every one of them).
 */
public record HtmlView(
    String summary,
    List<Thesis> theses,
    List<Tension> tensions,
    List<String> matrixTheses,
    List<Row> matrix,
    List<Source> sources,
    String graphSvg,
    String graphNote,
    List<GraphKind> graphKinds,
    List<List<Thesis>> rivalPairs,
    List<HtmlQuestion> questions,
    dev.thesis.analysis.Thresholds thresholds,
    HtmlIndex index) {

  /** The most entities report.html draws, as many as {@code thesis graph --format svg}. */
  static final int MAX_DRAWN = GraphSvg.MAX_DRAWN;

  static boolean drawn(EvidenceGraph g) {
    return GraphSvg.drawable(g);
  }

  /** Why there is no drawing, or null when there is one. */
  static String graphNote(EvidenceGraph g) {
    if (g.nodes().isEmpty()) {
      return "No type is declared @entity or @edge, so there is nothing to draw.";
    }
    if (g.nodes().size() > MAX_DRAWN) {
      return "The evidence graph has "
          + g.nodes().size()
          + " entities and "
          + g.edges().size()
          + " relations, too many to draw here (at most "
          + MAX_DRAWN
          + "); thesis graph --format dot writes it for Graphviz.";
    }
    return null;
  }

  /** How far from a threshold a score is flagged as near it. */
  static final double NEAR = 0.05;

  /** The weighing rule in one line, with this run's thresholds. */
  public String weighingRule() {
    return String.format(
        java.util.Locale.ROOT,
        "A thesis is SUPPORTED when its support reaches %s and its opposition stays under %s,"
            + " REFUTED the other way round, CONTESTED when both reach theirs, UNSUPPORTED when"
            + " neither does. A question favours its leader when its posterior is %s times the"
            + " runner-up's.",
        Numbers.two(thresholds.support()),
        Numbers.two(thresholds.opposition()),
        Numbers.two(thresholds.odds()));
  }

  public int supportThresholdPercent() {
    return (int) Math.round(thresholds.support() * 100);
  }

  public int oppositionThresholdPercent() {
    return (int) Math.round(thresholds.opposition() * 100);
  }

  /**
   * A thesis on the dashboard, with its argument trees.
   *
   * @param question the question it is a hypothesis of, or null; then {@code posterior} is set
   * @param mark "untested", "unchallenged" or null
   */
  public record Thesis(
      String id,
      String title,
      String claim,
      String verdict,
      double support,
      double opposition,
      int forCount,
      int againstCount,
      List<String> rivals,
      String hinges,
      String singleSource,
      List<ExplanationNode> arguments,
      String question,
      Double posterior,
      String mark,
      String near,
      ArgumentMap map) {
    public int supportPercent() {
      return (int) Math.round(support * 100);
    }

    public int oppositionPercent() {
      return (int) Math.round(opposition * 100);
    }

    /** A hypothesis's posterior as a bar's width; 0 outside questions. */
    public int posteriorPercent() {
      return posterior == null ? 0 : (int) Math.round(posterior * 100);
    }

    public String verdictClass() {
      return verdict.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A kind of entity in the graph's legend, with its colour. */
  public record GraphKind(String name, String colour) {}

  /** Two rivals that both stand. */
  public record Tension(String a, String b, String why) {}

  /** One fact of the evidence matrix: a mark per thesis ("+", "-", "+-" or ""). */
  public record Row(
      String fact,
      String description,
      String source,
      List<String> marks,
      int diagnosticity,
      String sourceHref) {}

  /** A quoted source. */
  public record Source(String id, String origin, String text) {}

  public static HtmlView of(EvaluationResult r) {
    List<Thesis> theses = new ArrayList<>();
    for (ThesisVerdict v : r.verdicts()) {
      ExplanationNode tree = Explanations.of(r, v);
      String hinges =
          r.critical(v.thesis().id()).isEmpty()
              ? null
              : Hinges.describe(r.critical(v.thesis().id()), Integer.MAX_VALUE);
      String single =
          r.thesisSingleSource(v.thesis().id()) ? r.supportSources(v.thesis().id()).first() : null;
      theses.add(
          new Thesis(
              v.thesis().id(),
              v.thesis().title(),
              v.thesis().claim(),
              v.verdict().name(),
              v.support(),
              v.opposition(),
              v.forArguments().size(),
              v.againstArguments().size(),
              v.rivals(),
              hinges,
              single,
              tree.children(),
              v.question(),
              v.posterior(),
              TerminalSummary.mark(v),
              v.question() == null ? near(v, r.thresholds()) : null,
              ArgumentMap.of(r, v)));
    }
    List<Tension> tensions =
        r.tensions().stream().map(t -> new Tension(t.a(), t.b(), t.why())).toList();
    List<String> ids = r.verdicts().stream().map(v -> v.thesis().id()).toList();
    List<Row> matrix = matrix(r, ids);
    List<Source> sources =
        r.corpus().sources().stream()
            .map(s -> new Source(s.id(), s.origin() == null ? "" : s.origin(), s.text()))
            .toList();
    String summary =
        String.format(
            java.util.Locale.ROOT,
            "%d theses, %d rules, %d facts from %d sources, %d conclusions",
            r.verdicts().size(),
            r.rules().rules().size(),
            r.facts().size(),
            r.corpus().sources().size(),
            r.conclusions().size());
    EvidenceGraph graph = EvidenceGraph.of(r);
    List<GraphKind> kinds =
        graph.kinds().stream().map(k -> new GraphKind(k, graph.colour(k))).toList();
    List<List<Thesis>> pairs = new ArrayList<>();
    for (Thesis t : theses) {
      for (String rival : t.rivals()) {
        if (t.id().compareTo(rival) < 0) {
          theses.stream()
              .filter(o -> o.id().equals(rival))
              .findFirst()
              .ifPresent(o -> pairs.add(List.of(t, o)));
        }
      }
    }
    return new HtmlView(
        summary,
        theses,
        tensions,
        ids,
        matrix,
        sources,
        drawn(graph) ? GraphSvg.svg(graph) : null,
        graphNote(graph),
        kinds,
        pairs,
        r.questions().stream().map(q -> HtmlQuestion.of(q, r)).toList(),
        r.thresholds(),
        HtmlIndex.of(r));
  }

  /**
   * "support 0.47, 0.03 short of 0.50" when a score lies within {@link #NEAR} of its threshold, on
   * either side; null otherwise.
   */
  static String near(ThesisVerdict v, dev.thesis.analysis.Thresholds t) {
    List<String> out = new ArrayList<>();
    near(out, "support", v.support(), t.support());
    near(out, "opposition", v.opposition(), t.opposition());
    return out.isEmpty() ? null : "near the threshold: " + String.join("; ", out);
  }

  private static void near(List<String> out, String name, double score, double threshold) {
    double gap = score - threshold;
    if (Math.abs(gap) <= NEAR) {
      out.add(
          name
              + " "
              + Numbers.two(score)
              + ", "
              + Numbers.two(Math.abs(gap))
              + (gap < 0 ? " short of " : " over ")
              + Numbers.two(threshold));
    }
  }

  /**
   * Facts by theses: whether the fact takes part in an argument for (+) or against (-) each thesis.
   * Rows come most diagnostic first: a fact that marks one of two rivals and not the other (or
   * marks them differently) tells them apart; then facts that take part in more theses.
   */
  static List<Row> matrix(EvaluationResult r, List<String> theses) {
    Map<String, Set<String>> pro = new HashMap<>();
    Map<String, Set<String>> con = new HashMap<>();
    for (Argument a : r.arguments()) {
      Map<String, Set<String>> side = a.stance() == dev.thesis.rules.Stance.SUPPORTS ? pro : con;
      for (String f : r.factsUnder(a.conclusion())) {
        side.computeIfAbsent(f, x -> new HashSet<>()).add(a.thesis());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (BoundFact f : r.facts()) {
      String id = f.record().id();
      List<String> marks = new ArrayList<>();
      for (String t : theses) {
        boolean p = pro.getOrDefault(id, Set.of()).contains(t);
        boolean c = con.getOrDefault(id, Set.of()).contains(t);
        marks.add(p && c ? "+-" : p ? "+" : c ? "-" : "");
      }
      if (marks.stream().allMatch(String::isEmpty)) {
        continue;
      }
      int score = 0;
      for (ThesisVerdict v : r.verdicts()) {
        for (String rival : v.rivals()) {
          if (v.thesis().id().compareTo(rival) < 0 && theses.contains(rival)) {
            String a = marks.get(theses.indexOf(v.thesis().id()));
            String b = marks.get(theses.indexOf(rival));
            score += a.equals(b) ? 0 : 10;
          }
        }
      }
      score += (int) marks.stream().filter(m -> !m.isEmpty()).count();
      String source = f.record().source();
      rows.add(
          new Row(
              id,
              Describe.fact(f),
              source,
              marks,
              score,
              r.corpus().source(source).isPresent() ? "#" + Anchors.source(source) : null));
    }
    rows.sort(Comparator.comparingInt((Row x) -> -x.diagnosticity()).thenComparing(Row::fact));
    return rows;
  }
}
