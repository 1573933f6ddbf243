package dev.thesis.safemode;

import java.util.Arrays;

/** Turns offsets in a text into lines and columns (from 1); \n, \r\n and \r each end a line. */
final class LineStarts {
  private final int[] starts;

  LineStarts(String text) {
    int[] s = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (end) {
        if (count == s.length) {
          s = Arrays.copyOf(s, count * 2);
        }
        s[count++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(s, count);
  }

  int line(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  int column(int offset) {
    return offset - starts[line(offset) - 1] + 1;
  }
}
