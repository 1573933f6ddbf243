package dev.thesis.analysis;

import dev.thesis.facts.Question;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleInfo;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Weighs each question from what its evidence rules concluded: one item per rule, its confidence
 * the noisy-OR of its conclusions' (each through that rule alone), then {@link Ach}'s arithmetic.
 * Linchpins, the prior shift and what would settle it follow from the same arithmetic, with no new
 * evaluation.
 */
final class QuestionWeighing {
  private QuestionWeighing() {}

  /** What the j-th justification of all conclusions (counted in their order) is worth. */
  interface Worth {
    double of(int number, Justification j);
  }

  /** Worth as {@link Confidences#of} over a map of confidences. */
  static Worth over(Map<String, Double> confidence) {
    return (number, j) -> Confidences.of(j, confidence);
  }

  /** Per question id, per evidence rule (qualified name), its conclusions and their confidence. */
  static Map<String, Map<String, TreeMap<String, Double>>> fired(
      EvidenceRules rules, List<Conclusion> conclusions, Worth worth) {
    Map<String, Map<String, TreeMap<String, Double>>> out = new HashMap<>();
    if (rules.isEmpty()) {
      return out;
    }
    // Where each rule's conclusions go, resolved once per rule rather than per justification.
    Map<RuleInfo, TreeMap<String, Double>> into = new IdentityHashMap<>();
    TreeMap<String, Double> none = new TreeMap<>();
    int number = 0;
    for (Conclusion c : conclusions) {
      for (Justification j : c.justifications()) {
        TreeMap<String, Double> mine = into.get(j.rule());
        if (mine == null) {
          String name = j.rule().qualifiedName();
          mine =
              rules
                  .rule(name)
                  .map(
                      e ->
                          out.computeIfAbsent(e.question().id(), k -> new HashMap<>())
                              .computeIfAbsent(name, k -> new TreeMap<>()))
                  .orElse(none);
          into.put(j.rule(), mine);
        }
        if (mine != none) {
          mine.merge(c.id(), worth.of(number, j), Math::max);
        }
        number++;
      }
    }
    return out;
  }

  private static List<Ach.Item> items(
      List<EvidenceRule> rules, Map<String, TreeMap<String, Double>> fired) {
    List<Ach.Item> out = new ArrayList<>();
    for (EvidenceRule e : rules) {
      TreeMap<String, Double> mine = fired.get(e.rule().qualifiedName());
      if (mine != null) {
        out.add(
            new Ach.Item(
                e.rule().qualifiedName(),
                e.rule().name(),
                Confidences.noisyOr(new ArrayList<>(mine.values())),
                e.ratings()));
      }
    }
    return out;
  }

  /**
   * FAVOURED for the leader of a question that favours it; DISFAVOURED at or below the leader's
   * posterior divided by the odds; OPEN otherwise.
   */
  static Verdict verdictOf(String h, Ach.Judgement j, double odds) {
    if (j.decision() == QuestionVerdict.Decision.FAVOURS && h.equals(j.leader())) {
      return Verdict.FAVOURED;
    }
    return j.posteriors().get(h) <= j.posteriors().get(j.leader()) / odds
        ? Verdict.DISFAVOURED
        : Verdict.OPEN;
  }

  /**
   * Only where each question and each of its hypotheses stands: what the critical-evidence search
   * compares.
   */
  static Map<String, Standing> standings(
      EvidenceRules rules,
      List<Conclusion> conclusions,
      Map<String, Double> confidence,
      double odds) {
    Map<String, Standing> out = new HashMap<>();
    var fired = fired(rules, conclusions, over(confidence));
    for (Question q : rules.questions()) {
      List<Ach.Item> items = items(rules.of(q.id()), fired.getOrDefault(q.id(), Map.of()));
      Ach.Judgement j = Ach.judge(q, items, odds);
      out.put(q.id(), j.standing());
      q.hypotheses().forEach(h -> out.put(h, Standing.of(verdictOf(h, j, odds))));
    }
    return out;
  }

  /**
   * Every question weighed in full.
   *
   * @param graph the evaluation's graph, for flagging evidence with shared premises; null when
   *     justifications are not kept
   */
  static List<QuestionVerdict> weigh(
      EvidenceRules rules, List<Conclusion> conclusions, Worth worth, double odds, IdGraph graph) {
    var fired = fired(rules, conclusions, worth);
    List<QuestionVerdict> out = new ArrayList<>();
    for (Question q : rules.questions()) {
      out.add(weigh(q, rules, fired.getOrDefault(q.id(), Map.of()), odds, graph));
    }
    return out;
  }

