package dev.thesis.scenario;

import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.Verdict;
import dev.thesis.diag.Location;
import java.util.List;

/** One thing a scenario expects of its evaluation. */
public sealed interface Expectation {

  /** Where the expectation is written. */
  Location location();

  /** What is expected, in words. */
  String describe();

  /** A conclusion matching the pattern must exist. */
  record Exists(ConclusionPattern pattern, Location location) implements Expectation {
    @Override
    public String describe() {
      return "conclusion " + pattern + " exists";
    }
  }

  /** No conclusion may match the pattern. */
  record Absent(ConclusionPattern pattern, Location location) implements Expectation {
    @Override
    public String describe() {
      return "no conclusion " + pattern;
    }
  }

  /** "min <= what <= max", leaving out a missing bound. */
  private static String bounded(Double min, String what, Double max) {
    return (min == null ? "" : min + " <= ") + what + (max == null ? "" : " <= " + max);
  }

  /** A thesis has this verdict. */
  record VerdictIs(String thesis, Verdict verdict, Location location) implements Expectation {
    @Override
    public String describe() {
      return "thesis " + thesis + " is " + verdict;
    }
  }

  /** A thesis's support or opposition lies within bounds (inclusive; a missing bound is open). */
  record Score(String thesis, String side, Double min, Double max, Location location)
      implements Expectation {
    @Override
    public String describe() {
      return Expectation.bounded(min, side + " of " + thesis, max);
    }
  }

  /** A question comes to this verdict. */
  record QuestionIs(String question, QuestionVerdict.Decision verdict, Location location)
      implements Expectation {
    @Override
    public String describe() {
      return verdict == QuestionVerdict.Decision.FAVOURS
          ? "question " + question + " FAVOURS its leader"
          : "question " + question + " is " + verdict;
    }
  }

  /** A question's top named hypothesis is this one. */
  record LeaderIs(String question, String leader, Location location) implements Expectation {
    @Override
    public String describe() {
      return "question " + question + " is led by " + leader;
    }
  }

  /**
   * A hypothesis's posterior in a question lies within bounds (inclusive; a missing bound is open).
   */
  record Posterior(String question, String hypothesis, Double min, Double max, Location location)
      implements Expectation {
    @Override
    public String describe() {
      return Expectation.bounded(
          min, "posterior of " + hypothesis + " in question " + question, max);
    }
  }

  /** Two rival theses are reported as a tension. */
  record TensionBetween(String a, String b, Location location) implements Expectation {
    @Override
    public String describe() {
      return "tension between " + a + " and " + b;
    }
  }

  /**
   * A conclusion's explanation: the facts it rests on (transitively, through every justification)
   * come from at least {@code minSources} sources, include {@code restsOn} and exclude {@code
   * notRestsOn}.
   */
  record RestsOn(
      ConclusionPattern pattern,
      Integer minSources,
      List<String> restsOn,
      List<String> notRestsOn,
      Location location)
      implements Expectation {
    public RestsOn {
      restsOn = List.copyOf(restsOn);
      notRestsOn = List.copyOf(notRestsOn);
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("conclusion " + pattern + " rests on");
      if (minSources != null) {
        sb.append(" facts from at least ").append(minSources).append(" source(s)");
      }
      if (!restsOn.isEmpty()) {
        sb.append(minSources == null ? "" : ",").append(" ").append(String.join(", ", restsOn));
      }
      if (!notRestsOn.isEmpty()) {
        sb.append(" and not on ").append(String.join(", ", notRestsOn));
      }
      return sb.toString();
    }
  }
}
