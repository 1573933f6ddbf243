package dev.thesis.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.diag.Location;

/**
 * A JSON value together with where it starts in its file. The place is kept as its parts, not as a
 * {@link Location}: a corpus holds millions of values and asks where only the few that are wrong
 * are.
 */
public record LocatedValue(JsonNode value, String file, int line, int column) {

  public LocatedValue(JsonNode value, Location at) {
    this(value, at.file(), at.line(), at.column());
  }

  public Location location() {
    return new Location(file, line, column);
  }
}
