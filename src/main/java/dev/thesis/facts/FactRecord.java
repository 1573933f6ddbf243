package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.util.List;
import java.util.Map;

/**
 * A fact as written in a fact file, before it is bound to its DRL-declared type.
 *
 * @param date {@code YYYY-MM-DD} when the fact became true (or was reported), or null: always
 *     counts
 * @param fields the type's own fields (every key but the reserved ones), in file order
 * @param reservedPositions line and column of the value of each reserved key, in {@link
 *     #RESERVED_ORDER} order (0, 0 for a key the fact leaves out); a field's own place is in its
 *     value. Numbers, not {@link Location}s: millions of facts, and few are ever reported.
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
    int[] reservedPositions) {

  /** Keys every fact may carry that are not fields of its type. */
  public static final java.util.Set<String> RESERVED =
      java.util.Set.of("id", "type", "source", "confidence", "note", "date");

  /** The reserved keys in the order {@code reservedLocations} lists them. */
  public static final List<String> RESERVED_ORDER =
      List.of("id", "type", "source", "confidence", "note", "date");

  public FactRecord {
    fields = fields instanceof SmallMap<LocatedValue> ? fields : new SmallMap<>(fields);
  }

  /** Where a key's value starts; the fact's own location for a key it does not have. */
  public Location locationOf(String key) {
    LocatedValue field = fields.get(key);
    if (field != null) {
      return field.location();
    }
    int i = RESERVED_ORDER.indexOf(key);
    return i >= 0 && reservedPositions[2 * i] > 0
        ? new Location(location.file(), reservedPositions[2 * i], reservedPositions[2 * i + 1])
        : location;
  }
}
