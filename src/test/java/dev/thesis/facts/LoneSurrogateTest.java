package dev.thesis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Half a surrogate pair is refused; a whole pair (a character outside the BMP) is not. */
class LoneSurrogateTest {
  @Test
  void findsTheFirstHalfWithoutItsOtherHalf() {
    assertThat(LocatedJson.loneSurrogate("a\ud800b")).isEqualTo(1);
    assertThat(LocatedJson.loneSurrogate("ab\udc00")).isEqualTo(2);
    assertThat(LocatedJson.loneSurrogate("\ud800")).isZero();
    // A low half before its high half is not a pair.
    assertThat(LocatedJson.loneSurrogate("\ude00\ud83d")).isZero();
  }

  @Test
  void passesWholePairs() {
    assertThat(LocatedJson.loneSurrogate("\ud83d\ude00 and \ud83d\ude00")).isEqualTo(-1);
    assertThat(LocatedJson.loneSurrogate("")).isEqualTo(-1);
  }
}
