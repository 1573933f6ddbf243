package dev.thesis.generate;

import java.util.SplittableRandom;

/**
 * The synthetic companies: names, kinds and plans, each a pure function of the seed and the
 * company's index. Any company can be looked at from any other, in any order, so the output does
 * not depend on how it is split into files. Relations are drawn mostly between nearby indices
 * ({@link #WINDOW}), as industries cluster; that also keeps every rule's joins small.
 */
final class Companies {
  /** How far (in indices) a company looks for its neighbours. */
  static final int WINDOW = 32;

  /**
   * Only companies up to this index take part in the motifs around openai and anthropic (the labs
   * the seed corpus's alliance and threat are about), so that those two stay of bounded degree
   * however large the corpus: a rival shared by thousands of labs would make "Two labs share a
   * rival" quadratic.
   */
  static final long ANCHOR_SPAN = 200;

  /**
   * Indices of openai and anthropic, the anchors of those motifs; companies proper are 1..count.
   */
  static final long OPENAI = -1;

  static final long ANTHROPIC = -2;

  private static final long KIND_SALT = 0x4B494E44L;
  private static final long PLAN_SALT = 0x504C414EL;
  private static final long FACT_SALT = 0x46414354L;

  /** Companies 1 to 4 have one kind each, so that even a tiny corpus has every kind. */
  private static final Kind[] FIRST = {Kind.LAB, Kind.CLOUD, Kind.CHIPMAKER, Kind.VENTURE};

  private final long count;
  private final long seed;
  private final int width;

  /** Plans are recomputed on demand; this keeps the neighbourhood being written at hand. */
  private final CompanyPlan[] cache = new CompanyPlan[1 << 16];

  Companies(long count, long seed) {
    if (count < FIRST.length) {
      throw new IllegalArgumentException("at least " + FIRST.length + " companies, not " + count);
    }
    this.count = count;
    this.seed = seed;
    this.width = Math.max(7, Long.toString(count).length());
  }

  long count() {
    return count;
  }

  long seed() {
    return seed;
  }

  /** {@code c0000042}: fixed width, so names sort in index order. */
  String name(long i) {
    if (i == OPENAI) {
      return "openai";
    }
    if (i == ANTHROPIC) {
      return "anthropic";
    }
    char[] digits = new char[width + 1];
    digits[0] = 'c';
    long v = i;
    for (int k = width; k >= 1; k--) {
      digits[k] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(digits);
  }

  Kind kind(long i) {
    if (i < 0) {
      return Kind.LAB;
    }
    if (i <= FIRST.length) {
      return FIRST[(int) i - 1];
    }
    double u = (mix(seed, i, KIND_SALT) >>> 11) * 0x1.0p-53;
    return u < 0.50 ? Kind.LAB : u < 0.75 ? Kind.VENTURE : u < 0.90 ? Kind.CLOUD : Kind.CHIPMAKER;
  }

  CompanyPlan plan(long i) {
    int slot = (int) (i & (cache.length - 1));
    CompanyPlan p = cache[slot];
    if (p == null || p.index() != i) {
      p = draw(i);
      cache[slot] = p;
    }
    return p;
  }

  /**
   * The random stream for the facts of company i (separate from its plan's, which others replay).
   */
  SplittableRandom factRandom(long i) {
    return new SplittableRandom(mix(seed, i, FACT_SALT));
  }

  /** The index i + d, wrapped into 1..count. */
  long wrap(long j) {
    return Math.floorMod(j - 1, count) + 1;
  }

  /**
   * A company near i (not i) of the kind asked (any when null): the first such from a random point
   * within the window; 0 when there is none at all.
   */
  long nearby(SplittableRandom r, long i, Kind kind) {
    int offset = r.nextInt(-WINDOW, WINDOW);
    long start = wrap(i + (offset >= 0 ? offset + 1 : offset));
    for (long step = 0; step < count; step++) {
      long j = wrap(start + step);
      if (j != i && (kind == null || kind(j) == kind)) {
        return j;
      }
    }
    return 0;
  }

  private CompanyPlan draw(long i) {
    SplittableRandom r = new SplittableRandom(mix(seed, i, PLAN_SALT));
    Kind kind = kind(i);
    boolean lab = kind == Kind.LAB;
    boolean early = i <= ANCHOR_SPAN;
    long competitor = r.nextDouble() < 0.5 ? nearby(r, i, kind) : 0;
    boolean rivalsOpenai = early && lab && r.nextDouble() < 0.2;
    boolean collaborates = r.nextDouble() < 0.5;
    int investments = 2 + r.nextInt(3);
    long[] spends = spends(r, i);
    int partnerships = lab && r.nextDouble() < 0.2 ? 1 + r.nextInt(2) : 0;
    boolean addsCloud = lab && firstCloud(spends) != 0 && r.nextDouble() < 0.15;
    boolean promotes = kind == Kind.CLOUD && r.nextDouble() < 0.2;
    boolean bundles = kind == Kind.CHIPMAKER && r.nextDouble() < 0.3;
    boolean reacts = kind.provider() && r.nextDouble() < 0.15;
    boolean holdsView = kind == Kind.CLOUD && r.nextDouble() < 0.1;
    long alarmRival =
        early && !lab && r.nextDouble() < 0.2
            ? ANTHROPIC
            : competitor != 0 && r.nextDouble() < 0.05 ? competitor : 0;
    boolean responds = alarmRival != 0 && r.nextDouble() < 0.7;
    boolean backsAnthropic = alarmRival == ANTHROPIC && r.nextDouble() < 0.5;
    boolean backsOpenai = early && !lab && r.nextDouble() < 0.15;
    return new CompanyPlan(
        i,
        kind,
        competitor,
        rivalsOpenai,
        collaborates,
        investments,
        spends,
        partnerships,
        addsCloud,
        promotes,
        bundles,
        reacts,
        holdsView,
        alarmRival,
        responds,
        backsAnthropic,
        backsOpenai);
  }

  /**
   * One to three distinct providers, clouds more often than chip makers; a repeat is drawn again
   * once.
   */
  private long[] spends(SplittableRandom r, long i) {
    int wanted = 1 + r.nextInt(3);
    long[] out = new long[wanted];
    int n = 0;
    for (int s = 0; s < wanted; s++) {
      for (int attempt = 0; attempt < 2; attempt++) {
        Kind kind = r.nextDouble() < 0.6 ? Kind.CLOUD : Kind.CHIPMAKER;
        long p = nearby(r, i, kind);
        if (p != 0 && !contains(out, n, p)) {
          out[n++] = p;
          break;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  long firstCloud(long[] providers) {
    for (long p : providers) {
      if (kind(p) == Kind.CLOUD) {
        return p;
      }
    }
    return 0;
  }

  static boolean contains(long[] values, int n, long v) {
    for (int k = 0; k < n; k++) {
      if (values[k] == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * SplitMix64's finalizer over the three inputs: nearby indices and seeds give unrelated streams.
   */
  static long mix(long seed, long index, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
