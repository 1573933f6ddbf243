package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * One node per distinct string of a file, and per distinct decimal as written, found from the
 * parser's own characters: types, sources and entity names repeat across millions of facts, and so
 * do confidences; one met again then costs no String of its own, nor a hash of one, nor (a decimal)
 * a parse and a print.
 */
final class TextNodes {
  /** Decimals kept at most: a field may hold a different amount in every fact. */
  private static final int MAX_DECIMALS = 1 << 12;

  private JsonNode[] nodes = new JsonNode[1 << 10];

  /** The text of each node: a string's value, a decimal as written. */
  private String[] texts = new String[1 << 10];

  private int[] hashes = new int[1 << 10];

  /** Whether the string holds a lone surrogate, reported at every place it is written. */
  private boolean[] lone = new boolean[1 << 10];

  private int size;

  private int decimals;

  /**
   * The node of the string token the parser is at; {@code reader} reports a lone surrogate in it,
   * as often as it is written.
   */
  JsonNode string(JsonParser p, FactFileReader reader) throws IOException {
    int i = slot(p, false);
    if (nodes[i] != null) {
      if (lone[i]) {
        reader.rejectLoneSurrogate(p, texts[i]);
      }
      return nodes[i];
    }
    String text = p.getText();
    boolean isLone = LocatedJson.loneSurrogate(text) >= 0;
    if (isLone) {
      reader.rejectLoneSurrogate(p, text);
    }
    return add(i, JsonNodeFactory.instance.textNode(text), text, isLone);
  }

  /** The node of the decimal token the parser is at, as {@link FactFileReader#decimal} makes it. */
  JsonNode decimal(JsonParser p) throws IOException {
    int i = slot(p, true);
    if (nodes[i] != null) {
      return nodes[i];
    }
    JsonNode n = FactFileReader.decimal(p);
    if (decimals >= MAX_DECIMALS) {
      return n;
    }
    decimals++;
    return add(i, n, p.getText(), false);
  }

  /** The hash {@link #slot} worked out last, for {@link #add}. */
  private int lastHash;

  /**
   * The slot of the string or decimal token the parser is at, or the empty one it would take. The
   * string "1.5" and the decimal 1.5 are apart.
   */
  private int slot(JsonParser p, boolean decimal) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    int hash = hash(chars, offset, length);
    lastHash = hash;
    int mask = nodes.length - 1;
    int i = spread(hash) & mask;
    for (; nodes[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == hash
          && nodes[i].isTextual() != decimal
          && same(texts[i], chars, offset, length)) {
        return i;
      }
    }
    return i;
  }

  private static int hash(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    return hash;
  }

  private JsonNode add(int i, JsonNode n, String text, boolean isLone) {
    nodes[i] = n;
    texts[i] = text;
    hashes[i] = lastHash;
    lone[i] = isLone;
    if (++size * 2 > nodes.length) {
      grow();
    }
    return n;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private static boolean same(String s, char[] chars, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    JsonNode[] oldNodes = nodes;
    String[] oldTexts = texts;
    int[] oldHashes = hashes;
    boolean[] oldLone = lone;
    nodes = new JsonNode[oldNodes.length * 2];
    texts = new String[nodes.length];
    hashes = new int[nodes.length];
    lone = new boolean[nodes.length];
    int mask = nodes.length - 1;
    for (int j = 0; j < oldNodes.length; j++) {
      if (oldNodes[j] != null) {
        int i = spread(oldHashes[j]) & mask;
        while (nodes[i] != null) {
          i = (i + 1) & mask;
        }
        nodes[i] = oldNodes[j];
        texts[i] = oldTexts[j];
        hashes[i] = oldHashes[j];
        lone[i] = oldLone[j];
      }
    }
  }
}
