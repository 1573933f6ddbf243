package dev.thesis.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {
  @Test
  void aMisspellingFindsTheIdItMeantBeforeAPrefix() {
    // The analyst's case from issue 15: substring matching alone offered only "catl".
    assertThat(Nearest.of("catl-sodum", List.of("catl", "catl-sodium", "byd-blade"), 8))
        .containsExactly("catl-sodium", "catl");
  }

  @Test
  void editsAreCountedAsAnAnalystMakesThem() {
    assertThat(Nearest.distance("sodum", "sodium")).isEqualTo(1); // a letter left out
    assertThat(Nearest.distance("sodiium", "sodium")).isEqualTo(1); // one added
    assertThat(Nearest.distance("sodiun", "sodium")).isEqualTo(1); // one changed
    assertThat(Nearest.distance("sodimu", "sodium")).isEqualTo(1); // two swapped
    assertThat(Nearest.distance("lfp", "nmc")).isEqualTo(3);
  }

  @Test
  void farIdsAreNotOffered() {
    assertThat(Nearest.of("two-chemistry", List.of("catl", "lfp-wins", "two-chemistries"), 8))
        .containsExactly("two-chemistries");
    assertThat(Nearest.of("zzz", List.of("catl", "lfp-wins"), 8)).isEmpty();
  }

  @Test
  void twoEditsAreNotCloseForAShortName() {
    // Offered on real DRL before: Person for Period, Date for Byte, Door for look (two edits each).
    assertThat(Nearest.of("Person", List.of("Period", "Spread"), 8)).isEmpty();
    assertThat(Nearest.of("Date", List.of("Byte"), 8)).isEmpty();
    assertThat(Nearest.of("Door", List.of("look"), 8)).isEmpty();
    // One edit is: a letter left out, or two swapped.
    assertThat(Nearest.of("PilotLin", List.of("PilotLine", "Period"), 8))
        .containsExactly("PilotLine");
    assertThat(Nearest.of("Bakced", List.of("Backed", "Period"), 8)).containsExactly("Backed");
  }

  @Test
  void aShortPrefixStillFindsWhatStartsWithIt() {
    assertThat(Nearest.of("wh", List.of("why", "bubble", "defence"), 8)).containsExactly("why");
  }

  @Test
  void didYouMeanOffersOnlyWhatIsCloseForItsLength() {
    assertThat(Nearest.didYouMean("primery", List.of("primary", "secondary"), 3))
        .isEqualTo("; did you mean \"primary\"?");
    // Two edits turn "zz" into "a" or "b", but it is a misspelling of neither.
    assertThat(Nearest.didYouMean("zz", List.of("a", "b"), 3)).isEmpty();
    // Only the nearest are offered: one edit to catl-sodium beats containing catl.
    assertThat(Nearest.didYouMean("catl-sodum", List.of("catl-sodium", "catl"), 3))
        .isEqualTo("; did you mean \"catl-sodium\"?");
    // Case aside, laba is labA; labB is one more letter off.
    assertThat(Nearest.didYouMean("laba", List.of("labA", "labB", "rival"), 3))
        .isEqualTo("; did you mean \"labA\"?");
    // A tie is a real ambiguity: both are one letter from invester.
    assertThat(Nearest.didYouMean("invester", List.of("investor", "investee"), 3))
        .isEqualTo("; did you mean \"investee\" or \"investor\"?");
  }
}
