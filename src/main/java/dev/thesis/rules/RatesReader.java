package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import dev.thesis.diag.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Reads {@code @question("q") @rates("h1: C, h2: I")} off a compiled rule, reporting each problem
 * at the annotation, or at the rated entry, where it is written. Whether the question and its
 * hypotheses exist is for the linter to say: they live in the fact files.
 */
final class RatesReader {
  static final String CODE = "bad-rates";

  private RatesReader() {}

  static RuleInfo.Rates read(
      String pkg, Rule r, Location ruleAt, DrlOutline outline, List<Diagnostic> diagnostics) {
    Map<String, Object> meta = r.getMetaData();
    Object question = meta.get("question");
    Object rates = meta.get("rates");
    String rule = "rule \"" + r.getName() + "\": ";
    AnnotationSpot questionSpot = outline.annotation(pkg, r.getName(), "question");
    AnnotationSpot ratesSpot = outline.annotation(pkg, r.getName(), "rates");
    Location questionAt = questionSpot == null ? ruleAt : questionSpot.at();
    Location ratesAt = ratesSpot == null ? questionAt : ratesSpot.at();
    if (question == null) {
      if (rates != null) {
        diagnostics.add(error(ratesAt, rule + "@rates without @question: say which question"));
      }
      return null;
    }
    boolean ok = true;
    if (meta.get("thesis") != null) {
      diagnostics.add(
          error(
              questionAt,
              rule
                  + "@thesis and @question on one rule: a rule either argues one thesis or rates"
                  + " the hypotheses of one question"));
      ok = false;
    }
    String id = String.valueOf(question).strip();
    if (id.isEmpty()) {
      diagnostics.add(error(questionAt, rule + "@question needs a question id"));
      ok = false;
    }
    Map<String, Rating> ratings = new LinkedHashMap<>();
    Map<String, Location> ratedAt = new LinkedHashMap<>();
    if (rates != null) {
      ok &= parse(String.valueOf(rates), ratesSpot, ratesAt, rule, ratings, ratedAt, diagnostics);
    }
    return ok ? new RuleInfo.Rates(id, ratings, questionAt, ratedAt) : null;
  }

  /** Parses "h: R, h: R", reporting each bad entry at its column. */
  private static boolean parse(
      String value,
      AnnotationSpot spot,
      Location fallback,
      String rule,
      Map<String, Rating> ratings,
      Map<String, Location> ratedAt,
      List<Diagnostic> diagnostics) {
    boolean ok = true;
    int from = 0;
    while (from <= value.length()) {
      int comma = value.indexOf(',', from);
      int end = comma < 0 ? value.length() : comma;
      String entry = value.substring(from, end);
      int lead = entry.length() - entry.stripLeading().length();
      Location at = spot == null ? fallback : spot.valueColumn(from + lead);
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        if (comma >= 0 || from == 0) {
          diagnostics.add(
              error(at, rule + "@rates has an empty entry; write \"hypothesis: RATING, ...\""));
          ok = false;
        }
      } else {
        int colon = trimmed.indexOf(':');
        String hypothesis = colon < 0 ? trimmed : trimmed.substring(0, colon).strip();
        String rating = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
        if (colon < 0 || hypothesis.isEmpty()) {
          diagnostics.add(
              error(at, rule + "@rates entry \"" + trimmed + "\" is not \"hypothesis: RATING\""));
          ok = false;
        } else if (Rating.parse(rating).isEmpty()) {
          Location ratingAt =
              spot == null ? at : spot.valueColumn(from + entry.indexOf(':') + 1 + lead(entry));
          diagnostics.add(
              error(
                  ratingAt,
                  rule
                      + "\""
                      + rating
                      + "\" is no rating of \""
                      + hypothesis
                      + "\"; use CC, C, N, I or II (very consistent to very inconsistent)"));
          ok = false;
        } else if (ratings.putIfAbsent(hypothesis, Rating.parse(rating).get()) != null) {
          diagnostics.add(error(at, rule + "@rates rates \"" + hypothesis + "\" twice"));
          ok = false;
        } else {
          ratedAt.put(hypothesis, at);
        }
      }
      if (comma < 0) {
        break;
      }
      from = comma + 1;
    }
    return ok;
  }

  /** Spaces between the colon and the rating. */
  private static int lead(String entry) {
    String after = entry.substring(entry.indexOf(':') + 1);
    return after.length() - after.stripLeading().length();
  }

  private static Diagnostic error(Location at, String message) {
    return new Diagnostic(Severity.ERROR, at, message, CODE);
  }
}
