package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * One {@link TextNode} per distinct string of a file, found from the parser's own characters:
 * types, sources and entity names repeat across millions of facts, and a string met again then
 * costs no String of its own, nor a hash of one.
 */
final class TextNodes {
  private TextNode[] nodes = new TextNode[1 << 10];
  private int[] hashes = new int[1 << 10];

  /** Whether the string holds a lone surrogate, reported at every place it is written. */
  private boolean[] lone = new boolean[1 << 10];

  private int size;

  /**
   * The node of the string token the parser is at; {@code reader} reports a lone surrogate in it,
   * as often as it is written.
   */
  TextNode node(JsonParser p, FactFileReader reader) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int mask = nodes.length - 1;
    int i = spread(hash) & mask;
    for (TextNode n; (n = nodes[i]) != null; i = (i + 1) & mask) {
      if (hashes[i] == hash && same(n.textValue(), chars, offset, length)) {
        if (lone[i]) {
          reader.rejectLoneSurrogate(p, n.textValue());
        }
        return n;
      }
    }
    String text = new String(chars, offset, length);
    boolean isLone = LocatedJson.loneSurrogate(text) >= 0;
    if (isLone) {
      reader.rejectLoneSurrogate(p, text);
    }
    TextNode n = JsonNodeFactory.instance.textNode(text);
    nodes[i] = n;
    hashes[i] = hash;
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
    TextNode[] oldNodes = nodes;
    int[] oldHashes = hashes;
    boolean[] oldLone = lone;
    nodes = new TextNode[oldNodes.length * 2];
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
        hashes[i] = oldHashes[j];
        lone[i] = oldLone[j];
      }
    }
  }
}
