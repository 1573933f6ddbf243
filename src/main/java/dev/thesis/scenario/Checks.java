package dev.thesis.scenario;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.Tension;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.RuleShape;
import dev.thesis.trace.Conclusion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Checks an expectation against an evaluation; a failure says what was found instead. */
final class Checks {
  private static final int CANDIDATES = 3;

  private Checks() {}

  /** Empty when the expectation holds. */
  static Optional<Failure> check(Expectation e, EvaluationResult r) {
    if (e instanceof Expectation.Exists x) {
      return exists(x, r);
    } else if (e instanceof Expectation.Absent x) {
      return absent(x, r);
    } else if (e instanceof Expectation.VerdictIs x) {
      return verdict(x, r);
    } else if (e instanceof Expectation.Score x) {
      return score(x, r);
    } else if (e instanceof Expectation.TensionBetween x) {
      return tension(x, r);
    } else if (e instanceof Expectation.RestsOn x) {
      return restsOn(x, r);
    } else if (e instanceof Expectation.QuestionIs x) {
      return question(x, x.question(), r, q -> q.verdict() == x.verdict(), Checks::standing);
    } else if (e instanceof Expectation.LeaderIs x) {
      return question(
          x,
          x.question(),
          r,
          q -> q.leader().equals(x.leader()),
          q -> "led by " + q.leader() + " (" + posteriors(q) + ")");
    } else if (e instanceof Expectation.Posterior x) {
      return question(
          x,
          x.question(),
          r,
          q -> within(posterior(q, x.hypothesis()), x.min(), x.max()),
          q ->
              String.format(
                  Locale.ROOT,
                  "posterior of %s is %.4f",
                  x.hypothesis(),
                  posterior(q, x.hypothesis())));
    }
    throw new IllegalArgumentException("unknown expectation " + e);
  }

  private static Optional<Failure> exists(Expectation.Exists x, EvaluationResult r) {
    if (r.conclusions().stream().anyMatch(x.pattern()::matches)) {
      return Optional.empty();
    }
    List<Conclusion> sameType =
        r.conclusions().stream().filter(c -> c.type().equals(x.pattern().type())).toList();
    if (sameType.isEmpty()) {
      return Optional.of(
          new Failure(
              x,
              "no " + x.pattern().type() + " was derived" + creators(x.pattern().type(), r),
              List.of()));
    }
    List<String> nearest =
        sameType.stream()
            .sorted(
                Comparator.comparingInt((Conclusion c) -> -x.pattern().matchingFields(c))
                    .thenComparing(Conclusion::id))
            .limit(CANDIDATES)
            .map(Checks::describe)
            .toList();
    return Optional.of(
        new Failure(
            x,
            "no conclusion matches; "
                + sameType.size()
                + " other "
                + x.pattern().type()
                + " derived",
            nearest));
  }

  /** Which rules could have created the type, and how often they fired. */
  private static String creators(String type, EvaluationResult r) {
    List<String> out = new ArrayList<>();
    for (RuleShape s : r.rules().shapes()) {
      if (s.creates().contains(type)) {
        RuleInfo info =
            r.rules().rules().stream()
                .filter(i -> i.name().equals(s.name()))
                .findFirst()
                .orElse(null);
        int fired = info == null ? 0 : r.firings(info);
        out.add(
            "\""
                + s.name()
                + "\" ("
                + s.location().file()
                + ":"
                + s.location().line()
                + ") fired "
                + fired
                + (fired == 1 ? " time" : " times"));
      }
    }
    return out.isEmpty()
        ? "; no rule creates one"
        : "; rules that create it: " + String.join(", ", out);
  }

