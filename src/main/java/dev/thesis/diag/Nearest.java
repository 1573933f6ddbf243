package dev.thesis.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The known ids nearest to one that was mistyped: those that contain it or that it contains, then
 * those within a few edits (a letter left out, added, changed or two swapped; see {@link
 * #allowedEdits}), nearest first. An analyst types "catl-sodum" for "catl-sodium"; a substring
 * match alone offers only "catl".
 */
public final class Nearest {
  private Nearest() {}

  /** At most {@code limit} ids, nearest first, ties in name order. */
  public static List<String> of(String typed, Collection<String> known, int limit) {
    String needle = typed.toLowerCase(Locale.ROOT);
    int allowed = allowedEdits(needle.length());
    record Scored(String id, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String id : new TreeSet<>(known)) {
      String hay = id.toLowerCase(Locale.ROOT);
      int d = distance(needle, hay);
      if (d <= allowed) {
        scored.add(new Scored(id, d));
      } else if (hay.contains(needle) || (needle.contains(hay) && hay.length() >= 3)) {
        // Containment ranks after every close spelling: "catl" is a worse answer than
        // "catl-sodium" to "catl-sodum".
        scored.add(new Scored(id, allowed + 1 + Math.abs(hay.length() - needle.length())));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::id));
    return scored.stream().limit(limit).map(Scored::id).toList();
  }

  /**
   * {@code ; did you mean "a" or "b"?}: the nearest known ids (at most {@code limit}), to end a
   * message about an id that is not there; empty when none is near.
   */
  public static String didYouMean(String typed, Collection<String> known, int limit) {
    List<String> close = of(typed, known, limit).stream().filter(id -> close(typed, id)).toList();
    // Only the nearest: "laba" is labA with its case changed, so labB, one letter off, is noise.
    int best = close.stream().mapToInt(id -> folded(typed, id)).min().orElse(Integer.MAX_VALUE);
    List<String> near = close.stream().filter(id -> folded(typed, id) == best).toList();
    return near.isEmpty()
        ? ""
        : "; did you mean "
            + String.join(" or ", near.stream().map(id -> "\"" + id + "\"").toList())
            + "?";
  }

  private static int folded(String a, String b) {
    return distance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
  }

  /**
   * Close enough to be offered as what was meant: within {@link #allowedEdits} ("zz" is two edits
   * from "a", and no misspelling of it), or one containing the other when the shorter is a word.
   */
  public static boolean close(String typed, String id) {
    String a = typed.toLowerCase(Locale.ROOT);
    String b = id.toLowerCase(Locale.ROOT);
    int shorter = Math.min(a.length(), b.length());
    return distance(a, b) <= allowedEdits(a.length())
        || (shorter >= 4 && (a.contains(b) || b.contains(a)));
  }

  /**
   * How many edits still make a close spelling of a name this long: one up to seven characters, a
   * quarter of the length beyond. Two edits turn many short names into others (Person into Period,
   * Date into Byte), and such a suggestion misleads more than it helps.
   */
  public static int allowedEdits(int length) {
    return Math.max(1, length / 4);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
