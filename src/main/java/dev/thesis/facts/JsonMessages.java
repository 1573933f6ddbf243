package dev.thesis.facts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jackson's failures in this program's words, as fact files word theirs: {@code "name" must be a
 * string, not an integer}. Jackson's own messages name Java classes, its API and its configuration.
 */
final class JsonMessages {
  private JsonMessages() {}

  /** The JSON pointer of a databind path: {@code /scenarios/0/name}. */
  static JsonPointer pointer(List<Reference> path) {
    JsonPointer p = JsonPointer.empty();
    for (Reference r : path) {
      if (r.getFieldName() != null) {
        p = p.appendProperty(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        p = p.appendIndex(r.getIndex());
      }
    }
    return p;
  }

  /**
   * @param found the token where binding failed, or null when the file has nothing there
   */
  static String of(JsonMappingException e, JsonToken found) {
    List<Reference> path = e.getPath();
    List<Reference> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1);
    if (e instanceof UnrecognizedPropertyException u) {
      Class<?> type = u.getReferringClass();
      KeyNoun noun = type == null ? null : type.getAnnotation(KeyNoun.class);
      String in = container(type, parent);
      return "unknown "
          + (noun == null ? "key" : noun.value())
          + " \""
          + u.getPropertyName()
          + "\""
          + (in == null ? "" : " in " + in)
          + " (allowed: "
          + allowed(u)
          + ")";
    }
    if (found == null && !path.isEmpty() && e instanceof MismatchedInputException) {
      // Nothing in the file where binding wanted a value: a required key left out.
      Reference missing = path.get(path.size() - 1);
      String in = container(missing.getFrom(), parent);
      return (in == null ? "the file" : in) + " has no \"" + missing.getFieldName() + "\"";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String was =
          e instanceof InvalidFormatException f && f.getValue() instanceof String s
              ? "\"" + s + "\""
              : found == null ? "empty" : JsonKinds.describe(found);
      return subject(path) + " must be " + expected(m.getTargetType()) + ", not " + was;
    }
    return subject(path) + ": " + jacksonWords(e);
  }

  /** A limit passed (see {@link LocatedJson}). */
  static String limit(StreamConstraintsException e) {
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
      return "invalid JSON: "
          + m.replaceAll(": enable `.*$", "")
              .replaceAll("\\(.*ALLOW_NON_NUMERIC_NUMBERS.*\\)", "")
              .trim()
          + " (JSON has no NaN or Infinity)";
    }
    return "invalid JSON: " + m;
  }

  /** Jackson's message without the location and source excerpt it appends (we print our own). */
  private static String jacksonWords(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    int cut = m.indexOf("\n at [Source");
    return (cut >= 0 ? m.substring(0, cut) : m).replace('\n', ' ').trim();
  }

  /**
   * The failing place from its innermost key: {@code "name"}, {@code "without"[1]}, {@code
   * "verdicts"["x"]}.
   */
  private static String subject(List<Reference> path) {
    int key = path.size() - 1;
    while (key >= 0 && !isProperty(path.get(key))) {
      key--;
    }
    StringBuilder s =
        new StringBuilder(key < 0 ? "the file" : "\"" + path.get(key).getFieldName() + "\"");
    for (Reference r : path.subList(key + 1, path.size())) {
      s.append(
          r.getFieldName() != null ? "[\"" + r.getFieldName() + "\"]" : "[" + r.getIndex() + "]");
    }
    return s.toString();
  }

  /**
   * What holds a key: the record's description ("a scenario"), else where it stands; null at the
   * top.
   */
  private static String container(Object from, List<Reference> at) {
    Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    JsonClassDescription d = type == null ? null : type.getAnnotation(JsonClassDescription.class);
    return d != null ? d.value() : at.isEmpty() ? null : subject(at);
  }

  /** A record's keys in the order it declares them. */
  private static String allowed(UnrecognizedPropertyException u) {
    Class<?> type = u.getReferringClass();
    if (type != null && type.isRecord()) {
      return keys(type);
    }
    return String.join(
        ", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
  }

  private static String keys(Class<?> record) {
    return String.join(
        ", ", Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
  }

  private static boolean isProperty(Reference r) {
    Object from = r.getFrom();
    boolean mapKey =
        from instanceof Map<?, ?> || from instanceof Class<?> c && Map.class.isAssignableFrom(c);
    return r.getFieldName() != null && !mapKey;
  }

  /** What a value of {@code type} is, in a fact file's words: "an integer", "true or false". */
  static String expected(Class<?> type) {
    if (type.isEnum()) {
      List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
      return String.join(", ", names.subList(0, names.size() - 1))
          + " or "
          + names.get(names.size() - 1);
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == char.class || type == Character.class) {
      return "a string of one character";
    }
    if (List.of(
            Integer.class,
            int.class,
            Long.class,
            long.class,
            Short.class,
            short.class,
            Byte.class,
            byte.class,
            java.math.BigInteger.class)
        .contains(type)) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.isRecord()) {
      return "an object (keys: " + keys(type) + ")";
    }
    return "an object";
  }
}
