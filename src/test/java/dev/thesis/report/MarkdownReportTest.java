package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void carriesTheVerdictTableTensionsAndTreesDownToSources() throws Exception {
    String md = MarkdownReport.render(dev.thesis.Fixtures.evaluator().evaluate(Fixtures.mini()));
    assertThat(md)
        .contains("| [bubble](#bubble) | **SUPPORTED** | 0.64 | 0.30 | 1 | 1 | rational |");
    // No rule opposes lonely: its verdict was never put to the test.
    assertThat(md)
        .contains(
            "| [lonely](#lonely) | **UNSUPPORTED** _(unchallenged)_ | 0.00 | 0.00 | 0 | 0 |  |");
    assertThat(md).contains("- **bubble** vs **rational**: rivals both stand");
    assertThat(md)
        .contains(
            "- **for** `circular-funding:bigcloud` CircularFunding(investor=bigcloud) [0.64]");
    assertThat(md)
        .contains("      - s1: \"BigCloud funds LabA, and LabA runs on BigCloud.\" (fixture)");
    assertThat(md).contains("No argument for or against it was derived.");
  }

  @Test
  void escapesMarkdownInTextFromTheInputs() {
    assertThat(MarkdownReport.md("a|b *c* <d> [e](f) `g`"))
        .isEqualTo("a\\|b \\*c\\* \\<d\\> \\[e\\](f) \\`g\\`");
  }
}
