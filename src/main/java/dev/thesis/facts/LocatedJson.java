package dev.thesis.facts;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How every JSON input file is opened and how its problems are reported, so that fact files and
 * scenario files are equally strict (plain JSON, each key once, UTF-8, limits) and every problem,
 * from a stray comma to a value of the wrong type, names the file, line and column of its token.
 * Fact files are streamed ({@link #parser}); small files such as scenarios are bound to records
 * ({@link #bind}), which also keeps where each value stands for errors found after binding.
 */
public final class LocatedJson {
  /** Limits on what one file may hold; each is far above any real corpus. */
  static final int MAX_DEPTH = 64;

  static final int MAX_STRING_CHARS = 1 << 20;
  static final int MAX_NUMBER_CHARS = 100;
  static final int MAX_NAME_CHARS = 1_000;

  // Every feature that decides what a file may contain is set here, so a Jackson upgrade that
  // changes a default cannot loosen it: plain JSON only, each key once.
  private static final JsonFactory FACTORY = strictFactory();

  /** Reads the trees of streamed fact files. */
  private static final ObjectMapper TREES = new ObjectMapper(FACTORY);

  /**
   * Binds records as strictly as fact values are bound: no key the record lacks, no coercion of a
   * number to a string or back, no decimal for an integer, no null inside a list or map.
   */
  private static final ObjectMapper BINDER =
      JsonMapper.builder(FACTORY)
          .enable(
              DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(
              DeserializationFeature.ACCEPT_FLOAT_AS_INT,
              DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          .withCoercionConfig(LogicalType.Textual, LocatedJson::textOnly)
          .withCoercionConfig(
              LogicalType.Integer,
              c ->
                  c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
          .build();

  /**
   * A text field takes text only: Jackson turns a number or a boolean into a string unless told not
   * to, whatever ALLOW_COERCION_OF_SCALARS says. For {@code withCoercionConfig(LogicalType.Textual,
   * ...)}.
   */
  public static void textOnly(com.fasterxml.jackson.databind.cfg.MutableCoercionConfig c) {
    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  private static JsonFactory strictFactory() {
    JsonFactoryBuilder b =
        new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxNameLength(MAX_NAME_CHARS)
                    .build());
    // Every extension to JSON is one of these; one call each, as disable(first, others...) enables
    // the others.
    for (JsonReadFeature f : JsonReadFeature.values()) {
      b.disable(f);
    }
    return b.build();
  }

  private final Path path;
  private final String file;
  private final String kind;
  private final List<Diagnostic> diagnostics;

  /** Where each key and each value starts, by JSON pointer; filled only by {@link #bind}. */
  private final Map<String, Seen> keys = new HashMap<>();

  private final Map<String, Seen> values = new HashMap<>();

  private record Seen(JsonLocation at, JsonToken token) {}

  /**
   * @param display the file's name in messages
   * @param kind what such files are called, in plural ("fact files")
   */
  public LocatedJson(Path path, String display, String kind, List<Diagnostic> diagnostics) {
    this.path = path;
    this.file = display;
    this.kind = kind;
    this.diagnostics = diagnostics;
  }

  /**
   * A parser configured as above. A reader, not bytes: columns then count characters, as editors
   * do; it refuses malformed UTF-8. A leading byte-order mark, which some editors write, is skipped
   * (JSON allows a parser to ignore it).
   */
  static JsonParser parser(Path file) throws IOException {
    return parser(java.nio.file.Files.newInputStream(file));
  }

  /** As {@link #parser(Path)}, over a stream, which the parser closes at the end of the JSON. */
  static JsonParser parser(java.io.InputStream bytes) throws IOException {
    // A strict decoder, as Files.newBufferedReader uses: malformed UTF-8 is refused, not replaced.
    java.io.PushbackReader in =
        new java.io.PushbackReader(
            new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    bytes, java.nio.charset.StandardCharsets.UTF_8.newDecoder())),
            1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return TREES.createParser(in);
  }

  /**
   * A parser over bytes that are all ASCII, configured as above but for duplicate keys, which the
   * caller checks itself (the parser would keep a set of the keys of every object).
   */
  static JsonParser asciiParser(byte[] bytes) throws IOException {
    JsonParser p = TREES.createParser(bytes);
    p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return p;
  }

  /**
   * The file bound to {@code type}, or null when it cannot be (the first problem is reported:
   * binding stops there). Deserializers reach this object through {@link #of}.
   */
  public <T> T bind(Class<T> type) {
    JsonParser open = null;
    try (JsonParser p = new Recording(parser(path))) {
      open = p;
      T value = BINDER.readerFor(type).withAttribute(LocatedJson.class, this).readValue(p);
      return requireEnd(p) ? value : null;
    } catch (IOException e) {
      fail(e, open);
      return null;
    }
  }

  /** The reader binding the value a deserializer is reading. */
  public static LocatedJson of(DeserializationContext ctxt) {
    return (LocatedJson) ctxt.getAttribute(LocatedJson.class);
  }

  /**
   * Where the value at {@code pointer} starts; where its nearest enclosing value does if it is
   * absent.
   */
  public Location at(JsonPointer pointer) {
    for (JsonPointer p = pointer; p != null; p = p.head()) {
      Seen s = values.get(p.toString());
      if (s != null) {
        return locate(s.at());
      }
    }
    return Location.ofFile(file);
  }

  public Path path() {
    return path;
  }

  public String file() {
    return file;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** False, with an error, when anything follows the top-level value. */
  boolean requireEnd(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      return true;
    }
    error(here(p), "unexpected content after the end of the top-level object");
    return false;
  }

  /** Reports why a read stopped; {@code open} is the parser, if one was opened. */
  void fail(IOException e, JsonParser open) {
    // Databind wraps a syntax error, a limit or bad UTF-8 met inside a value: report that itself.
    // A number out of range stays wrapped, to be reported at its key.
    IOException c =
        e instanceof JsonMappingException
                && e.getCause() instanceof IOException cause
                && !(cause instanceof JsonMappingException)
                && !(cause instanceof InputCoercionException)
            ? cause
            : e;
    if (c instanceof StreamConstraintsException s) {
      // The exception carries no location; the parser stopped where the limit was passed.
      error(
          locate(
              s.getLocation() != null
                  ? s.getLocation()
                  : open == null ? null : open.currentLocation()),
          JsonMessages.limit(s));
    } else if (c instanceof JsonMappingException m) {
      Seen value = seen(values, m);
      error(where(m), JsonMessages.of(m, value == null ? null : value.token()));
    } else if (c instanceof JsonProcessingException j) {
      JsonSyntax.explain(path, file, j)
          .ifPresentOrElse(
              x -> error(x.at(), "invalid JSON: " + x.message()),
              () -> error(locate(j.getLocation()), JsonMessages.syntax(j)));
    } else if (c instanceof CharacterCodingException) {
      error(
          Utf8.firstError(path, file), "not valid UTF-8 text: " + kind + " must be saved as UTF-8");
    } else {
      error(Location.ofFile(file), "cannot read: " + c.getMessage());
    }
  }

  /**
   * Where a binding problem is: an unknown key at the key, a bad value at the value, a missing one
   * at the object that lacks it.
   */
  private Location where(JsonMappingException m) {
    Seen at = m instanceof UnrecognizedPropertyException ? seen(keys, m) : seen(values, m);
    if (at != null) {
      return locate(at.at());
    }
    return m.getPath().isEmpty() ? locate(m.getLocation()) : at(JsonMessages.pointer(m.getPath()));
  }

  private static Seen seen(Map<String, Seen> index, JsonMappingException m) {
    return index.get(JsonMessages.pointer(m.getPath()).toString());
  }

  Location here(JsonParser p) {
    return locate(p.currentTokenLocation());
  }

  Location locate(JsonLocation loc) {
    if (loc == null) {
      return Location.ofFile(file);
    }
    return new Location(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
  }

  void error(Location where, String message) {
    diagnostics.add(Diagnostic.error(where, message));
  }

  /**
   * An error at the current string or key if it holds a lone surrogate: a JSON escape such as
   * {@code \\ud800} can write half a character, which no UTF-8 output can hold, so reports would
   * fail to be written.
   */
  void rejectLoneSurrogate(JsonParser p, String text) {
    int at = loneSurrogate(text);
    if (at >= 0) {
      error(
          here(p),
          String.format(
              "the string holds a lone UTF-16 surrogate, \\u%04x, which is not a character (write"
                  + " the character itself, or both halves of its surrogate pair)",
              (int) text.charAt(at)));
    }
  }

  /** The index of the first surrogate that is not half of a pair; -1 if none. */
  static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Remembers where each key and value starts as databind reads past it, for errors found later.
   */
  private final class Recording extends JsonParserDelegate {
    Recording(JsonParser p) {
      super(p);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      if (t != null && !t.isStructEnd()) {
        (t == JsonToken.FIELD_NAME ? keys : values)
            .put(
                getParsingContext().pathAsPointer().toString(),
                new Seen(currentTokenLocation(), t));
        if (t == JsonToken.VALUE_STRING) {
          // Scenario files refuse half a character as fact files do (Jackson refuses it in keys).
          rejectLoneSurrogate(this, getText());
        }
      }
      return t;
    }

    // The base delegate forwards this past nextToken(); every other next...() method calls it.
    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }
  }
}
