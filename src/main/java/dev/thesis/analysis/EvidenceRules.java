package dev.thesis.analysis;

import dev.thesis.facts.Corpus;
import dev.thesis.facts.Question;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleBook;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Stance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a rule book that bear on the corpus's questions, resolved once: {@code @question}
 * rules whose question and rated ids exist (the linter reports the others), and {@code @thesis}
 * rules whose thesis is a hypothesis of a question, read as {@code @rates("thesis: C")} when they
 * support it and {@code "thesis: I"} when they oppose it.
 */
public final class EvidenceRules {
  private final Map<String, List<EvidenceRule>> byQuestion = new LinkedHashMap<>();
  private final Map<String, EvidenceRule> byRule = new HashMap<>();
  private final List<Question> questions;

  private EvidenceRules(List<Question> questions) {
    this.questions = List.copyOf(questions);
  }

  public static EvidenceRules of(RuleBook rules, Corpus corpus) {
    EvidenceRules out = new EvidenceRules(corpus.questions());
    Map<String, Question> questionOfThesis = new HashMap<>();
    for (Question q : corpus.questions()) {
      out.byQuestion.put(q.id(), new ArrayList<>());
      q.hypotheses().forEach(h -> questionOfThesis.putIfAbsent(h, q));
    }
    for (RuleInfo r : rules.rules()) {
      resolve(r, corpus, questionOfThesis)
          .ifPresent(
              e -> {
                out.byQuestion.get(e.question().id()).add(e);
                out.byRule.put(r.qualifiedName(), e);
              });
    }
    return out;
  }

  static Optional<EvidenceRule> resolve(
      RuleInfo r, Corpus corpus, Map<String, Question> questionOfThesis) {
    Question q;
    Map<String, Rating> given = new HashMap<>();
    if (r.ratesQuestion()) {
      q = corpus.question(r.rates().question()).orElse(null);
      if (q == null) {
        return Optional.empty();
      }
      for (String h : r.rates().ratings().keySet()) {
        boolean known = q.hypotheses().contains(h) || (!q.closed() && h.equals(Question.OTHER));
        if (!known) {
          return Optional.empty();
        }
      }
      given.putAll(r.rates().ratings());
    } else if (r.argues() && r.stance() != null && questionOfThesis.containsKey(r.thesis())) {
      q = questionOfThesis.get(r.thesis());
      given.put(r.thesis(), r.stance() == Stance.SUPPORTS ? Rating.C : Rating.I);
    } else {
      return Optional.empty();
    }
    Map<String, Rating> ratings = new LinkedHashMap<>();
    List<String> unrated = new ArrayList<>();
    for (String h : q.weighed()) {
      if (given.containsKey(h)) {
        ratings.put(h, given.get(h));
      } else if (!h.equals(Question.OTHER)) {
        unrated.add(h);
      }
    }
    return Optional.of(new EvidenceRule(r, q, ratings, unrated));
  }

  public List<Question> questions() {
    return questions;
  }

  /** The evidence rules of a question, in rule-book order (package, then name). */
  public List<EvidenceRule> of(String questionId) {
    return byQuestion.getOrDefault(questionId, List.of());
  }

  /** The evidence rule a rule is, if it bears on a question. */
  public Optional<EvidenceRule> rule(String qualifiedName) {
    return Optional.ofNullable(byRule.get(qualifiedName));
  }

  public boolean isEmpty() {
    return byRule.isEmpty();
  }

  /**
   * Whether no rule of the question rates this hypothesis I or II: nothing could count against it.
   */
  public boolean untested(String questionId, String hypothesis) {
    return of(questionId).stream()
        .map(e -> e.ratingOf(hypothesis))
        .noneMatch(x -> x == Rating.I || x == Rating.II);
  }
}
