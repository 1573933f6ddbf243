package dev.thesis.scenario;

import java.util.List;

/** An expectation that did not hold: what was found instead, and the nearest candidates. */
public record Failure(Expectation expectation, String found, List<String> candidates) {
  public Failure {
    candidates = List.copyOf(candidates);
  }
}
