package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one fact file with Jackson's streaming parser, member by member, so that every value keeps
 * its line and column for error messages. Whole-file trees are never built; each object is small.
 */
final class FactFileReader {
  /** Limits on what one fact file may hold; each is far above any real corpus. */
  static final int MAX_DEPTH = 64;
  static final int MAX_STRING_CHARS = 1 << 20;
  static final int MAX_NUMBER_CHARS = 100;
  static final int MAX_NAME_CHARS = 1_000;
  /** Bytes per file; the system property lets tests lower it without writing a huge file. */
  static final long MAX_FILE_BYTES = Long.getLong("thesis.facts.maxFileBytes", 1L << 30);

  // Every feature that decides what a fact file may contain is set here, so a Jackson upgrade that
  // changes a default cannot loosen it: plain JSON only, each key once, nothing after the object.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_YAML_COMMENTS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_MISSING_VALUES)
          .disable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
          .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxStringLength(MAX_STRING_CHARS)
              .maxNumberLength(MAX_NUMBER_CHARS)
              .maxNameLength(MAX_NAME_CHARS)
              .build())
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private final Path path;
  private final String file;
  private final List<Diagnostic> diagnostics;
  private final Map<String, JsonNode> strings = new java.util.HashMap<>();

  FactFileReader(Path path, String displayName, List<Diagnostic> diagnostics) {
    this.path = path;
    this.file = displayName;
    this.diagnostics = diagnostics;
  }

  /**
   * A parser for any JSON file, configured as strictly as fact files are read. A reader, not bytes:
   * columns then count characters, as editors do; it refuses malformed UTF-8. A leading byte-order
   * mark, which some editors write, is skipped (JSON allows a parser to ignore it).
   */
  static JsonParser parser(Path file) throws IOException {
    return parser(java.nio.file.Files.newInputStream(file));
  }

  /** As {@link #parser(Path)}, over a stream (which the parser closes). */
  static JsonParser parser(java.io.InputStream bytes) throws IOException {
    // A strict decoder, as Files.newBufferedReader uses: malformed UTF-8 is refused, not replaced.
    java.io.PushbackReader in = new java.io.PushbackReader(new java.io.BufferedReader(new java.io.InputStreamReader(
        bytes, java.nio.charset.StandardCharsets.UTF_8.newDecoder())), 1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return MAPPER.createParser(in);
  }

  private dev.thesis.diag.FileDigest digest;

  /** The SHA-256 of the file's bytes as read, once {@link #read()} has read all of it; else null. */
  dev.thesis.diag.FileDigest digest() {
    return digest;
  }

  CorpusPart read() {
    CorpusPart part = new CorpusPart(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    try {
      long size = java.nio.file.Files.size(path);
      if (size > MAX_FILE_BYTES) {
        error(Location.ofFile(file), "the file is " + size + " bytes, more than the " + MAX_FILE_BYTES
            + " a fact file may hold; split it into several files");
        return part;
      }
    } catch (IOException e) {
      error(Location.ofFile(file), "cannot read: " + e.getMessage());
      return part;
    }
    JsonParser open = null;
    java.security.MessageDigest md = dev.thesis.diag.FileDigest.hasher();
    java.security.DigestInputStream bytes;
    // The parser closes its input at the end of the JSON; the file is closed here, after the rest of
    // its bytes (trailing white space) are digested too.
    try (java.io.InputStream file = java.nio.file.Files.newInputStream(path);
        JsonParser p = parser(bytes = new java.security.DigestInputStream(new java.io.FilterInputStream(file) {
          @Override
          public void close() {}
        }, md))) {
      open = p;
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        error(here(p), "a fact file must hold one JSON object with \"sources\", \"theses\" and \"facts\" arrays");
        return part;
      }
      readSections(p, part);
      if (p.nextToken() != null) {
        error(here(p), "unexpected content after the end of the top-level object");
      }
      // What follows the last token (white space) is part of the file too: digest all of it.
      bytes.transferTo(java.io.OutputStream.nullOutputStream());
      digest = dev.thesis.diag.FileDigest.of(path, md);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      // The exception carries no location; the parser stopped where the limit was passed.
      error(locate(e.getLocation() != null ? e.getLocation() : open == null ? null : open.currentLocation()),
          limitMessage(e));
    } catch (JsonProcessingException e) {
      error(locate(e.getLocation()), cleanMessage(e));
    } catch (java.nio.charset.CharacterCodingException e) {
      error(Utf8.firstError(path, file), "not valid UTF-8 text: fact files must be saved as UTF-8");
    } catch (IOException e) {
      error(Location.ofFile(file), "cannot read: " + e.getMessage());
    }
    return part;
  }

  /**
   * Reads the sections of a corpus object whose START_OBJECT is the parser's current token, up to and
   * including its END_OBJECT, into {@code part}.
   */
  void readSections(JsonParser p, CorpusPart part) throws IOException {
    List<Source> sources = part.sources();
    List<Thesis> theses = part.theses();
    List<FactRecord> facts = part.facts();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        Location sectionLoc = here(p);
        p.nextToken();
        switch (section) {
          case "sources" -> readArray(p, section, o -> SourceParser.source(o, this::error, sources));
          case "theses" -> readArray(p, section, o -> SourceParser.thesis(o, this::error, theses));
          case "facts" -> readArray(p, section, o -> FactParser.fact(o, this::error, facts));
          default -> {
            error(sectionLoc, "unknown section \"" + section + "\" (expected sources, theses or facts)");
            p.skipChildren();
          }
        }
      }
  }

  private void readArray(JsonParser p, String section, Consumer<LocatedObject> each)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      error(here(p), "\"" + section + "\" must be an array");
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        error(here(p), "each entry of \"" + section + "\" must be an object");
        p.skipChildren();
        continue;
      }
      each.accept(readObject(p));
    }
  }

  private LocatedObject readObject(JsonParser p) throws IOException {
    Location start = here(p);
    Map<String, LocatedValue> members = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Location at = here(p);
      JsonNode value = value(p);
      members.put(name, new LocatedValue(value, at));
    }
    return new LocatedObject(start, members);
  }

  /**
   * A scalar built directly (the tree mapper costs an allocation-heavy context per value). Short
   * strings repeat across facts (types, sources, company names), so one copy of each is kept.
   */
  private JsonNode value(JsonParser p) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (p.currentToken()) {
      case VALUE_STRING -> strings.computeIfAbsent(p.getText(), nodes::textNode);
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> nodes.numberNode(p.getIntValue());
        case LONG -> nodes.numberNode(p.getLongValue());
        default -> nodes.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
      default -> p.readValueAsTree();
    };
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

  private void error(Location where, String message) {
    diagnostics.add(Diagnostic.error(where, message));
  }

  /** A limit's message in this program's words (Jackson's names its own API). */
  static String limitMessage(com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "nested more than " + MAX_DEPTH + " levels deep";
    }
    if (m.contains("String value length")) {
      return "a string longer than " + MAX_STRING_CHARS + " characters";
    }
    if (m.contains("Number value length")) {
      return "a number longer than " + MAX_NUMBER_CHARS + " digits";
    }
    if (m.contains("Name length")) {
      return "a key longer than " + MAX_NAME_CHARS + " characters";
    }
    return "over a limit: " + m;
  }

  /** Jackson's message without the location and source excerpt it appends (we print our own). */
  static String cleanMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "invalid JSON";
    }
    int cut = m.indexOf("\n at [Source");
    m = cut >= 0 ? m.substring(0, cut) : m;
    // Jackson's wording names its own switches; say what is wrong with the file instead.
    if (m.contains("maybe a (non-standard) comment")) {
      return "invalid JSON: comments are not allowed in JSON";
    }
    if (m.contains("Non-standard token")) {
      return "invalid JSON: " + m.replaceAll(": enable `.*$", "").replaceAll("\\(.*ALLOW_NON_NUMERIC_NUMBERS.*\\)", "")
          .trim() + " (JSON has no NaN or Infinity)";
    }
    return "invalid JSON: " + m.replace('\n', ' ').trim();
  }
}
