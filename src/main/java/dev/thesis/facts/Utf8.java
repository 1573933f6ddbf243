package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a file stops being valid UTF-8: the reader only says that it does. */
final class Utf8 {
  private Utf8() {}

  /**
   * The line and column (in characters) of the first byte that is not UTF-8; the file alone if
   * none.
   */
  static Location firstError(Path path, String display) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      CoderResult r = decoder.decode(in, out, true);
      if (!r.isError()) {
        return Location.ofFile(display);
      }
      out.flip();
      int line = 1;
      int column = 1;
      while (out.hasRemaining()) {
        char c = out.get();
        if (c == '\n') {
          line++;
          column = 1;
        } else if (c != '\uFEFF' || line > 1 || column > 1) {
          column++;
        }
      }
      return new Location(display, line, column);
    } catch (IOException | OutOfMemoryError e) {
      return Location.ofFile(display);
    }
  }
}
