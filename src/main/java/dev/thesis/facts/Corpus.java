package dev.thesis.facts;

import java.util.List;
import java.util.Optional;

/** Everything read from the fact files: sources, theses, facts and questions, in file order. */
public record Corpus(
    List<Source> sources, List<Thesis> theses, List<FactRecord> facts, List<Question> questions) {

  public Corpus {
    sources = List.copyOf(sources);
    theses = List.copyOf(theses);
    facts = List.copyOf(facts);
    questions = List.copyOf(questions);
  }

  /** A corpus without questions. */
  public Corpus(List<Source> sources, List<Thesis> theses, List<FactRecord> facts) {
    this(sources, theses, facts, List.of());
  }

  public Optional<Question> question(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** The question a thesis is a hypothesis of, if any. */
  public Optional<Question> questionOf(String thesisId) {
    return questions.stream().filter(q -> q.hypotheses().contains(thesisId)).findFirst();
  }

  public Optional<Source> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Thesis> thesis(String id) {
    return theses.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
