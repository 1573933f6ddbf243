package dev.thesis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;

  @Test
  void aSeedSizedRunawayStopsWithinAMinute() {
    // The seed corpus: 51,932 bytes of rules and facts.
    Limits seed = Limits.defaults(51_932, 16 * GIB);
    // 45 s + 15 s x 51,932 / 1,048,576 = 45.743 s.
    assertThat(seed.wallClock()).isEqualTo(Duration.ofMillis(45_743));
    assertThat(seed.wallClock()).isLessThan(Duration.ofMinutes(1));
    assertThat(seed.heapBytes()).isEqualTo(GIB);
    assertThat(seed.processBytes()).isEqualTo(GIB + 3 * GIB);
  }

  @Test
  void aGeneratedCorpusGetsTimeAndHeapInProportion() {
    // 100k companies, full rules: 97 MiB of JSON, measured at 3.4 GB.
    Limits big = Limits.defaults(97 * MIB, 24 * GIB);
    assertThat(big.wallClock()).isEqualTo(Duration.ofSeconds(45 + 15 * 97));
    assertThat(big.heapBytes()).isEqualTo(64 * 97 * MIB);
  }

  @Test
  void theHeapIsAtMostThreeQuartersOfTheMachine() {
    assertThat(Limits.defaults(1024 * MIB, 8 * GIB).heapBytes()).isEqualTo(6 * GIB);
    // A machine smaller than the base heap: three quarters of it.
    assertThat(Limits.defaults(0, GIB).heapBytes()).isEqualTo(GIB / 4 * 3);
  }

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertThat(dev.thesis.diag.ByteSizes.show(GIB)).isEqualTo("1 GiB");
    assertThat(dev.thesis.diag.ByteSizes.show(GIB + GIB / 2)).isEqualTo("1.5 GiB");
    assertThat(dev.thesis.diag.ByteSizes.show(128 * MIB)).isEqualTo("128 MiB");
    assertThat(dev.thesis.diag.ByteSizes.parse("128m")).isEqualTo(128 * MIB);
    assertThat(dev.thesis.diag.ByteSizes.parse("1.5G")).isEqualTo(GIB + GIB / 2);
    assertThat(dev.thesis.diag.ByteSizes.parse("4096k")).isEqualTo(4 * MIB);
    assertThat(dev.thesis.diag.ByteSizes.parse("lots")).isEqualTo(-1);
    assertThat(Limits.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
    assertThat(Limits.seconds(Duration.ofSeconds(3))).isEqualTo("3 s");
  }
}
