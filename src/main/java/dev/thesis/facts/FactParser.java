package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the objects of the "facts" section straight into {@link FactRecord}s. An object's members
 * go into arrays reused from one fact to the next, not a map per fact: a corpus holds millions of
 * facts. They are checked only once the whole object is read, so a fact that the parser stops in (a
 * syntax error, a duplicate key) reports nothing of its own, as every other entry.
 */
final class FactParser {
  private static final int ID = 0;
  private static final int TYPE = 1;
  private static final int SOURCE = 2;
  private static final int CONFIDENCE = 3;
  private static final int NOTE = 4;
  private static final int DATE = 5;

  private final FactFileReader reader;
  private final String file;

  // The members of the fact being read, in file order; a reserved key's index by its order in
  // FactRecord.RESERVED_ORDER, -1 if the fact has none.
  private String[] names = new String[8];
  private JsonNode[] values = new JsonNode[8];
  private int[] lines = new int[8];
  private int[] columns = new int[8];
  private int size;
  private final int[] reserved = new int[FactRecord.RESERVED_ORDER.size()];
  private boolean ok;

  /**
   * The keys of the fields of recent facts, which the next may share: the facts of a type are
   * mostly written with the same fields in the same order, and a file has few types.
   */
  private final String[][] recentKeys = new String[8][];

  private int nextRecent;

  /**
   * An array of recent facts with the same keys as {@code keys}, else {@code keys} (remembered).
   */
  private String[] shared(String[] keys) {
    for (String[] recent : recentKeys) {
      if (Arrays.equals(keys, recent)) {
        return recent;
      }
    }
    recentKeys[nextRecent] = keys;
    nextRecent = (nextRecent + 1) % recentKeys.length;
    return keys;
  }

  /**
   * Whether keys are checked here for duplicates, as the parser does not ({@link FactFileReader}).
   */
  private final boolean checkKeys;

  FactParser(FactFileReader reader, String file, boolean checkKeys) {
    this.reader = reader;
    this.file = file;
    this.checkKeys = checkKeys;
  }

