package dev.thesis.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConclusionIdsTest {
  @Test
  void idsAreTheKebabTypeAndTheKeyValues() {
    assertThat(ConclusionIds.of("HedgedBet", Arrays.asList("msft", "a", "b")))
        .isEqualTo("hedged-bet:msft:a:b");
    assertThat(ConclusionIds.of("CEOView", Arrays.asList("x", null))).isEqualTo("ceo-view:x:-");
    assertThat(ConclusionIds.of("MultiCloud", Arrays.asList("lab", 3)))
        .isEqualTo("multi-cloud:lab:3");
  }
}
