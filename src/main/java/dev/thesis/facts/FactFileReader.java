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
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Explicit, so a Jackson upgrade cannot loosen what a fact file may contain.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
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

  /** A parser for any JSON file, configured as strictly as fact files are read. */
  static JsonParser parser(Path file) throws IOException {
    // A reader, not bytes: columns then count characters, as editors do.
    return MAPPER.createParser(java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8));
  }

  CorpusPart read() {
    CorpusPart part = new CorpusPart(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    try (JsonParser p = parser(path)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        error(here(p), "a fact file must hold one JSON object with \"sources\", \"theses\" and \"facts\" arrays");
        return part;
      }
      readSections(p, part);
      if (p.nextToken() != null) {
        error(here(p), "unexpected content after the end of the top-level object");
      }
    } catch (JsonProcessingException e) {
      error(locate(e.getLocation()), cleanMessage(e));
    } catch (java.nio.charset.CharacterCodingException e) {
      error(Location.ofFile(file), "not valid UTF-8 text");
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

  /** Jackson's message without the location and source excerpt it appends (we print our own). */
  static String cleanMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "invalid JSON";
    }
    int cut = m.indexOf("\n at [Source");
    m = cut >= 0 ? m.substring(0, cut) : m;
    return "invalid JSON: " + m.replace('\n', ' ').trim();
  }
}
