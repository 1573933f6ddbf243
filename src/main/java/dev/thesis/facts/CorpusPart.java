package dev.thesis.facts;

import java.util.List;

/** What one fact file, or one inline corpus, holds: mutable while it is read. */
public record CorpusPart(
    List<Source> sources, List<Thesis> theses, List<FactRecord> facts, List<Question> questions) {

  /** An empty part, to be filled. */
  public static CorpusPart empty() {
    return new CorpusPart(
        new java.util.ArrayList<>(),
        new java.util.ArrayList<>(),
        new java.util.ArrayList<>(),
        new java.util.ArrayList<>());
  }
}
