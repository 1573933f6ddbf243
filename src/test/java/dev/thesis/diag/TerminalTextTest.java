package dev.thesis.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void controlsAreEscapedButTabAndPrintableTextAreNot() {
    assertThat(TerminalText.escape("a\u001b[2Jb\r\nc\u0000d\u007fe\u0085f\u009bg\th é…"))
        .isEqualTo("a\\u001b[2Jb\\u000d\\u000ac\\u0000d\\u007fe\\u0085f\\u009bg\th é…");
  }

  @Test
  void plainTextIsReturnedAsItIs() {
    String plain = "thesis bubble: The deals are a bubble";
    assertThat(TerminalText.escape(plain)).isSameAs(plain);
    assertThat(TerminalText.escape(null)).isNull();
  }
}
