package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;

/**
 * How every JSON input file is opened and how its problems are reported, so that fact files and
 * scenario files are equally strict (plain JSON, each key once, UTF-8, limits) and every problem
 * names the file, line and column of its token.
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

  private static JsonFactory strictFactory() {
    JsonFactoryBuilder b = new JsonFactoryBuilder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_CHARS).maxNumberLength(MAX_NUMBER_CHARS).maxNameLength(MAX_NAME_CHARS)
            .build());
    // Every extension to JSON is one of these; one call each, as disable(first, others...) enables the others.
    for (JsonReadFeature f : JsonReadFeature.values()) {
      b.disable(f);
    }
    return b.build();
  }

  private final Path path;
  private final String file;
  private final String kind;
  private final List<Diagnostic> diagnostics;

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
    java.io.PushbackReader in = new java.io.PushbackReader(
        java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8), 1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return TREES.createParser(in);
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
    if (e instanceof StreamConstraintsException s) {
      // The exception carries no location; the parser stopped where the limit was passed.
      error(locate(s.getLocation() != null ? s.getLocation() : open == null ? null : open.currentLocation()),
          JsonMessages.limit(s));
    } else if (e instanceof JsonProcessingException j) {
      error(locate(j.getLocation()), JsonMessages.syntax(j));
    } else if (e instanceof CharacterCodingException) {
      error(Utf8.firstError(path, file), "not valid UTF-8 text: " + kind + " must be saved as UTF-8");
    } else {
      error(Location.ofFile(file), "cannot read: " + e.getMessage());
    }
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
}
