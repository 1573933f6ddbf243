package dev.thesis.diag;

/**
 * Text from the inputs made safe to print on a terminal: a control character in a source, a title
 * or an id could otherwise move the cursor, clear the screen or fake a line of output. The reports
 * have their own escaping; this is for what the commands print.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * Writes each C0 control but tab (newline and carriage return included), DEL and each C1 control
   * as {@code \\u001b}; tab is kept so that a source line and its caret line up.
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * A block of lines made by a command, escaped as {@link #escape} does but keeping its newlines:
   * for output built from many values from the inputs (a delta, a timeline, a diff, test results).
   */
  public static String lines(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int from = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      sb.append(escape(text.substring(from, nl))).append('\n');
      from = nl + 1;
    }
    return sb.append(escape(text.substring(from))).toString();
  }

  /** How many columns {@code c} takes once escaped. */
  public static int width(char c) {
    return isControl(c) ? 6 : 1;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
  }
}
