package dev.thesis.analysis;

import dev.thesis.facts.Question;
import dev.thesis.rules.Rating;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of Analysis of Competing Hypotheses, exactly as the README's "Weighing rival
 * theses" states it, as pure functions of the question, its evidence items and the odds a verdict
 * needs. Nothing here reads the engine.
 */
final class Ach {
  private Ach() {}

  /**
   * One piece of evidence: one rule's conclusions taken together, worth {@code confidence}, with
   * the rule's ratings (named hypotheses not rated count as N).
   *
   * @param rule the rule's qualified name, which identifies it
   * @param name the rule's name as shown
   */
  record Item(String rule, String name, double confidence, Map<String, Rating> ratings) {
    Item(String rule, double confidence, Map<String, Rating> ratings) {
      this(rule, rule, confidence, ratings);
    }

    Rating ratingOf(String hypothesis) {
      return ratings.getOrDefault(hypothesis, Rating.N);
    }

    Item rated(String hypothesis, Rating to) {
      Map<String, Rating> r = new LinkedHashMap<>(ratings);
      r.put(hypothesis, to);
      return new Item(rule, name, confidence, r);
    }
  }

  /** The decision a question's posteriors give. */
  record Judgement(
      QuestionVerdict.Decision decision,
      boolean incomplete,
      String leader,
      String runnerUp,
      double odds,
      Map<String, Double> posteriors) {

    Standing standing() {
      return new Standing(decision.name(), leader);
    }
  }

  /**
   * The likelihood weight λ of an item for each weighed hypothesis. "other" takes its own rating
   * when it has one, else max(1, the lowest λ of the named hypotheses): evidence that fits every
   * named hypothesis fits the unlisted ones too, and evidence against them all points outside.
   */
  static Map<String, Double> likelihoods(Question q, Map<String, Rating> ratings) {
    Map<String, Double> out = new LinkedHashMap<>();
    double lowest = Double.POSITIVE_INFINITY;
    for (String h : q.hypotheses()) {
      double l = ratings.getOrDefault(h, Rating.N).weight();
      out.put(h, l);
      lowest = Math.min(lowest, l);
    }
    if (!q.closed()) {
      Rating own = ratings.get(Question.OTHER);
      out.put(Question.OTHER, own != null ? own.weight() : Math.max(1.0, lowest));
    }
    return out;
  }

  /** λ discounted by the item's confidence c: 1 + c(λ − 1) (Schum; Pearl's virtual evidence). */
  static double discount(double likelihood, double confidence) {
    return 1.0 + confidence * (likelihood - 1.0);
  }

  /** The discounted weight of an item for each weighed hypothesis. */
  static Map<String, Double> weights(Question q, Item item) {
    Map<String, Double> out = new LinkedHashMap<>();
    likelihoods(q, item.ratings()).forEach((h, l) -> out.put(h, discount(l, item.confidence())));
    return out;
  }

  /** max w / min w over the named hypotheses: 1.0 tells them nothing apart. */
  static double diagnosticity(Question q, Map<String, Double> weights) {
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (String h : q.hypotheses()) {
      max = Math.max(max, weights.get(h));
      min = Math.min(min, weights.get(h));
    }
    return max / min;
  }

  /** The priors, normalised; uniform when the question gives none. */
  static Map<String, Double> priors(Question q) {
    List<String> all = q.weighed();
    Map<String, Double> out = new LinkedHashMap<>();
    double total = 0;
    for (String h : all) {
      total += q.priors().isEmpty() ? 1.0 : q.priors().get(h);
    }
    for (String h : all) {
      out.put(h, (q.priors().isEmpty() ? 1.0 : q.priors().get(h)) / total);
    }
    return out;
  }

  /** p(h) ∝ prior(h) · Π w(h), normalised over the weighed hypotheses. */
  static Map<String, Double> posteriors(Question q, List<Item> items) {
    return posteriors(q, priors(q), items);
  }

  static Map<String, Double> posteriors(Question q, Map<String, Double> priors, List<Item> items) {
    // Summed in logarithms: a thousand items of weight 4 would overflow a product.
    Map<String, Double> log = new LinkedHashMap<>();
    for (String h : q.weighed()) {
      log.put(h, Math.log(priors.get(h)));
    }
    for (Item i : items) {
      weights(q, i).forEach((h, w) -> log.merge(h, Math.log(w), Double::sum));
    }
    double top = log.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double total = 0;
    Map<String, Double> out = new LinkedHashMap<>();
    for (var e : log.entrySet()) {
      double v = Math.exp(e.getValue() - top);
      out.put(e.getKey(), v);
      total += v;
    }
    double sum = total;
    out.replaceAll((h, v) -> v / sum);
    return out;
  }

  /**
   * The leader is the top named hypothesis (the first named, on a tie); the runner-up the top of
   * the rest, "other" included. The question FAVOURS its leader when the leader's posterior is at
   * least {@code odds} times the runner-up's.
   */
  static Judgement judge(Question q, Map<String, Double> posteriors, double odds) {
    String leader = null;
    for (String h : q.hypotheses()) {
      if (leader == null || posteriors.get(h) > posteriors.get(leader)) {
        leader = h;
      }
    }
    String runnerUp = null;
    for (String h : q.weighed()) {
      if (!h.equals(leader) && (runnerUp == null || posteriors.get(h) > posteriors.get(runnerUp))) {
        runnerUp = h;
      }
    }
    // The leader's posterior is at least 1/n; only the runner-up's can underflow to 0, and then
    // the leader is as far ahead as a double can say (JSON holds no infinity).
    double ratio =
        posteriors.get(runnerUp) > 0
            ? posteriors.get(leader) / posteriors.get(runnerUp)
            : Double.MAX_VALUE;
    boolean favours = ratio >= odds;
    boolean incomplete =
        !favours && !q.closed() && posteriors.get(Question.OTHER) > posteriors.get(leader);
    return new Judgement(
        favours ? QuestionVerdict.Decision.FAVOURS : QuestionVerdict.Decision.UNDECIDED,
        incomplete,
        leader,
        runnerUp,
        ratio,
        posteriors);
  }

  static Judgement judge(Question q, List<Item> items, double odds) {
    return judge(q, posteriors(q, items), odds);
  }
}