  /** Reads the object whose START_OBJECT is the current token, through its END_OBJECT. */
  void read(JsonParser p, List<FactRecord> out) throws IOException {
    Location start = reader.here(p);
    size = 0;
    Arrays.fill(reserved, -1);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (checkKeys) {
        for (int i = 0; i < size; i++) {
          if (names[i].equals(name)) {
            throw new FactFileReader.Redo();
          }
        }
      }
      p.nextToken();
      int line;
      int column;
      if (p instanceof ParserBase base) {
        // What currentTokenLocation() holds, without making one per value; that one's column is
        // the token's start, which getTokenColumnNr() gives plus one.
        line = base.getTokenLineNr();
        column = base.getTokenColumnNr() - 1;
      } else {
        JsonLocation at = p.currentTokenLocation();
        line = at == null ? 0 : at.getLineNr();
        column = at == null ? 0 : at.getColumnNr();
      }
      int r = reservedIndex(name);
      // Ids and notes are unique to their fact: not worth keeping one copy of.
      JsonNode v = reader.member(p, r != ID && r != NOTE);
      add(name, v, line, column);
      if (r >= 0) {
        reserved[r] = size - 1;
      }
    }
    fact(start, out);
  }

  private static int reservedIndex(String name) {
    return switch (name) {
      case "id" -> ID;
      case "type" -> TYPE;
      case "source" -> SOURCE;
      case "confidence" -> CONFIDENCE;
      case "note" -> NOTE;
      case "date" -> DATE;
      default -> -1;
    };
  }

  private void add(String name, JsonNode value, int line, int column) {
    if (size == names.length) {
      int n = 2 * size;
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
      lines = Arrays.copyOf(lines, n);
      columns = Arrays.copyOf(columns, n);
    }
    names[size] = name;
    values[size] = value;
    // As LocatedJson.locate places a token.
    lines[size] = Math.max(line, 0);
    columns[size] = Math.max(column, 0);
    size++;
  }

  /** The checks, in the order they have always been made, and the record if all pass. */
  private void fact(Location start, List<FactRecord> out) {
    ok = true;
    String id = requiredString(ID, start);
    if (id != null && id.isBlank()) {
      fail(at(ID, start), "a fact has an empty \"id\"");
      id = null;
    }
    String type = requiredString(TYPE, start);
    String source = requiredString(SOURCE, start);
    String note = optionalString(NOTE);
    String date = optionalString(DATE);
    if (date != null && !SourceParser.isDate(date)) {
      fail(at(DATE, start), "\"date\" must be YYYY-MM-DD, not \"" + date + "\"");
    }
    double confidence = confidence(start);
    if (!ok) {
      return;
    }
    // The id's hash, worked out here on the thread that reads this file, not later on the one
    // that checks every id of the corpus for duplicates (a String keeps its hash).
    id.hashCode();
    int[] positions = null;
    long packed = 0;
    int nFields = size;
    for (int r : reserved) {
      if (r >= 0) {
        nFields--;
      }
    }
    String[] keys = new String[nFields];
    Object[] fields = new Object[nFields];
    int k = 0;
    for (int i = 0; i < size; i++) {
      int r = reservedIndex(names[i]);
      if (r >= 0) {
        if (positions == null
            && lines[i] > 0
            && lines[i] == start.line()
            && columns[i] < FactRecord.PACKED_COLUMN_LIMIT) {
          packed = FactRecord.packColumn(packed, r, columns[i]);
        } else {
          if (positions == null) {
            positions = FactRecord.unpack(packed, start.line());
          }
          positions[2 * r] = lines[i];
          positions[2 * r + 1] = columns[i];
        }
      } else {
        keys[k] = names[i];
        fields[k++] = new LocatedValue(values[i], file, lines[i], columns[i]);
      }
    }
    keys = shared(keys);
    out.add(
        new FactRecord(
            id,
            type,
            source,
            confidence,
            note,
            date,
            new SmallMap<>(keys, fields),
            start,
            positions == null ? packed : 0,
            positions));
  }

  private double confidence(Location start) {
    int i = reserved[CONFIDENCE];
    if (i < 0) {
      return 1.0;
    }
    JsonNode c = values[i];
    if (c.isTextual()) {
      var word = Likelihood.parse(c.asText());
      if (word.isPresent()) {
        return word.get().confidence();
      }
      fail(
          at(CONFIDENCE, start),
          "\"confidence\" \""
              + c.asText()
              + "\" is no likelihood word; use a number in [0,1] or one of "
              + Likelihood.words());
      return 1.0;
    }
    if (!c.isNumber()) {
      fail(
          at(CONFIDENCE, start),
          "\"confidence\" must be a number in [0,1] or a likelihood word, not "
              + JsonKinds.describe(c));
      return 1.0;
    }
    double confidence = c.asDouble();
    if (!(confidence >= 0 && confidence <= 1)) {
      fail(at(CONFIDENCE, start), "\"confidence\" must be in [0,1], not " + c.asText());
    }
    return confidence;
  }

  private String requiredString(int r, Location start) {
    if (reserved[r] < 0) {
      fail(start, "a fact has no \"" + FactRecord.RESERVED_ORDER.get(r) + "\"");
      return null;
    }
    return string(r, start);
  }

  private String optionalString(int r) {
    int i = reserved[r];
    return i < 0 || values[i].isNull() ? null : string(r, null);
  }

  private String string(int r, Location start) {
    JsonNode v = values[reserved[r]];
    if (!v.isTextual()) {
      fail(
          at(r, start),
          "\""
              + FactRecord.RESERVED_ORDER.get(r)
              + "\" must be a string, not "
              + JsonKinds.describe(v));
      return null;
    }
    return v.asText();
  }

  /** Where a reserved key's value starts; the fact's start for a key it lacks. */
  private Location at(int r, Location start) {
    int i = reserved[r];
    return i < 0 ? start : new Location(file, lines[i], columns[i]);
  }

  private void fail(Location where, String message) {
    ok = false;
    reader.error(where, message);
  }
}
