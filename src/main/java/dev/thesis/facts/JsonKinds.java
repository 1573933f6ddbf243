package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/** Names of JSON value kinds for error messages, alike for a read value and a token being bound. */
final class JsonKinds {
  private JsonKinds() {}

  static String describe(JsonNode n) {
    return describe(n.asToken());
  }

  static String describe(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "an array";
      default -> "an object";
    };
  }
}
