package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.util.Map;

/**
 * A fact as written in a fact file, before it is bound to its DRL-declared type.
 *
 * @param date {@code YYYY-MM-DD} when the fact became true (or was reported), or null: always counts
 * @param fields the type's own fields (every key but the reserved ones), in file order
 * @param keyLocations where each key's value starts, reserved keys included
 */
public record FactRecord(
    String id,
    String type,
    String source,
    double confidence,
    String note,
    String date,
    Map<String, LocatedValue> fields,
    Location location,
    Map<String, Location> keyLocations) {

  /** Keys every fact may carry that are not fields of its type. */
  public static final java.util.Set<String> RESERVED =
      java.util.Set.of("id", "type", "source", "confidence", "note", "date");

  public FactRecord {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    keyLocations = Map.copyOf(keyLocations);
  }

  public Location locationOf(String key) {
    return keyLocations.getOrDefault(key, location);
  }
}
