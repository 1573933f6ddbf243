package dev.thesis.scenario;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.Verdict;
import dev.thesis.facts.CorpusPart;
import dev.thesis.facts.InlineCorpus;
import dev.thesis.facts.KeyNoun;
import java.lang.annotation.Retention;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written (README, "Scenario tests"), for Jackson to bind: a key no record
 * declares, a value of the wrong kind or a {@link Required} key left out is refused there, at its
 * line and column. Absent lists and maps are empty; an absent {@code facts} stays null (the
 * file's).
 */
record ScenarioFile(String rules, List<String> facts, List<Entry> scenarios) {
  ScenarioFile {
    scenarios = orEmpty(scenarios);
  }

  @JsonClassDescription("a scenario")
  record Entry(
      @Required String name,
      String rules,
      List<String> facts,
      @JsonDeserialize(using = InlineCorpus.Deserializer.class) CorpusPart corpus,
      List<String> without,
      Expect expect) {
    Entry {
      without = orEmpty(without);
      expect = expect == null ? new Expect(null, null, null, null, null, null, null, null) : expect;
    }
  }

  @KeyNoun("expectation")
  record Expect(
      List<ConclusionPattern> conclusions,
      List<ConclusionPattern> absent,
      Map<String, Verdict> verdicts,
      Map<String, Bounds> support,
      Map<String, Bounds> opposition,
      List<List<String>> tensions,
      List<Explanation> explanations,
      Map<String, QuestionExpect> questions) {
    Expect {
      conclusions = orEmpty(conclusions);
      absent = orEmpty(absent);
      verdicts = verdicts == null ? Map.of() : verdicts;
      support = support == null ? Map.of() : support;
      opposition = opposition == null ? Map.of() : opposition;
      tensions = orEmpty(tensions);
      explanations = orEmpty(explanations);
      questions = questions == null ? Map.of() : questions;
    }
  }

  /**
   * What a question must come to: its verdict, its leader, posteriors within bounds (by weighed
   * hypothesis, "other" included); at least one of them.
   */
  @JsonClassDescription("a question expectation")
  record QuestionExpect(
      QuestionVerdict.Decision verdict, String leader, Map<String, Bounds> posterior) {
    QuestionExpect {
      posterior = posterior == null ? Map.of() : posterior;
    }
  }

  /** Support, opposition or a posterior within [min, max]; a bound left out is open. */
  record Bounds(Double min, Double max) {}

  @JsonClassDescription("an explanation expectation")
  record Explanation(
      @Required ConclusionPattern conclusion,
      Integer minSources,
      List<String> restsOn,
      List<String> notRestsOn) {
    Explanation {
      restsOn = orEmpty(restsOn);
      notRestsOn = orEmpty(notRestsOn);
    }
  }

  /** A key that must be given, and not as null. */
  @Retention(RUNTIME)
  @JacksonAnnotationsInside
  @JsonProperty(required = true)
  @JsonSetter(nulls = Nulls.FAIL)
  @interface Required {}

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
