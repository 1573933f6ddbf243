package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchorsTest {
  @Test
  void aPlainIdIsKeptAsItIs() {
    assertThat(Anchors.fact("s1-microsoft-backs-openai"))
        .isEqualTo("fact-s1-microsoft-backs-openai");
    assertThat(Anchors.conclusion("rivals:anthropic:openai"))
        .startsWith("conclusion-rivals-anthropic-openai-");
  }

  @Test
  void aRuleNameBecomesAFragmentWithoutSpacesOrQuotes() {
    String id = Anchors.rule("Competition is \"mutual\"");
    assertThat(id).matches("rule-competition-is-mutual-[0-9a-f]{6}");
  }

  @Test
  void idsThatDifferOnlyInWhatTheSlugDropsStayApart() {
    assertThat(Anchors.rule("A b")).isNotEqualTo(Anchors.rule("a-b"));
    assertThat(Anchors.rule("A b")).isNotEqualTo(Anchors.rule("A  b"));
    assertThat(Anchors.source("!!!")).matches("source-[0-9a-f]{6}");
  }
}
