package dev.thesis.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two evaluations: conclusions gained and lost, theses whose verdict or scores
 * moved, questions whose verdict, leader or posteriors moved, tensions that appeared or dissolved.
 */
public record EvaluationDelta(
    List<String> gained,
    List<String> lost,
    List<ThesisChange> theses,
    List<QuestionChange> questions,
    List<Tension> tensionsAppeared,
    List<Tension> tensionsDissolved,
    List<String> thesesAdded,
    List<String> thesesRemoved,
    List<String> questionsAdded,
    List<String> questionsRemoved) {

  /**
   * A thesis whose verdict, support or opposition moved (at report precision); for a hypothesis of
   * a question, whose verdict or posterior moved.
   *
   * @param posteriorBefore null outside questions (and so is {@code posteriorAfter})
   */
  public record ThesisChange(
      String thesis,
      Verdict before,
      Verdict after,
      double supportBefore,
      double supportAfter,
      double oppositionBefore,
      double oppositionAfter,
      Double posteriorBefore,
      Double posteriorAfter) {
    public boolean verdictMoved() {
      return before != after;
    }

    /** Whether the thesis is weighed in a question (in either evaluation). */
    public boolean hypothesis() {
      return posteriorBefore != null || posteriorAfter != null;
    }
  }

  /**
   * A question in both evaluations whose verdict, leader or some posterior moved (at report
   * precision).
   *
   * @param posteriorsBefore by weighed hypothesis, as {@link QuestionVerdict#posteriors()}
   */
  public record QuestionChange(
      String question,
      QuestionVerdict.Decision before,
      QuestionVerdict.Decision after,
      String leaderBefore,
      String leaderAfter,
      Map<String, Double> posteriorsBefore,
      Map<String, Double> posteriorsAfter) {
    public boolean verdictMoved() {
      return before != after;
    }

    public boolean leaderMoved() {
      return !leaderBefore.equals(leaderAfter);
    }
  }

  public boolean isEmpty() {
    return gained.isEmpty()
        && lost.isEmpty()
        && theses.isEmpty()
        && questions.isEmpty()
        && questionsAdded.isEmpty()
        && questionsRemoved.isEmpty()
        && tensionsAppeared.isEmpty()
        && tensionsDissolved.isEmpty()
        && thesesAdded.isEmpty()
        && thesesRemoved.isEmpty();
  }

  public static EvaluationDelta between(EvaluationResult before, EvaluationResult after) {
    TreeSet<String> was = new TreeSet<>();
    before.conclusions().forEach(c -> was.add(c.id()));
    TreeSet<String> is = new TreeSet<>();
    after.conclusions().forEach(c -> is.add(c.id()));
    List<String> gained = is.stream().filter(id -> !was.contains(id)).toList();
    List<String> lost = was.stream().filter(id -> !is.contains(id)).toList();

    Map<String, ThesisVerdict> old = new HashMap<>();
    before.verdicts().forEach(v -> old.put(v.thesis().id(), v));
    List<ThesisChange> theses = new ArrayList<>();
    List<String> added = new ArrayList<>();
    Set<String> now = new java.util.HashSet<>();
    for (ThesisVerdict v : after.verdicts()) {
      now.add(v.thesis().id());
      ThesisVerdict o = old.get(v.thesis().id());
      if (o == null) {
        added.add(v.thesis().id());
      }
      Verdict vb = o == null ? Verdict.UNSUPPORTED : o.verdict();
      double sb = o == null ? 0 : o.support();
      double ob = o == null ? 0 : o.opposition();
      Double pb = o == null ? null : o.posterior();
      boolean hypothesis = pb != null || v.posterior() != null;
      // A hypothesis is weighed by its posterior; its noisy-OR sums decide nothing.
      boolean moved =
          hypothesis
              ? pb == null || v.posterior() == null || round(pb) != round(v.posterior())
              : round(sb) != round(v.support()) || round(ob) != round(v.opposition());
      if (vb != v.verdict() || moved) {
        theses.add(
            new ThesisChange(
                v.thesis().id(),
                vb,
                v.verdict(),
                sb,
                v.support(),
                ob,
                v.opposition(),
                pb,
                v.posterior()));
      }
    }
    List<String> removed = old.keySet().stream().filter(id -> !now.contains(id)).sorted().toList();
    Map<String, QuestionVerdict> oldQuestions = new HashMap<>();
    before.questions().forEach(q -> oldQuestions.put(q.id(), q));
    Set<String> nowQuestions = new java.util.HashSet<>();
    List<QuestionChange> questions = new ArrayList<>();
    List<String> questionsAdded = new ArrayList<>();
    for (QuestionVerdict q : after.questions()) {
      nowQuestions.add(q.id());
      QuestionVerdict o = oldQuestions.get(q.id());
      if (o == null) {
        questionsAdded.add(q.id());
      } else if (o.verdict() != q.verdict()
          || !o.leader().equals(q.leader())
          || !rounded(o.posteriors()).equals(rounded(q.posteriors()))) {
        questions.add(
            new QuestionChange(
                q.id(),
                o.verdict(),
                q.verdict(),
                o.leader(),
                q.leader(),
                o.posteriors(),
                q.posteriors()));
      }
    }
    return new EvaluationDelta(
        gained,
        lost,
        theses,
        questions,
        minus(after.tensions(), before.tensions()),
        minus(before.tensions(), after.tensions()),
        added,
        removed,
        questionsAdded,
        oldQuestions.keySet().stream().filter(id -> !nowQuestions.contains(id)).sorted().toList());
  }

  private static Map<String, Double> rounded(Map<String, Double> posteriors) {
    Map<String, Double> out = new HashMap<>();
    posteriors.forEach((h, p) -> out.put(h, round(p)));
    return out;
  }

  private static List<Tension> minus(List<Tension> a, List<Tension> b) {
    return a.stream()
        .filter(t -> b.stream().noneMatch(u -> u.a().equals(t.a()) && u.b().equals(t.b())))
        .toList();
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
