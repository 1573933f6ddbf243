package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one fact file with Jackson's streaming parser, member by member, so that every value keeps
 * its line and column for error messages. Whole-file trees are never built; each object is small.
 */
final class FactFileReader {
  /** Bytes per file; the system property lets tests lower it without writing a huge file. */
  static final long MAX_FILE_BYTES =
      dev.thesis.env.Environment.current().factsMaxFileBytes().orElse(1L << 30);

  private final Path path;
  private final String file;
  private final LocatedJson json;
  private final TextNodes strings = new TextNodes();
  private final FactParser facts;

  /**
   * Whether this reader reads a file's bytes as ASCII ({@link #readAscii}): no duplicate key is
   * then detected by the parser, so each object read checks its own keys.
   */
  private final boolean ascii;

  /** Files up to this size are read whole for {@link #readAscii}; larger ones are streamed. */
  private static final long ASCII_MAX_BYTES = 64L << 20;

  FactFileReader(Path path, String displayName, List<Diagnostic> diagnostics) {
    this(path, displayName, diagnostics, false);
  }

  private FactFileReader(
      Path path, String displayName, List<Diagnostic> diagnostics, boolean ascii) {
    this.path = path;
    this.file = displayName;
    this.json = new LocatedJson(path, displayName, "fact files", diagnostics);
    this.ascii = ascii;
    this.facts = new FactParser(this, displayName, ascii);
  }

  /**
   * A duplicate key met where the parser does not look for them ({@link #readAscii}): the file is
   * then read again the usual way, for the usual message.
   */
  static final class Redo extends IOException {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private dev.thesis.diag.FileDigest digest;

  /** Whether {@link #read()} read the file from its bytes, as ASCII. */
  private boolean fromBytes;

  boolean fromBytes() {
    return fromBytes;
  }

  /**
   * The SHA-256 of the file's bytes as read, once {@link #read()} has read all of it; else null.
   */
  dev.thesis.diag.FileDigest digest() {
    return digest;
  }

  CorpusPart read() {
    CorpusPart part = CorpusPart.empty();
    long size;
    try {
      size = java.nio.file.Files.size(path);
      if (size > MAX_FILE_BYTES) {
        error(
            Location.ofFile(file),
            "the file is "
                + size
                + " bytes, more than the "
                + MAX_FILE_BYTES
                + " a fact file may hold; split it into several files");
        return part;
      }
    } catch (IOException e) {
      error(Location.ofFile(file), "cannot read: " + e.getMessage());
      return part;
    }
    if (size <= ASCII_MAX_BYTES) {
      List<Diagnostic> own = new ArrayList<>();
      FactFileReader fast = new FactFileReader(path, file, own, true);
      CorpusPart read = fast.readAscii();
      if (read != null) {
        digest = fast.digest;
        fromBytes = true;
        return read;
      }
    }
    return readStreamed(part);
  }

  /** Reads the file through a UTF-8 reader, into {@code part}, reporting every problem met. */
  CorpusPart readStreamed(CorpusPart part) {
    JsonParser open = null;
    java.security.MessageDigest md = dev.thesis.diag.FileDigest.hasher();
    // Digested as the parser reads: checking that nothing follows the object reads to the end.
    try (JsonParser p =
        LocatedJson.parser(
            new java.security.DigestInputStream(java.nio.file.Files.newInputStream(path), md))) {
      open = p;
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        error(
            here(p),
            "a fact file must hold one JSON object with \"sources\", \"theses\" and \"facts\" arrays");
        return part;
      }
      readSections(p, part);
      if (json.requireEnd(p)) {
        digest = dev.thesis.diag.FileDigest.of(path, md);
      }
    } catch (IOException e) {
      json.fail(e, open);
    }
    return part;
  }

