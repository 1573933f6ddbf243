package dev.thesis.scenario;

import dev.thesis.diag.Diagnostic;
import dev.thesis.facts.Corpus;
import dev.thesis.facts.FactRecord;
import dev.thesis.facts.Question;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expectations that name what does not exist can never fail ({@code absent} of a misspelt type is
 * always true), so they are errors: types and fields must be declared, the facts a conclusion must
 * not rest on must be the corpus's, and questions and their hypotheses must be the corpus's.
 */
final class Expectations {
  private Expectations() {}

  static List<Diagnostic> validate(Scenario s, Schema schema, Corpus corpus) {
    Set<String> factIds = new HashSet<>();
    for (FactRecord f : corpus.facts()) {
      factIds.add(f.id());
    }
    List<Diagnostic> out = new ArrayList<>();
    Set<String> unknownQuestions = new HashSet<>();
    for (Expectation e : s.expectations()) {
      if (e instanceof Expectation.Exists x) {
        pattern(x.pattern(), x, schema, out);
      } else if (e instanceof Expectation.Absent x) {
        pattern(x.pattern(), x, schema, out);
      } else if (e instanceof Expectation.RestsOn x) {
        pattern(x.pattern(), x, schema, out);
        // "Does not rest on" an unknown fact would always hold; "rests on" one simply fails.
        for (String id : x.notRestsOn()) {
          if (!factIds.contains(id)) {
            out.add(
                Diagnostic.error(x.location(), "no fact \"" + id + "\" in this scenario's facts"));
          }
        }
      } else if (e instanceof Expectation.QuestionIs x) {
        question(x.question(), x, corpus, unknownQuestions, out);
      } else if (e instanceof Expectation.LeaderIs x) {
        Question q = question(x.question(), x, corpus, unknownQuestions, out);
        if (q != null && !q.hypotheses().contains(x.leader())) {
          out.add(
              Diagnostic.error(
                  x.location(),
                  x.leader().equals(Question.OTHER)
                      ? "the leader is a named hypothesis, never \"other\""
                      : notAHypothesis(x.leader(), q, q.hypotheses())));
        }
      } else if (e instanceof Expectation.Posterior x) {
        Question q = question(x.question(), x, corpus, unknownQuestions, out);
        if (q != null && !q.weighed().contains(x.hypothesis())) {
          out.add(
              Diagnostic.error(
                  x.location(),
                  x.hypothesis().equals(Question.OTHER)
                      ? "question \"" + q.id() + "\" is closed: it weighs no \"other\""
                      : notAHypothesis(x.hypothesis(), q, q.weighed())));
        }
      }
    }
    return out;
  }

  /**
   * The question an expectation names, or null after an error (given once per unknown question, at
   * its first expectation).
   */
  private static Question question(
      String id, Expectation e, Corpus corpus, Set<String> unknown, List<Diagnostic> out) {
    Question q = corpus.question(id).orElse(null);
    if (q == null && unknown.add(id)) {
      List<String> known = corpus.questions().stream().map(Question::id).toList();
      out.add(
          Diagnostic.error(
              e.location(),
              "no question \""
                  + id
                  + "\" in this scenario's facts"
                  + (known.isEmpty() ? "" : " (questions: " + String.join(", ", known) + ")")));
    }
    return q;
  }

  private static String notAHypothesis(String h, Question q, List<String> allowed) {
    return "\""
        + h
        + "\" is not a hypothesis of question \""
        + q.id()
        + "\" (hypotheses: "
        + String.join(", ", allowed)
        + ")";
  }

  private static void pattern(
      ConclusionPattern p, Expectation e, Schema schema, List<Diagnostic> out) {
    DeclaredType type = schema.type(p.type()).orElse(null);
    if (type == null) {
      out.add(Diagnostic.error(e.location(), "no type " + p.type() + " is declared in the rules"));
      return;
    }
    for (String field : p.fields().keySet()) {
      if (type.field(field).isEmpty()) {
        out.add(
            Diagnostic.error(
                e.location(),
                p.type()
                    + " has no field \""
                    + field
                    + "\" (fields: "
                    + String.join(
                        ", ", type.fields().stream().map(DeclaredType.Field::name).toList())
                    + ")"));
      }
    }
  }
}
