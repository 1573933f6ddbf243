package dev.thesis.facts;

import com.fasterxml.jackson.databind.JsonNode;

/** Names of JSON value kinds for error messages. */
final class JsonKinds {
  private JsonKinds() {}

  static String describe(JsonNode n) {
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isIntegralNumber()) {
      return "an integer";
    }
    if (n.isNumber()) {
      return "a decimal number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
