package dev.thesis.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to the members of a {@link LocatedObject}, reporting each misuse at its value. */
final class Members {
  private final LocatedObject object;
  private final String what;
  private final Problems problems;
  private boolean ok = true;

  Members(LocatedObject object, String what, Problems problems) {
    this.object = object;
    this.what = what;
    this.problems = problems;
  }

  boolean ok() {
    return ok;
  }

  Location location() {
    return object.location();
  }

  Location locationOf(String key) {
    LocatedValue v = object.members().get(key);
    return v == null ? object.location() : v.location();
  }

  Map<String, LocatedValue> all() {
    return object.members();
  }

  String requiredString(String key) {
    LocatedValue v = object.members().get(key);
    if (v == null) {
      fail(object.location(), what + " has no \"" + key + "\"");
      return null;
    }
    return string(key, v);
  }

  String optionalString(String key) {
    LocatedValue v = object.members().get(key);
    return v == null || v.value().isNull() ? null : string(key, v);
  }

  String requiredId() {
    String id = requiredString("id");
    if (id != null && id.isBlank()) {
      fail(locationOf("id"), what + " has an empty \"id\"");
      return null;
    }
    return id;
  }

  List<String> stringList(String key) {
    LocatedValue v = object.members().get(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.value().isArray()) {
      fail(v.location(), "\"" + key + "\" must be an array of strings");
      return out;
    }
    for (JsonNode n : v.value()) {
      if (!n.isTextual()) {
        fail(v.location(), "\"" + key + "\" must be an array of strings");
        return out;
      }
      out.add(n.asText());
    }
    return out;
  }

  /** Reports every key outside {@code allowed}. */
  void rejectUnknown(Set<String> allowed) {
    object
        .members()
        .forEach(
            (k, v) -> {
              if (!allowed.contains(k)) {
                fail(
                    v.location(),
                    "unknown key \""
                        + k
                        + "\" in "
                        + what
                        + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList())
                        + ")");
              }
            });
  }

  void fail(Location where, String message) {
    ok = false;
    problems.error(where, message);
  }

  private String string(String key, LocatedValue v) {
    if (!v.value().isTextual()) {
      fail(v.location(), "\"" + key + "\" must be a string, not " + JsonKinds.describe(v.value()));
      return null;
    }
    return v.value().asText();
  }
}
