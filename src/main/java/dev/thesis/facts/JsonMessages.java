package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's failures in this program's words: Jackson's own messages name its API and its configuration. */
final class JsonMessages {
  private JsonMessages() {}

  /** A limit passed (see {@link LocatedJson}). */
  static String limit(com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "nested more than " + LocatedJson.MAX_DEPTH + " levels deep";
    }
    if (m.contains("String value length")) {
      return "a string longer than " + LocatedJson.MAX_STRING_CHARS + " characters";
    }
    if (m.contains("Number value length")) {
      return "a number longer than " + LocatedJson.MAX_NUMBER_CHARS + " digits";
    }
    if (m.contains("Name length")) {
      return "a key longer than " + LocatedJson.MAX_NAME_CHARS + " characters";
    }
    return "over a limit: " + m;
  }

  /** A syntax error: Jackson's message, reworded where it names its own switches. */
  static String syntax(JsonProcessingException e) {
    if (e.getOriginalMessage() == null) {
      return "invalid JSON";
    }
    String m = jacksonWords(e);
    if (m.contains("maybe a (non-standard) comment")) {
      return "invalid JSON: comments are not allowed in JSON";
    }
    if (m.contains("Non-standard token")) {
      return "invalid JSON: " + m.replaceAll(": enable `.*$", "").replaceAll("\\(.*ALLOW_NON_NUMERIC_NUMBERS.*\\)", "")
          .trim() + " (JSON has no NaN or Infinity)";
    }
    return "invalid JSON: " + m;
  }

  /** Jackson's message without the location and source excerpt it appends (we print our own). */
  private static String jacksonWords(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    int cut = m.indexOf("\n at [Source");
    return (cut >= 0 ? m.substring(0, cut) : m).replace('\n', ' ').trim();
  }
}
