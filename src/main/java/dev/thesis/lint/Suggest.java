package dev.thesis.lint;

import dev.thesis.diag.Nearest;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The "did you mean" tail of a finding about an id or value that is not there. */
final class Suggest {
  /** How many known ids a finding lists when none is near. */
  static final int LISTED = 8;

  private Suggest() {}

  /** {@code ; did you mean "x"?} when a known id is a few edits away, else nothing. */
  static String nearest(String typed, Collection<String> known) {
    return Nearest.didYouMean(typed, known, 3);
  }

  /**
   * The nearest, or else the known ids themselves (sorted, at most {@link #LISTED}): {@code
   * (questions: a, b)}; nothing when none is known.
   */
  static String among(String typed, Collection<String> known, String plural) {
    String near = nearest(typed, known);
    if (!near.isEmpty() || known.isEmpty()) {
      return near;
    }
    return " (" + plural + ": " + capped(known) + ")";
  }

  /** Sorted, at most {@link #LISTED}, then "and N more". */
  static String capped(Collection<String> values) {
    return dev.thesis.diag.Listing.firstOf(List.copyOf(new TreeSet<>(values)), LISTED);
  }
}
