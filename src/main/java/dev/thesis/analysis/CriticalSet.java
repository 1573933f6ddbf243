package dev.thesis.analysis;

import java.util.List;

/**
 * Facts whose removal together (and not of any part alone) changes a thesis's verdict, and to what.
 */
public record CriticalSet(List<String> facts, Verdict flipsTo) {
  public CriticalSet {
    facts = List.copyOf(facts);
  }
}
