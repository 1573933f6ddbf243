package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void equalTextsHaveNoChangedLine() {
    assertThat(LineDiff.changed("a\nb", "a\nb")).isEmpty();
  }

  @Test
  void aReplacedLineIsRemovedThenAdded() {
    assertThat(LineDiff.changed("when\nA()\nthen\nx();", "when\nB()\nthen\nx();"))
        .containsExactly("- A()", "+ B()");
  }

  @Test
  void insertionsAndDeletionsKeepTheirOrder() {
    assertThat(LineDiff.changed("a\nb\nc", "a\nc\nd\ne")).containsExactly("- b", "+ d", "+ e");
    assertThat(LineDiff.changed("", "a")).containsExactly("+ a");
    assertThat(LineDiff.changed("a", "")).containsExactly("- a");
  }
}
