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
 * @param reservedColumns when {@code reservedPositions} is null, the place of the value of each
 *     reserved key that the fact has, all on the fact's first line: one column plus one per key, in
 *     {@link #RESERVED_ORDER} order, {@value #PACKED_BITS} bits each from the lowest (0 for a key
 *     the fact leaves out). As a fact file is written, one line per fact: no array per fact.
 * @param reservedPositions null, or line and column of the value of each reserved key, in {@link
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
    long reservedColumns,
    int[] reservedPositions) {

  /** Bits per key in {@code reservedColumns}. */
  static final int PACKED_BITS = 10;

  /** Columns below this fit in {@code reservedColumns}. */
  static final int PACKED_COLUMN_LIMIT = (1 << PACKED_BITS) - 1;

  /** {@code packed} with the column of reserved key {@code r} added. */
  static long packColumn(long packed, int r, int column) {
    return packed | ((long) (column + 1) << (PACKED_BITS * r));
  }

  /** The positions {@code packed} holds, on {@code line}, as {@code reservedPositions} has them. */
  static int[] unpack(long packed, int line) {
    int[] positions = new int[2 * RESERVED_ORDER.size()];
    for (int r = 0; r < RESERVED_ORDER.size(); r++) {
      int c = (int) (packed >>> (PACKED_BITS * r)) & PACKED_COLUMN_LIMIT;
      if (c > 0) {
        positions[2 * r] = line;
        positions[2 * r + 1] = c - 1;
      }
    }
    return positions;
  }

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
    if (i >= 0 && reservedPositions == null) {
      int c = (int) (reservedColumns >>> (PACKED_BITS * i)) & PACKED_COLUMN_LIMIT;
      return c > 0 ? new Location(location.file(), location.line(), c - 1) : location;
    }
    return i >= 0 && reservedPositions[2 * i] > 0
        ? new Location(location.file(), reservedPositions[2 * i], reservedPositions[2 * i + 1])
        : location;
  }
}
