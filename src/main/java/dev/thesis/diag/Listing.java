package dev.thesis.diag;

import java.util.List;

/** A list in a message, kept short: the first few items, then how many more there are. */
public final class Listing {
  private Listing() {}

  /** {@code a, b, c and 4 more}: the first {@code shown} items, in the order given. */
  public static String firstOf(List<String> items, int shown) {
    if (items.size() <= shown) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
  }
}
