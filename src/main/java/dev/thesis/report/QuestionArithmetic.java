package dev.thesis.report;

import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.facts.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a question's posteriors were reached, with the figures the run used: each hypothesis's prior
 * times the discounted weight of every evidence item (the matrix's column), then the products
 * normalised. The same arithmetic as the analysis's, worked forwards so a reader can redo it.
 *
 * @param products by weighed hypothesis, prior times the weights, before normalising
 * @param sum of the products
 */
record QuestionArithmetic(
    Map<String, Double> priors, Map<String, Double> products, double sum, List<String> lines) {

  static QuestionArithmetic of(QuestionVerdict q) {
    Question question = q.question();
    Map<String, Double> priors = priors(question);
    Map<String, Double> products = new LinkedHashMap<>();
    List<String> steps = new ArrayList<>();
    for (String h : question.weighed()) {
      double p = priors.get(h);
      StringBuilder s = new StringBuilder(h).append(' ').append(three(p));
      for (QuestionVerdict.Evidence e : q.evidence()) {
        double w = e.weights().get(h);
        p *= w;
        s.append(" \u00d7 ").append(Numbers.two(w));
      }
      products.put(h, p);
      steps.add(s.append(" = ").append(three(p)).toString());
    }
    double sum = products.values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> results = new ArrayList<>();
    // Past a thousand-odd items the plain product underflows (the analysis sums logarithms).
    boolean exact = sum > 0 && Double.isFinite(sum);
    products.forEach(
        (h, p) -> results.add(h + " " + Numbers.two(exact ? p / sum : q.posteriors().get(h))));
    String first =
        (q.evidence().isEmpty()
                ? "No evidence fired, so each posterior is its prior: "
                : "Prior \u00d7 the weight of each item, in the matrix's order"
                    + " (a weight is 1 + confidence \u00d7 (\u03bb \u2212 1), \u03bb = 4, 2, 1,"
                    + " 1/2, 1/4 for CC, C, N, I, II): ")
            + String.join("; ", steps)
            + ".";
    String second =
        "Each divided by their sum " + three(sum) + ": " + String.join(", ", results) + ".";
    return new QuestionArithmetic(priors, products, sum, List.of(first, second));
  }

  /** The priors as the question states them, normalised; uniform when it states none. */
  static Map<String, Double> priors(Question q) {
    Map<String, Double> out = new LinkedHashMap<>();
    double total = 0;
    for (String h : q.weighed()) {
      total += q.priors().isEmpty() ? 1.0 : q.priors().get(h);
    }
    for (String h : q.weighed()) {
      out.put(h, (q.priors().isEmpty() ? 1.0 : q.priors().get(h)) / total);
    }
    return out;
  }

  private static String three(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }
}
