package dev.thesis.facts;

import java.util.List;
import java.util.Optional;

/** Everything read from the fact files: sources, theses and facts, in file order. */
public record Corpus(List<Source> sources, List<Thesis> theses, List<FactRecord> facts) {

  public Corpus {
    sources = List.copyOf(sources);
    theses = List.copyOf(theses);
    facts = List.copyOf(facts);
  }

  public Optional<Source> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Thesis> thesis(String id) {
    return theses.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