  private static QuestionVerdict weigh(
      Question q,
      EvidenceRules rules,
      Map<String, TreeMap<String, Double>> fired,
      double odds,
      IdGraph graph) {
    List<EvidenceRule> mine = rules.of(q.id());
    List<Ach.Item> items = items(mine, fired);
    Ach.Judgement j = Ach.judge(q, items, odds);
    List<QuestionVerdict.Hypothesis> hypotheses = new ArrayList<>();
    for (String h : q.hypotheses()) {
      hypotheses.add(
          new QuestionVerdict.Hypothesis(
              h, j.posteriors().get(h), verdictOf(h, j, odds), rules.untested(q.id(), h)));
    }
    Map<String, BitSet> premises = premises(mine, fired, graph);
    List<QuestionVerdict.Evidence> evidence = new ArrayList<>();
    for (EvidenceRule e : mine) {
      TreeMap<String, Double> conclusions = fired.get(e.rule().qualifiedName());
      if (conclusions == null) {
        continue;
      }
      Ach.Item item =
          items.stream().filter(i -> i.rule().equals(e.rule().qualifiedName())).findFirst().get();
      Map<String, Double> weights = Ach.weights(q, item);
      evidence.add(
          new QuestionVerdict.Evidence(
              e.rule(),
              item.confidence(),
              e.ratings(),
              e.unrated(),
              weights,
              Ach.diagnosticity(q, weights),
              new ArrayList<>(conclusions.keySet()),
              graph == null ? null : sharing(e, mine, premises)));
    }
    evidence.sort(
        Comparator.comparingDouble((QuestionVerdict.Evidence e) -> -e.diagnosticity())
            .thenComparing(e -> e.rule().name()));
    return new QuestionVerdict(
        q,
        j.decision(),
        j.incomplete(),
        j.leader(),
        j.runnerUp(),
        j.odds(),
        j.posteriors(),
        hypotheses,
        evidence,
        linchpins(q, items, j, odds),
        odds / j.odds(),
        next(q, mine, fired, j));
  }

  /**
   * The facts under each fired rule's conclusions, as fact nodes; empty when they cannot be known.
   */
  private static Map<String, BitSet> premises(
      List<EvidenceRule> rules, Map<String, TreeMap<String, Double>> fired, IdGraph graph) {
    Map<String, BitSet> out = new HashMap<>();
    if (graph == null) {
      return out;
    }
    for (EvidenceRule e : rules) {
      TreeMap<String, Double> conclusions = fired.get(e.rule().qualifiedName());
      if (conclusions != null) {
        out.put(e.rule().qualifiedName(), graph.factsUnder(conclusions.keySet()));
      }
    }
    return out;
  }

  private static List<String> sharing(
      EvidenceRule e, List<EvidenceRule> all, Map<String, BitSet> premises) {
    BitSet mine = premises.get(e.rule().qualifiedName());
    if (mine == null) {
      return List.of();
    }
    TreeSet<String> out = new TreeSet<>();
    for (EvidenceRule o : all) {
      BitSet theirs = premises.get(o.rule().qualifiedName());
      if (o != e && theirs != null && theirs.intersects(mine)) {
        out.add(o.rule().name());
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Every item whose removal, or a one-step change of one of its ratings, alone changes where the
   * question stands. Ratings are stepped for each named hypothesis (unrated ones from N) and for
   * "other" when the rule rates it.
   */
  static List<QuestionVerdict.Linchpin> linchpins(
      Question q, List<Ach.Item> items, Ach.Judgement now, double odds) {
    List<QuestionVerdict.Linchpin> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Ach.Item item = items.get(i);
      List<Ach.Item> without = new ArrayList<>(items);
      without.remove(i);
      ifChanged(q, without, now, odds, item, null, null, null, out);
      List<String> steppable = new ArrayList<>(q.hypotheses());
      if (item.ratings().containsKey(Question.OTHER)) {
        steppable.add(Question.OTHER);
      }
      for (String h : steppable) {
        Rating from = item.ratingOf(h);
        for (int dir : new int[] {-1, 1}) {
          var to = from.step(dir);
          if (to.isPresent()) {
            List<Ach.Item> changed = new ArrayList<>(items);
            changed.set(i, item.rated(h, to.get()));
            ifChanged(q, changed, now, odds, item, h, from, to.get(), out);
          }
        }
      }
    }
    return out;
  }

  /** Adds the linchpin when these items judge the question otherwise than {@code now}. */
  private static void ifChanged(
      Question q,
      List<Ach.Item> items,
      Ach.Judgement now,
      double odds,
      Ach.Item item,
      String hypothesis,
      Rating from,
      Rating to,
      List<QuestionVerdict.Linchpin> out) {
    Ach.Judgement after = Ach.judge(q, items, odds);
    if (!after.standing().equals(now.standing())) {
      out.add(
          new QuestionVerdict.Linchpin(
              item.name(),
              hypothesis == null ? QuestionVerdict.Change.WITHOUT : QuestionVerdict.Change.RATING,
              hypothesis,
              from,
              to,
              after.decision(),
              after.leader()));
    }
  }

  /**
   * The evidence rules that did not fire, by how well they would tell the leader from the
   * runner-up.
   */
  private static List<QuestionVerdict.Next> next(
      Question q,
      List<EvidenceRule> rules,
      Map<String, TreeMap<String, Double>> fired,
      Ach.Judgement j) {
    List<QuestionVerdict.Next> out = new ArrayList<>();
    for (EvidenceRule e : rules) {
      if (fired.containsKey(e.rule().qualifiedName())) {
        continue;
      }
      Map<String, Double> l = Ach.likelihoods(q, e.ratings());
      double signed = log2(l.get(j.leader())) - log2(l.get(j.runnerUp()));
      String favours = signed > 0 ? j.leader() : signed < 0 ? j.runnerUp() : null;
      out.add(new QuestionVerdict.Next(e.rule(), Math.abs(signed), favours));
    }
    out.sort(
        Comparator.comparingDouble((QuestionVerdict.Next n) -> -n.discrimination())
            .thenComparing(n -> n.rule().location().file())
            .thenComparingInt(n -> n.rule().location().line()));
    return out;
  }

  /** Every likelihood weight is a power of two (1/4 to 4), so its exponent is exact. */
  private static double log2(double x) {
    return Math.getExponent(x);
  }
}
