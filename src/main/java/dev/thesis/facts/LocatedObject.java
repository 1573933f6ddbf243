package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.util.Map;

/** A JSON object read member by member, keeping the location of the object and of every value. */
record LocatedObject(Location location, Map<String, LocatedValue> members) {}
