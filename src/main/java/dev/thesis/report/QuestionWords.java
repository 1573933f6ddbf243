package dev.thesis.report;

import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.facts.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A question's figures in words, shared by the terminal, report.md, report.html and {@code
 * explain}, so that the four say the same thing the same way.
 */
final class QuestionWords {
  private QuestionWords() {}

  /**
   * {@code FAVOURS defence: odds 3.20 against other (3.00 needed)} or {@code UNDECIDED: defence
   * leads other, odds 1.72 (3.00 needed)}.
   */
  static String verdict(QuestionVerdict q, double needed) {
    String odds = "odds " + Numbers.two(q.odds());
    String s =
        q.verdict() == QuestionVerdict.Decision.FAVOURS
            ? "FAVOURS " + q.leader() + ": " + odds + " against " + q.runnerUp()
            : "UNDECIDED: " + q.leader() + " leads " + q.runnerUp() + ", " + odds;
    s += " (" + Numbers.two(needed) + " needed)";
    return q.incomplete() ? s + "; incomplete: " + Question.OTHER + " leads" : s;
  }

  /**
   * What the prior shift means: how far the leader's prior odds against the runner-up would have to
   * move for the verdict to change.
   */
  static String priorShift(QuestionVerdict q) {
    String f = Numbers.two(q.priorShift());
    return q.verdict() == QuestionVerdict.Decision.FAVOURS
        ? "It holds until the prior odds of "
            + q.leader()
            + " against "
            + q.runnerUp()
            + " fall to "
            + f
            + " times what they are."
        : "It would favour "
            + q.leader()
            + " were the prior odds of "
            + q.leader()
            + " against "
            + q.runnerUp()
            + " "
            + f
            + " times what they are.";
  }

  /**
   * An item's ratings as written, named hypotheses in the question's order, then "other" when the
   * rule rates it: {@code bubble I, defence C}; a hypothesis the rule leaves out is "unrated".
   */
  static String ratings(QuestionVerdict q, QuestionVerdict.Evidence e) {
    List<String> out = new ArrayList<>();
    for (String h : q.question().weighed()) {
      String r = cell(e, h);
      if (r != null) {
        out.add(h + " " + r);
      }
    }
    return String.join(", ", out);
  }

  /** A cell's rating: CC..II, "unrated", or null for an "other" the rule does not rate. */
  static String cell(QuestionVerdict.Evidence e, String h) {
    if (e.ratings().containsKey(h)) {
      return e.ratings().get(h).name();
    }
    return e.unrated().contains(h) ? "unrated" : null;
  }

  /** An item that weighs every named hypothesis the same tells them nothing apart. */
  static boolean nonDiagnostic(QuestionVerdict.Evidence e) {
    return e.diagnosticity() <= 1.0 + 1e-9;
  }

  /**
   * {@code "Round trips fit both" rating bubble C -> N => FAVOURS defence}, or {@code without "A
   * defensive deal" => UNDECIDED (bubble leads)}.
   */
  static String linchpin(QuestionVerdict.Linchpin l) {
    String change =
        l.change() == QuestionVerdict.Change.WITHOUT
            ? "without \"" + l.rule() + "\""
            : "\"" + l.rule() + "\" rating " + l.hypothesis() + " " + l.from() + " -> " + l.to();
    return change + " => " + outcome(l.verdict(), l.leader());
  }

  static String outcome(QuestionVerdict.Decision d, String leader) {
    return d == QuestionVerdict.Decision.FAVOURS
        ? "FAVOURS " + leader
        : "UNDECIDED (" + leader + " leads)";
  }

  /**
   * How much a rule that did not fire would move the odds of the leader against the runner-up, had
   * it fired with full confidence: 2 to the power of its discrimination.
   */
  static String factor(QuestionVerdict.Next n) {
    return "x"
        + String.format(Locale.ROOT, "%.0f", Math.pow(2, n.discrimination()))
        + (n.favours() == null ? "" : " for " + n.favours());
  }

  /** What an item that shares premises with others is warned of; null when it shares none. */
  static String sharesWith(QuestionVerdict.Evidence e) {
    if (e.sharesPremisesWith() == null || e.sharesPremisesWith().isEmpty()) {
      return null;
    }
    return "rests on facts it shares with \""
        + String.join("\", \"", e.sharesPremisesWith())
        + "\", yet counted as independent";
  }

  /**
   * A warning per pair of items that rest on some of the same facts (each pair once, in evidence
   * order): the arithmetic multiplies their weights as if they were independent.
   */
  static List<String> sharedPremises(QuestionVerdict q) {
    List<String> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (QuestionVerdict.Evidence e : q.evidence()) {
      if (e.sharesPremisesWith() == null) {
        continue; // not known without explanations
      }
      for (String other : e.sharesPremisesWith()) {
        if (!seen.contains(other)) {
          out.add(
              "\""
                  + e.rule().name()
                  + "\" and \""
                  + other
                  + "\" share facts, yet are counted as independent");
        }
      }
      seen.add(e.rule().name());
    }
    return out;
  }
}
