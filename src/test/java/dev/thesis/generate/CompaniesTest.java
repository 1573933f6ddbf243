package dev.thesis.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompaniesTest {
  /** A plan's values, arrays included (a record's equals compares arrays by identity). */
  private static String describe(CompanyPlan p) {
    return p.toString().replaceAll("\\[J@\\w+", java.util.Arrays.toString(p.spends()));
  }

  @Test
  void plansDependOnlyOnSeedAndIndexNotOnTheOrderTheyAreAskedIn() {
    Companies forward = new Companies(100_000, 9);
    List<String> plans = new ArrayList<>();
    for (long i = 1; i <= 300; i++) {
      plans.add(describe(forward.plan(i)));
    }
    Companies backward = new Companies(100_000, 9);
    // Far-away plans first, so that the cache holds other companies when these are asked again.
    for (long i = 99_000; i <= 100_000; i++) {
      backward.plan(i);
    }
    for (long i = 300; i >= 1; i--) {
      assertThat(describe(backward.plan(i))).isEqualTo(plans.get((int) i - 1));
    }
    assertThat(describe(new Companies(100_000, 10).plan(5))).isNotEqualTo(plans.get(4));
  }

  @Test
  void namesHaveOneWidthSoTheySortInIndexOrder() {
    Companies small = new Companies(2000, 1);
    assertThat(small.name(1)).isEqualTo("c0000001");
    assertThat(small.name(2000)).isEqualTo("c0002000");
    assertThat(small.name(Companies.OPENAI)).isEqualTo("openai");
    Companies huge = new Companies(12_000_000, 1);
    assertThat(huge.name(7)).isEqualTo("c00000007");
    assertThat(huge.name(12_000_000)).isEqualTo("c12000000");
  }

  @Test
  void evenTheSmallestCorpusHasEveryKind() {
    Companies four = new Companies(4, 1);
    EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (long i = 1; i <= 4; i++) {
      kinds.add(four.kind(i));
    }
    assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void neighboursAreNearbyAndWrapAroundTheEnds() {
    Companies c = new Companies(10_000, 1);
    SplittableRandom r = new SplittableRandom(1);
    for (int k = 0; k < 1000; k++) {
      long j = c.nearby(r, 5, null);
      long d = Math.min(Math.abs(j - 5), 10_000 - Math.abs(j - 5));
      assertThat(d).isBetween(1L, (long) Companies.WINDOW);
    }
    assertThat(c.wrap(0)).isEqualTo(10_000);
    assertThat(c.wrap(10_001)).isEqualTo(1);
  }
}
