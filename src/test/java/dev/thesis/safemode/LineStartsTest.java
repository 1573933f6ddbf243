package dev.thesis.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineStartsTest {
  @Test
  void everyKindOfLineEndCountsOnce() {
    LineStarts l = new LineStarts("ab\ncd\r\nef\rgh");
    assertThat(l.line(0)).isEqualTo(1);
    assertThat(l.column(1)).isEqualTo(2);
    assertThat(l.line(3)).isEqualTo(2);
    assertThat(l.column(4)).isEqualTo(2);
    assertThat(l.line(5)).isEqualTo(2); // the \r of \r\n
    assertThat(l.line(7)).isEqualTo(3);
    assertThat(l.line(10)).isEqualTo(4);
    assertThat(l.column(11)).isEqualTo(2);
  }

  @Test
  void anEmptyTextHasOneLine() {
    assertThat(new LineStarts("").line(0)).isEqualTo(1);
  }
}
