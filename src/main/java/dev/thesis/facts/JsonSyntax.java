package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common JSON mistakes, at the token that is wrong rather than where the parser noticed: a
 * trailing comma at the comma (the parser stops at the bracket after it), a missing comma after the
 * value it should follow, an unquoted or single-quoted key at the key, a bracket never closed at
 * that bracket (the parser stops at the end of the file). The file is read again up to where the
 * parser stopped, once, only when it stopped.
 */
final class JsonSyntax {
  private JsonSyntax() {}

  /** A mistake, where it is and in plain words. */
  record Explained(Location at, String message) {}

  private static final Pattern START_MARKER =
      Pattern.compile(
          "expected close marker for (Array|Object) \\(start marker at .*?line: (\\d+), column:"
              + " (\\d+)\\]");

  private static final Pattern WRONG_CLOSE =
      Pattern.compile(
          "Unexpected close marker '(.)': expected '(.)' \\(for (?:Array|Object) starting at"
              + " .*?line: (\\d+), column: (\\d+)\\]\\)");

  /** How much of the file after the stopping point is read, for the token there. */
  private static final int AHEAD = 200;

  /** What went wrong, if it is one of the mistakes above; empty for any other. */
  static Optional<Explained> explain(Path path, String file, JsonProcessingException e) {
    String jackson = String.valueOf(e.getOriginalMessage());
    Matcher unclosed = START_MARKER.matcher(jackson);
    if (unclosed.find()) {
      boolean array = unclosed.group(1).equals("Array");
      return Optional.of(
          new Explained(
              new Location(
                  file, Integer.parseInt(unclosed.group(2)), Integer.parseInt(unclosed.group(3))),
              (array ? "this \"[\" is never closed" : "this \"{\" is never closed")
                  + ": the file ends before its "
                  + (array ? "\"]\"" : "\"}\"")));
    }
    JsonLocation loc = e.getLocation();
    Matcher wrong = WRONG_CLOSE.matcher(jackson);
    if (wrong.find() && loc != null) {
      return Optional.of(
          new Explained(
              new Location(
                  file, Integer.parseInt(wrong.group(3)), Integer.parseInt(wrong.group(4))),
              "this \""
                  + (wrong.group(2).equals("]") ? "[" : "{")
                  + "\" is never closed: a \""
                  + wrong.group(1)
                  + "\" comes at line "
                  + loc.getLineNr()
                  + ", column "
                  + loc.getColumnNr()
                  + " before its \""
                  + wrong.group(2)
                  + "\""));
    }
    if (loc == null || loc.getCharOffset() < 0 || path == null) {
      return Optional.empty();
    }
    Text text;
    try {
      text = Text.read(path, loc.getCharOffset());
    } catch (IOException | RuntimeException x) {
      return Optional.empty();
    }
    if (jackson.startsWith("Unexpected end-of-input in") && text.quoteLine > 0) {
      // The last quote before the end opened the string the file ends in.
      return Optional.of(
          new Explained(
              new Location(file, text.quoteLine, text.quoteColumn),
              "this "
                  + (jackson.contains("field name") ? "key" : "string")
                  + " is never closed: the file ends before its closing double quote"));
    }
    char here = text.here();
    char before = text.previous;
    if (before == ',' && (here == ']' || here == '}')) {
      return Optional.of(
          new Explained(
              text.previousAt(file),
              "trailing comma: remove it (JSON allows no comma before \"" + here + "\")"));
    }
    if (jackson.contains("was expecting comma to separate")) {
      String next = jackson.contains("Object entries") ? "member" : "item";
      return Optional.of(
          new Explained(
              text.afterPrevious(file),
              "missing comma: put one after this value (the next "
                  + next
                  + " starts at line "
                  + loc.getLineNr()
                  + ", column "
                  + loc.getColumnNr()
                  + ")"));
    }
    boolean keyExpected = jackson.contains("was expecting double-quote to start field name");
    if (here == '\'') {
      String word = text.quotedAhead('\'');
      return Optional.of(
          new Explained(
              text.hereAt(file),
              "single quotes: JSON "
                  + (keyExpected ? "keys" : "strings")
                  + " take double quotes"
                  + (word == null ? "" : " (\"" + word + "\")")));
    }
    if (keyExpected && Character.isJavaIdentifierStart(here)) {
      String word = text.wordAhead();
      return Optional.of(
          new Explained(
              text.hereAt(file),
              "the key " + word + " must be in double quotes: \"" + word + "\""));
    }
    if (before == ':' && (here == '}' || here == ']' || here == ',')) {
      return Optional.of(
          new Explained(text.hereAt(file), "missing value: a key needs a value after its \":\""));
    }
    return Optional.empty();
  }

  /** The file up to where the parser stopped, and a little after it. */
  private static final class Text {
    private final StringBuilder ahead = new StringBuilder();
    private char previous;
    private int previousLine;
    private int previousColumn;
    private int line = 1;
    private int column = 1;
    private int quoteLine;
    private int quoteColumn;

    /** Reads {@code path} (as the parser did: UTF-8, a leading BOM skipped) to {@code stop}. */
    static Text read(Path path, long stop) throws IOException {
      Text t = new Text();
      try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        long offset = 0;
        int c = in.read();
        if (c == '\uFEFF') {
          c = in.read();
        }
        for (; c >= 0 && offset < stop; c = in.read(), offset++) {
          if (c == '"' && t.previous != '\\') {
            t.quoteLine = t.line;
            t.quoteColumn = t.column;
          }
          if (!Character.isWhitespace(c)) {
            t.previous = (char) c;
            t.previousLine = t.line;
            t.previousColumn = t.column;
          }
          if (c == '\n') {
            t.line++;
            t.column = 1;
          } else {
            t.column++;
          }
        }
        for (int n = 0; c >= 0 && n < AHEAD; c = in.read(), n++) {
          t.ahead.append((char) c);
        }
      }
      return t;
    }

    char here() {
      return ahead.isEmpty() ? '\0' : ahead.charAt(0);
    }

    Location hereAt(String file) {
      return new Location(file, line, column);
    }

    Location previousAt(String file) {
      return new Location(file, previousLine, previousColumn);
    }

    /** Just after the last character before the stop: where a missing comma belongs. */
    Location afterPrevious(String file) {
      return new Location(file, previousLine, previousColumn + 1);
    }

    /** The text up to the closing {@code quote}, or null when there is none nearby. */
    String quotedAhead(char quote) {
      int end = ahead.indexOf(String.valueOf(quote), 1);
      return end < 0 ? null : ahead.substring(1, end);
    }

    /** The word that starts here: letters, digits, '_', '-', '.'. */
    String wordAhead() {
      int end = 0;
      while (end < ahead.length()
          && (Character.isLetterOrDigit(ahead.charAt(end))
              || "_-.$".indexOf(ahead.charAt(end)) >= 0)) {
        end++;
      }
      return ahead.substring(0, end);
    }
  }
}