  /**
   * The file read whole from its bytes when they are all ASCII and it is read without a single
   * problem; else null, and nothing reported: the file is then read again from a UTF-8 reader,
   * which reports every problem as it always has. In ASCII, a byte is a character, so the byte
   * parser gives every value the line and column the reader would; it decodes nothing and needs no
   * synchronized reader, and the digest is taken over the bytes at once.
   */
  private CorpusPart readAscii() {
    byte[] bytes;
    try {
      bytes = java.nio.file.Files.readAllBytes(path);
    } catch (IOException | OutOfMemoryError e) {
      return null;
    }
    if (!isAscii(bytes)) {
      return null;
    }
    CorpusPart part = CorpusPart.empty();
    try (JsonParser p = LocatedJson.asciiParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      readSections(p, part);
      if (!json.requireEnd(p) || !json.diagnostics().isEmpty()) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    java.security.MessageDigest md = dev.thesis.diag.FileDigest.hasher();
    md.update(bytes);
    digest = dev.thesis.diag.FileDigest.of(path, md);
    return part;
  }

  private static boolean isAscii(byte[] bytes) {
    // Eight bytes at a time: a byte outside ASCII has its top bit set. A zero byte counts as not
    // ASCII too: Jackson's byte parser would take a file of them for UTF-16 or UTF-32 and read it,
    // where the UTF-8 reader refuses it.
    int i = 0;
    int n = bytes.length & ~7;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
    for (; i < n; i += 8) {
      long v = b.getLong(i);
      if ((v & 0x8080808080808080L) != 0
          || ((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0) {
        return false;
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] <= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the sections of a corpus object whose START_OBJECT is the parser's current token, up to
   * and including its END_OBJECT, into {@code part}.
   */
  void readSections(JsonParser p, CorpusPart part) throws IOException {
    List<Source> sources = part.sources();
    List<Thesis> theses = part.theses();
    List<FactRecord> facts = part.facts();
    java.util.Set<String> sections = ascii ? new java.util.HashSet<>() : null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String section = p.currentName();
      if (ascii && !sections.add(section)) {
        throw new Redo();
      }
      Location sectionLoc = here(p);
      p.nextToken();
      switch (section) {
        case "sources" ->
            readArray(p, section, x -> SourceParser.source(readObject(x), this::error, sources));
        case "theses" ->
            readArray(p, section, x -> SourceParser.thesis(readObject(x), this::error, theses));
        case "facts" -> readArray(p, section, x -> this.facts.read(x, facts));
        case "questions" ->
            readArray(
                p,
                section,
                x -> QuestionParser.question(readObject(x), this::error, part.questions()));
        default -> {
          error(
              sectionLoc,
              "unknown section \"" + section + "\" (expected sources, theses, facts or questions)");
          p.skipChildren();
        }
      }
    }
  }

  /** Reads one entry of a section, from its START_OBJECT through its END_OBJECT. */
  @FunctionalInterface
  private interface EntryReader {
    void read(JsonParser p) throws IOException;
  }

  private void readArray(JsonParser p, String section, EntryReader each) throws IOException {
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
      each.read(p);
    }
  }

  private LocatedObject readObject(JsonParser p) throws IOException {
    Location start = here(p);
    Map<String, LocatedValue> members = new LinkedHashMap<>();
    Map<String, List<Location>> items = new java.util.HashMap<>(0);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Location at = here(p);
      if (p.currentToken() == JsonToken.START_ARRAY) {
        List<Location> at2 = new ArrayList<>();
        if (members.put(name, new LocatedValue(array(p, at2), at)) != null && ascii) {
          throw new Redo();
        }
        items.put(name, at2);
      } else if (members.put(name, new LocatedValue(value(p, true), at)) != null && ascii) {
        throw new Redo();
      }
    }
    return new LocatedObject(start, members, items);
  }

  /**
   * An array, with where each element starts (for errors that concern one element) added to {@code
   * at} unless it is null.
   */
  private JsonNode array(JsonParser p, List<Location> at) throws IOException {
    com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (at != null) {
        at.add(here(p));
      }
      out.add(value(p, true));
    }
    return out;
  }

  /**
   * The value of a member whose first token is current: an array element by element, anything else
   * as {@link #value}. {@code keep} as there.
   */
  JsonNode member(JsonParser p, boolean keep) throws IOException {
    return p.currentToken() == JsonToken.START_ARRAY ? array(p, null) : value(p, keep);
  }

  /**
   * A scalar built directly (the tree mapper costs an allocation-heavy context per value). Short
   * strings repeat across facts (types, sources, company names), so one copy of each is kept unless
   * {@code keep} is false (a value unique to its fact, such as an id).
   */
  private JsonNode value(JsonParser p, boolean keep) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (p.currentToken()) {
      case VALUE_STRING ->
          keep ? strings.string(p, this) : nodes.textNode(rejectLoneSurrogate(p, p.getText()));
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> nodes.numberNode(p.getIntValue());
            case LONG -> nodes.numberNode(p.getLongValue());
            default -> nodes.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> keep ? strings.decimal(p) : decimal(p);
      default -> {
        if (ascii) {
          // An object inside a value: the parser would not see a key in it twice.
          throw new Redo();
        }
        yield p.readValueAsTree();
      }
    };
  }

  /**
   * The current decimal as {@link #decimal(java.math.BigDecimal)} makes it. Most decimals are
   * written as Java prints their double ("0.85"): that double is then exactly what was written,
   * with no BigDecimal to build and compare.
   */
  static JsonNode decimal(JsonParser p) throws IOException {
    String text = p.getText();
    double d = Double.parseDouble(text);
    // Zero goes the long way: a BigDecimal has no negative zero, so -0.0 has always been read 0.0.
    return d != 0 && Double.toString(d).equals(text)
        ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(d)
        : decimal(p.getDecimalValue());
  }

  /**
   * A decimal as a double where the double is exactly the number written, as nearly all are; else
   * as written, so a BigDecimal field gets every digit and 1e400 does not become Infinity.
   */
  static JsonNode decimal(java.math.BigDecimal written) {
    double d = written.doubleValue();
    return Double.isFinite(d) && java.math.BigDecimal.valueOf(d).compareTo(written) == 0
        ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(d)
        : com.fasterxml.jackson.databind.node.DecimalNode.valueOf(written);
  }

  /**
   * The text, after an error if it holds a lone surrogate ({@link
   * LocatedJson#rejectLoneSurrogate}).
   */
  String rejectLoneSurrogate(JsonParser p, String text) {
    json.rejectLoneSurrogate(p, text);
    return text;
  }

  Location here(JsonParser p) {
    return json.here(p);
  }

  void error(Location where, String message) {
    json.error(where, message);
  }
}