  private static Optional<Failure> absent(Expectation.Absent x, EvaluationResult r) {
    List<Conclusion> found = r.conclusions().stream().filter(x.pattern()::matches).toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Failure(
            x,
            found.size() + " matching conclusion(s) derived",
            found.stream()
                .limit(CANDIDATES)
                .map(
                    c ->
                        describe(c)
                            + " by rule \""
                            + c.justifications().get(0).rule().name()
                            + "\"")
                .toList()));
  }

  private static Optional<Failure> verdict(Expectation.VerdictIs x, EvaluationResult r) {
    Optional<ThesisVerdict> v = r.verdict(x.thesis());
    if (v.isEmpty()) {
      return Optional.of(new Failure(x, "no thesis \"" + x.thesis() + "\"", List.of()));
    }
    if (v.get().verdict() == x.verdict()) {
      return Optional.empty();
    }
    return Optional.of(
        new Failure(
            x,
            String.format(
                Locale.ROOT,
                "%s (support %.4f, opposition %.4f)",
                v.get().verdict(),
                v.get().support(),
                v.get().opposition()),
            List.of()));
  }

  private static Optional<Failure> score(Expectation.Score x, EvaluationResult r) {
    Optional<ThesisVerdict> v = r.verdict(x.thesis());
    if (v.isEmpty()) {
      return Optional.of(new Failure(x, "no thesis \"" + x.thesis() + "\"", List.of()));
    }
    // Compared at report.json's precision, so a bound copied from a report holds exactly.
    double value =
        Math.round((x.side().equals("support") ? v.get().support() : v.get().opposition()) * 1e4)
            / 1e4;
    boolean ok = (x.min() == null || value >= x.min()) && (x.max() == null || value <= x.max());
    return ok
        ? Optional.empty()
        : Optional.of(
            new Failure(x, String.format(Locale.ROOT, "%s is %.4f", x.side(), value), List.of()));
  }

  /** A question expectation: {@code holds} of the question, else what {@code found} says. */
  private static Optional<Failure> question(
      Expectation x,
      String id,
      EvaluationResult r,
      Predicate<QuestionVerdict> holds,
      Function<QuestionVerdict, String> found) {
    Optional<QuestionVerdict> q = r.question(id);
    if (q.isEmpty()) {
      return Optional.of(new Failure(x, "no question \"" + id + "\"", List.of()));
    }
    return holds.test(q.get())
        ? Optional.empty()
        : Optional.of(new Failure(x, found.apply(q.get()), List.of()));
  }

  /** "UNDECIDED (leader defence, odds 1.7200; posterior bubble 0.1905, ...)". */
  private static String standing(QuestionVerdict q) {
    return String.format(
        Locale.ROOT,
        "%s (leader %s, odds %.4f; %s)",
        q.verdict(),
        q.leader(),
        q.odds(),
        posteriors(q));
  }

  private static String posteriors(QuestionVerdict q) {
    return "posterior "
        + q.posteriors().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
  }

  /** At report.json's precision, so a bound copied from a report holds exactly. */
  private static double posterior(QuestionVerdict q, String hypothesis) {
    return Math.round(q.posteriors().get(hypothesis) * 1e4) / 1e4;
  }

  private static boolean within(double v, Double min, Double max) {
    return (min == null || v >= min) && (max == null || v <= max);
  }

  private static Optional<Failure> tension(Expectation.TensionBetween x, EvaluationResult r) {
    for (Tension t : r.tensions()) {
      if (t.a().equals(x.a()) && t.b().equals(x.b())) {
        return Optional.empty();
      }
    }
    String found =
        r.tensions().isEmpty()
            ? "no tensions"
            : "tensions: "
                + r.tensions().stream()
                    .map(t -> t.a() + " <> " + t.b())
                    .collect(Collectors.joining(", "));
    List<String> verdicts = new ArrayList<>();
    r.verdict(x.a()).ifPresent(v -> verdicts.add(x.a() + " is " + v.verdict()));
    r.verdict(x.b()).ifPresent(v -> verdicts.add(x.b() + " is " + v.verdict()));
    return Optional.of(new Failure(x, found, verdicts));
  }

  private static Optional<Failure> restsOn(Expectation.RestsOn x, EvaluationResult r) {
    List<Conclusion> matches = r.conclusions().stream().filter(x.pattern()::matches).toList();
    if (matches.isEmpty()) {
      return exists(new Expectation.Exists(x.pattern(), x.location()), r)
          .map(f -> new Failure(x, f.found(), f.candidates()));
    }
    List<String> problems = new ArrayList<>();
    for (Conclusion c : matches) {
      Set<String> facts = r.factsUnder(c.id());
      Set<String> sources = new TreeSet<>();
      facts.forEach(f -> r.fact(f).ifPresent(b -> sources.add(b.record().source())));
      List<String> wrong = new ArrayList<>();
      if (x.minSources() != null && sources.size() < x.minSources()) {
        wrong.add("on " + sources.size() + " source(s) " + sources);
      }
      List<String> missing = x.restsOn().stream().filter(f -> !facts.contains(f)).toList();
      if (!missing.isEmpty()) {
        wrong.add("not on " + String.join(", ", missing));
      }
      List<String> present = x.notRestsOn().stream().filter(facts::contains).toList();
      if (!present.isEmpty()) {
        wrong.add("on " + String.join(", ", present));
      }
      if (!wrong.isEmpty()) {
        problems.add(
            c.id()
                + " rests "
                + String.join("; ", wrong)
                + " (facts: "
                + String.join(", ", facts)
                + ")");
      }
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Failure(
                x,
                problems.get(0),
                problems.subList(1, Math.min(problems.size(), CANDIDATES + 1))));
  }

  private static String describe(Conclusion c) {
    return c.id()
        + " "
        + c.type()
        + c.fields().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
  }
}
