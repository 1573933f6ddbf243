package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.util.List;
import java.util.Map;

/**
 * A question that rival theses answer: its hypotheses are weighed against each other (and, unless
 * the question is closed, against "none of these").
 *
 * @param hypotheses the thesis ids, as written
 * @param priors positive weights by hypothesis id ({@link #OTHER} included), as written; empty for
 *     uniform priors
 * @param closed whether the hypotheses are the only possible answers (no {@link #OTHER})
 * @param hypothesisAt where each hypothesis id is written, in the same order
 */
public record Question(
    String id,
    String title,
    String claim,
    String source,
    List<String> hypotheses,
    Map<String, Double> priors,
    boolean closed,
    Location location,
    List<Location> hypothesisAt,
    Location priorsAt) {

  /** The id of the hypothesis "none of these", which an open question has. */
  public static final String OTHER = "other";

  public Question {
    hypotheses = List.copyOf(hypotheses);
    priors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(priors));
    hypothesisAt = List.copyOf(hypothesisAt);
  }

  /** The hypotheses weighed: the named ones, then {@link #OTHER} unless the question is closed. */
  public List<String> weighed() {
    if (closed) {
      return hypotheses;
    }
    List<String> all = new java.util.ArrayList<>(hypotheses);
    all.add(OTHER);
    return List.copyOf(all);
  }

  public Location hypothesisAt(int i) {
    return i < hypothesisAt.size() ? hypothesisAt.get(i) : location;
  }
}
