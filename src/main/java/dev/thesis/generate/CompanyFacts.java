package dev.thesis.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The facts each company states, in the full vocabulary of the repository's rules, drawn so that
 * every rule there has something to fire on: investments (some circular, some hedged), spending,
 * competition, collaboration, and rarer facts (partnerships, promotions, bundles, market reactions,
 * executives' views, alarms and responses) in small shares.
 */
final class CompanyFacts {
  /** Every type written, in the order a company's facts come. */
  static final List<String> TYPES =
      List.of(
          "Company",
          "Investment",
          "CloudSpend",
          "ChipPurchase",
          "Competes",
          "PublicCollaboration",
          "Partnership",
          "CloudAddition",
          "ModelPromotion",
          "Bundling",
          "MarketReaction",
          "MarketLeader",
          "ExecutiveView",
          "CapabilityAlarm",
          "FeatureResponse");

  /** No company states more facts than this (a guard, and what sizes the file names). */
  static final int MAX_PER_COMPANY = 24;

  /** A provider's investment goes to a lab that spends with it this often. */
  static final double CIRCULAR = 0.4;

  /** A later investment goes to a competitor of an earlier investee this often. */
  static final double HEDGED = 0.1;

  /** An ordinary investment goes anywhere (instead of nearby) this often. */
  static final double LONG_RANGE = 0.1;

  private static final double[] CONFIDENCES = {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
  private static final String[] SCALES = {
    "seed", "series-a", "hundreds-of-millions", "multi-billion", "heavy"
  };

  private static final String[] COMPANY = {"name", "kind"};
  private static final String[] INVESTMENT = {"investor", "investee", "scale", "boardSeat"};
  private static final String[] CLOUD_SPEND = {"lab", "provider"};
  private static final String[] CHIP_PURCHASE = {"buyer", "vendor"};
  private static final String[] COMPETES = {"company", "rival"};
  private static final String[] COLLABORATION = {"a", "b"};
  private static final String[] PARTNERSHIP = {"lab", "partner", "depth"};
  private static final String[] ADDITION = {"lab", "provider"};
  private static final String[] PROMOTION = {"platform", "lab", "parity"};
  private static final String[] BUNDLING = {"vendor", "product", "partner"};
  private static final String[] REACTION = {"company", "reaction", "trigger"};
  private static final String[] LEADER = {"company", "market"};
  private static final String[] VIEW = {"company", "person", "view"};
  private static final String[] ALARM = {"company", "rival", "product"};
  private static final String[] RESPONSE = {"company", "rival", "area"};

  private final Companies companies;

  CompanyFacts(Companies companies) {
    this.companies = companies;
  }

  /**
   * The facts about openai and anthropic, which the alliance and threat motifs are drawn around:
   * stated once, before any company's. openai leads the market, so that the alliance against the
   * market leader has its leader.
   */
  List<Fact> anchors() {
    long[] labs = {Companies.OPENAI, Companies.ANTHROPIC};
    List<Fact> out = new ArrayList<>();
    for (long lab : labs) {
      String name = companies.name(lab);
      out.add(
          new Fact(
              name + "-company", "Company", 0.95, COMPANY, new Object[] {name, Kind.LAB.value()}));
    }
    out.add(
        new Fact(
            "anthropic-competes",
            "Competes",
            0.95,
            COMPETES,
            new Object[] {companies.name(Companies.ANTHROPIC), companies.name(Companies.OPENAI)}));
    out.add(
        new Fact(
            "openai-leads",
            "MarketLeader",
            0.95,
            LEADER,
            new Object[] {companies.name(Companies.OPENAI), "ai-industry"}));
    return out;
  }

  /**
   * How many facts of company i {@link #of} gives whose type is written: known from the plan alone.
   */
  int count(long i, Predicate<String> written) {
    CompanyPlan p = companies.plan(i);
    int n = 0;
    n += written.test("Company") ? 1 : 0;
    n += written.test("Investment") ? p.investments() : 0;
    for (long s : p.spends()) {
      n += written.test(spendType(s)) ? 1 : 0;
    }
    n += written.test("Competes") ? (p.competitor() != 0 ? 1 : 0) + (p.rivalsOpenai() ? 1 : 0) : 0;
    n += written.test("PublicCollaboration") && p.collaborates() ? 1 : 0;
    n += written.test("Partnership") ? p.partnerships() : 0;
    n += written.test("CloudAddition") && p.addsCloud() ? 1 : 0;
    n += written.test("ModelPromotion") && p.promotes() ? 2 : 0;
    n += written.test("Bundling") && p.bundles() ? 1 : 0;
    n += written.test("MarketReaction") && p.reacts() ? 1 : 0;
    n += written.test("ExecutiveView") && p.holdsView() ? 1 : 0;
    n += written.test("CapabilityAlarm") && p.alarmRival() != 0 ? 1 : 0;
    n += written.test("FeatureResponse") && p.responds() ? 1 : 0;
    return n;
  }

  /** Every fact company i states, in a fixed order. */
  List<Fact> of(long i) {
    CompanyPlan p = companies.plan(i);
    SplittableRandom r = companies.factRandom(i);
    String name = companies.name(i);
    List<Fact> out = new ArrayList<>(16);
    out.add(
        new Fact(
            name + "-company",
            "Company",
            confidence(r),
            COMPANY,
            new Object[] {name, p.kind().value()}));
    investments(p, r, name, out);
    long[] spends = p.spends();
    for (int k = 0; k < spends.length; k++) {
      String type = spendType(spends[k]);
      out.add(
          new Fact(
              name + "-spend" + (k + 1),
              type,
              confidence(r),
              type.equals("CloudSpend") ? CLOUD_SPEND : CHIP_PURCHASE,
              new Object[] {name, companies.name(spends[k])}));
    }
    if (p.competitor() != 0) {
      out.add(
          new Fact(
              name + "-competes",
              "Competes",
              confidence(r),
              COMPETES,
              new Object[] {name, companies.name(p.competitor())}));
    }
    if (p.rivalsOpenai()) {
      out.add(
          new Fact(
              name + "-competes-openai",
              "Competes",
              confidence(r),
              COMPETES,
              new Object[] {name, companies.name(Companies.OPENAI)}));
    }
    if (p.collaborates()) {
      out.add(
          new Fact(
              name + "-collab",
              "PublicCollaboration",
              confidence(r),
              COLLABORATION,
              new Object[] {name, companies.name(collaborator(p, r))}));
    }
    partnerships(p, r, name, out);
    if (p.addsCloud()) {
      long old = companies.firstCloud(p.spends());
      long added = rivalOf(old, r, Kind.CLOUD);
      out.add(
          new Fact(
              name + "-adds-cloud",
              "CloudAddition",
              confidence(r),
              ADDITION,
              new Object[] {name, companies.name(added)}));
    }
    if (p.promotes()) {
      long a = companies.nearby(r, i, Kind.LAB);
      long b = rivalOf(a, r, Kind.LAB);
      out.add(
          new Fact(
              name + "-promotes1",
              "ModelPromotion",
              confidence(r),
              PROMOTION,
              new Object[] {name, companies.name(a), r.nextDouble() < 0.8}));
      out.add(
          new Fact(
              name + "-promotes2",
              "ModelPromotion",
              confidence(r),
              PROMOTION,
              new Object[] {name, companies.name(b), r.nextDouble() < 0.8}));
    }
    if (p.bundles()) {
      out.add(
          new Fact(
              name + "-bundles",
              "Bundling",
              confidence(r),
              BUNDLING,
              new Object[] {
                name,
                r.nextDouble() < 0.5 ? "tpu" : "accelerators",
                companies.name(bundlingPartner(p, r))
              }));
    }
    if (p.reacts()) {
      out.add(
          new Fact(
              name + "-market",
              "MarketReaction",
              confidence(r),
              REACTION,
              new Object[] {
                name,
                r.nextDouble() < 0.7 ? "share-price-drop" : "share-price-rise",
                r.nextDouble() < 0.6 ? "circularity" : "earnings"
              }));
    }
    if (p.holdsView()) {
      out.add(
          new Fact(
              name + "-view",
              "ExecutiveView",
              confidence(r),
              VIEW,
              new Object[] {
                name,
                "ceo-of-" + name,
                r.nextDouble() < 0.5 ? "models-commoditize" : "models-specialize"
              }));
    }
    if (p.alarmRival() != 0) {
      String rival = companies.name(p.alarmRival());
      out.add(
          new Fact(
              name + "-alarm",
              "CapabilityAlarm",
              confidence(r),
              ALARM,
              new Object[] {name, rival, r.nextDouble() < 0.5 ? "coding-agent" : "assistant"}));
      if (p.responds()) {
        out.add(
            new Fact(
                name + "-response",
                "FeatureResponse",
                confidence(r),
                RESPONSE,
                new Object[] {name, rival, r.nextDouble() < 0.5 ? "coding" : "productivity"}));
      }
    }
    if (out.size() > MAX_PER_COMPANY) {
      throw new IllegalStateException(
          name + " states " + out.size() + " facts, more than " + MAX_PER_COMPANY);
    }
    return out;
  }

  private String spendType(long provider) {
    return companies.kind(provider) == Kind.CLOUD ? "CloudSpend" : "ChipPurchase";
  }

  private void investments(CompanyPlan p, SplittableRandom r, String name, List<Fact> out) {
    long[] chosen = new long[p.investments()];
    long[] anchored = anchoredTargets(p);
    for (int k = 0; k < chosen.length; k++) {
      long target =
          k < anchored.length && !Companies.contains(chosen, k, anchored[k]) ? anchored[k] : 0;
      if (target == 0 && p.kind().provider() && r.nextDouble() < CIRCULAR) {
        target = circular(p, r, chosen, k);
      }
      if (target == 0 && k > 0 && r.nextDouble() < HEDGED) {
        target = hedged(p, r, chosen, k);
      }
      if (target == 0) {
        target = ordinary(p, r, chosen, k);
      }
      chosen[k] = target;
      double u = r.nextDouble();
      Boolean boardSeat = u < 0.25 ? Boolean.TRUE : u < 0.75 ? Boolean.FALSE : null;
      String scale = r.nextDouble() < 0.2 ? null : SCALES[r.nextInt(SCALES.length)];
      out.add(
          new Fact(
              name + "-invests" + (k + 1),
              "Investment",
              confidence(r),
              INVESTMENT,
              new Object[] {name, companies.name(target), scale, boardSeat}));
    }
  }

  /**
   * The first investments of the companies in the motifs around openai and anthropic: a company
   * alarmed by anthropic may hold a stake in it; a backer of openai also backs a lab competing with
   * openai (a divided loyalty, when that lab is in the alliance). 0 where there is no such lab.
   */
  private long[] anchoredTargets(CompanyPlan p) {
    long[] out = new long[3];
    int n = 0;
    if (p.backsAnthropic()) {
      out[n++] = Companies.ANTHROPIC;
    }
    if (p.backsOpenai()) {
      out[n++] = Companies.OPENAI;
      for (int d = 1; d <= Companies.WINDOW && out[n] == 0; d++) {
        for (long j : new long[] {p.index() - d, p.index() + d}) {
          if (out[n] == 0 && j >= 1 && j <= companies.count() && companies.plan(j).rivalsOpenai()) {
            out[n] = j;
          }
        }
      }
      n++;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** A nearby lab that spends with the investor, so the money comes back: 0 when there is none. */
  private long circular(CompanyPlan investor, SplittableRandom r, long[] chosen, int k) {
    long[] candidates = new long[2 * Companies.WINDOW];
    int n = 0;
    for (int d = -Companies.WINDOW; d <= Companies.WINDOW; d++) {
      long j = companies.wrap(investor.index() + d);
      if (j != investor.index()
          && companies.kind(j) == Kind.LAB
          && !Companies.contains(chosen, k, j)
          && !Companies.contains(candidates, n, j)
          && companies.plan(j).spendsWith(investor.index())) {
        candidates[n++] = j;
      }
    }
    return n == 0 ? 0 : candidates[r.nextInt(n)];
  }

  /**
   * A competitor of one of the earlier investees, so the investor backs both sides: 0 when none.
   */
  private long hedged(CompanyPlan investor, SplittableRandom r, long[] chosen, int k) {
    int start = r.nextInt(k);
    for (int t = 0; t < k; t++) {
      for (long rival : competitors(chosen[(start + t) % k])) {
        if (rival != 0 && rival != investor.index() && !Companies.contains(chosen, k, rival)) {
          return rival;
        }
      }
    }
    return 0;
  }

  private long[] competitors(long company) {
    if (company == Companies.OPENAI) {
      return new long[] {Companies.ANTHROPIC};
    }
    if (company == Companies.ANTHROPIC) {
      return new long[] {Companies.OPENAI};
    }
    CompanyPlan p = companies.plan(company);
    return new long[] {p.competitor(), p.rivalsOpenai() ? Companies.OPENAI : 0};
  }

  /**
   * Mostly a nearby lab, sometimes a nearby company of any kind, now and then any company at all.
   */
  private long ordinary(CompanyPlan investor, SplittableRandom r, long[] chosen, int k) {
    long i = investor.index();
    for (int attempt = 0; attempt < 8; attempt++) {
      long j =
          r.nextDouble() < LONG_RANGE
              ? 1 + r.nextLong(companies.count())
              : companies.nearby(r, i, r.nextDouble() < 0.8 ? Kind.LAB : null);
      if (j != 0 && j != i && !Companies.contains(chosen, k, j)) {
        return j;
      }
    }
    return companies.wrap(
        i + 1); // only in corpora too small to have eight tries' worth of neighbours
  }

  /**
   * Whom a company collaborates with in public. A lab that competes with openai takes the previous
   * such lab (the alliance the rules look for); a lab often takes its competitor's competitor (they
   * share a rival); otherwise a nearby company of its kind.
   */
  private long collaborator(CompanyPlan p, SplittableRandom r) {
    long i = p.index();
    if (p.rivalsOpenai()) {
      for (long j = i - 1; j >= 1; j--) {
        if (companies.plan(j).rivalsOpenai()) {
          return j;
        }
      }
    }
    if (p.kind() == Kind.LAB && p.competitor() != 0 && r.nextDouble() < 0.5) {
      long d = companies.plan(p.competitor()).competitor();
      if (d != 0 && d != i) {
        return d;
      }
    }
    long j = companies.nearby(r, i, p.kind());
    return j != 0 ? j : companies.wrap(i + 1);
  }

  /**
   * The first partner is the lab's first provider; the second, that provider's rival when it has
   * one.
   */
  private void partnerships(CompanyPlan p, SplittableRandom r, String name, List<Fact> out) {
    if (p.partnerships() == 0) {
      return;
    }
    long first = p.spends().length > 0 ? p.spends()[0] : companies.nearby(r, p.index(), Kind.CLOUD);
    out.add(
        new Fact(
            name + "-partner1",
            "Partnership",
            confidence(r),
            PARTNERSHIP,
            new Object[] {name, companies.name(first), r.nextDouble() < 0.5 ? "deep" : null}));
    if (p.partnerships() == 2) {
      long second = rivalOf(first, r, companies.kind(first));
      out.add(
          new Fact(
              name + "-partner2",
              "Partnership",
              confidence(r),
              PARTNERSHIP,
              new Object[] {name, companies.name(second), r.nextDouble() < 0.3 ? "deep" : null}));
    }
  }

  /** The competitor of a company when it has one, else another nearby company of the kind asked. */
  private long rivalOf(long company, SplittableRandom r, Kind kind) {
    long rival = companies.plan(company).competitor();
    if (rival != 0) {
      return rival;
    }
    for (int attempt = 0; attempt < 4; attempt++) {
      long j = companies.nearby(r, company, kind);
      if (j != 0) {
        return j;
      }
    }
    return companies.wrap(company + 1);
  }

  /**
   * A nearby lab that buys the bundling vendor's rival's chips (an account it can lock in), else
   * any nearby lab.
   */
  private long bundlingPartner(CompanyPlan vendor, SplittableRandom r) {
    long rival = vendor.competitor();
    if (rival != 0) {
      for (int d = 0; d <= 2 * Companies.WINDOW; d++) {
        long j = companies.wrap(vendor.index() - Companies.WINDOW + d);
        if (j != vendor.index()
            && companies.kind(j) == Kind.LAB
            && companies.plan(j).spendsWith(rival)) {
          return j;
        }
      }
    }
    long j = companies.nearby(r, vendor.index(), Kind.LAB);
    return j != 0 ? j : companies.wrap(vendor.index() + 1);
  }

  private static double confidence(SplittableRandom r) {
    return CONFIDENCES[r.nextInt(CONFIDENCES.length)];
  }
}
