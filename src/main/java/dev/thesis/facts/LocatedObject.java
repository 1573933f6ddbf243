package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.util.Map;

/**
 * A JSON object read member by member, keeping the location of the object and of every value, and
 * of each element of its array members.
 */
record LocatedObject(
    Location location,
    Map<String, LocatedValue> members,
    Map<String, java.util.List<Location>> items) {

  /** Where the i-th element of an array member starts, or where the member does. */
  Location itemAt(String key, int i) {
    java.util.List<Location> at = items.get(key);
    if (at != null && i < at.size()) {
      return at.get(i);
    }
    LocatedValue v = members.get(key);
    return v == null ? location : v.location();
  }
}
