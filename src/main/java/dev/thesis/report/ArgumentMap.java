package dev.thesis.report;

import dev.thesis.analysis.Argument;
import dev.thesis.analysis.Confidences;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.rules.Rating;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Stance;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An argument map in the manner of Argdown and Carneades, laid out for argmap.jte as an SVG of four
 * columns: sources, premises, arguments, and the thesis (or a question's hypotheses). An argument
 * is one rule arguing for or against, however often it fired; its premises are those its
 * justifications matched, deduplicated and grouped by type and by the arguments they feed, so ten
 * justifications of one rule make one argument box above one list of the facts that differ. Every
 * box links to its entry in the report (Facts, Conclusions, Rules, Sources, Arguments).
 *
 * @param width, height the SVG's user units; it scales to the page's width
 */
public record ArgumentMap(
    int width, int height, List<Box> boxes, List<Edge> edges, String description) {

  /**
   * A box: its place, a CSS class (source, premise, pro, con, target, hypothesis), a first line in
   * bold, and lines below it; each line may link.
   */
  public record Box(
      int x, int y, int w, int h, String cssClass, Line head, List<Line> lines, String title) {}

  /** A line of text in a box; {@code href} is a fragment or null. */
  public record Line(String text, String href) {}

  /** A connector from the right side of one box to the left of the next: pro, con or plain. */
  public record Edge(String path, String cssClass) {}

  static final int LINE = 15;
  static final int PAD = 6;
  static final int GAP = 10;
  static final int[] X = {0, 120, 490, 930};
  static final int[] W = {90, 330, 400, 210};
  static final double CHAR = 6.6; // 11 px monospace

  /** The most premises a group box lists. */
  static final int MOST = 12;

  /** An argument before layout: the rule, its stance on each target, and its premises. */
  private record Arg(
      RuleInfo rule,
      Map<String, String> signs,
      int justifications,
      double score,
      TreeSet<String> premises) {}

  /** The map of a thesis: its arguments for and against. */
  static ArgumentMap of(EvaluationResult r, ThesisVerdict v) {
    String thesis = v.thesis().id();
    Map<String, Arg> args = new LinkedHashMap<>();
    for (Stance stance : List.of(Stance.SUPPORTS, Stance.OPPOSES)) {
      Map<String, List<Justification>> byRule = new TreeMap<>();
      Map<String, Map<String, Double>> perConclusion = new TreeMap<>();
      for (Argument a : v.arguments()) {
        if (a.stance() != stance) {
          continue;
        }
        Conclusion c = r.conclusion(a.conclusion()).orElseThrow();
        for (Justification j : c.justifications()) {
          if (argues(j.rule(), thesis, stance)) {
            byRule.computeIfAbsent(j.rule().name(), k -> new ArrayList<>()).add(j);
            perConclusion
                .computeIfAbsent(j.rule().name(), k -> new TreeMap<>())
                .merge(c.id(), Confidences.of(j, r.confidence()), Math::max);
          }
        }
      }
      String sign = stance == Stance.SUPPORTS ? "+" : "-";
      byRule.forEach(
          (name, js) ->
              args.put(
                  sign + name,
                  new Arg(
                      js.get(0).rule(),
                      Map.of(thesis, sign),
                      js.size(),
                      Confidences.noisyOr(new ArrayList<>(perConclusion.get(name).values())),
                      premisesOf(js))));
    }
    String verdict =
        v.question() == null
            ? String.format(
                Locale.ROOT,
                "support %s, opposition %s",
                Numbers.two(v.support()),
                Numbers.two(v.opposition()))
            : "posterior " + Numbers.two(v.posterior());
    List<Box> targets =
        List.of(
            target(
                "target",
                new Line(v.thesis().id(), "#" + Anchors.card(thesis)),
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                            new Line(v.verdict().name(), null), new Line(verdict, null)),
                        wrap(v.thesis().title(), W[3], 3).stream().map(l -> new Line(l, null)))
                    .toList(),
                v.thesis().title()));
    return layout(r, args, targets, List.of(thesis), "argument map of " + thesis);
  }

  /** The map of a question: each evidence rule, rating the hypotheses, and what it rests on. */
  static ArgumentMap of(EvaluationResult r, QuestionVerdict q) {
    Map<String, Arg> args = new LinkedHashMap<>();
    for (QuestionVerdict.Evidence e : q.evidence()) {
      List<Justification> js = new ArrayList<>();
      for (String id : e.conclusions()) {
        r.conclusion(id)
            .ifPresent(
                c ->
                    c.justifications().stream()
                        .filter(j -> j.rule().qualifiedName().equals(e.rule().qualifiedName()))
                        .forEach(js::add));
      }
      Map<String, String> signs = new LinkedHashMap<>();
      for (String h : q.question().weighed()) {
        Rating rating = e.ratings().get(h);
        if (rating != null && rating != Rating.N) {
          signs.put(h, (rating.weight() > 1 ? "+" : "-") + rating.name());
        }
      }
      args.put(
          e.rule().qualifiedName(),
          new Arg(e.rule(), signs, js.size(), e.confidence(), premisesOf(js)));
    }
    List<Box> targets = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (var p : q.posteriors().entrySet()) {
      boolean named = !p.getKey().equals(dev.thesis.facts.Question.OTHER);
      String verdict =
          q.hypotheses().stream()
              .filter(h -> h.id().equals(p.getKey()))
              .map(h -> h.verdict().name() + ", ")
              .findFirst()
              .orElse("");
      targets.add(
          target(
              "hypothesis",
              new Line(p.getKey(), named ? "#" + Anchors.thesis(p.getKey()) : null),
              List.of(new Line(verdict + "posterior " + Numbers.two(p.getValue()), null)),
              p.getKey()));
      ids.add(p.getKey());
    }
    return layout(r, args, targets, ids, "argument map of question " + q.id());
  }

  /** Whether a justification's rule argues this way about the thesis, or rates it so. */
  private static boolean argues(RuleInfo rule, String thesis, Stance stance) {
    if (rule.argues()) {
      return rule.thesis().equals(thesis) && rule.stance() == stance;
    }
    if (rule.ratesQuestion()) {
      Rating rating = rule.rates().ratings().get(thesis);
      return rating != null
          && (stance == Stance.SUPPORTS ? rating.weight() > 1 : rating.weight() < 1);
    }
    return false;
  }

  private static TreeSet<String> premisesOf(List<Justification> js) {
    TreeSet<String> out = new TreeSet<>();
    js.forEach(j -> out.addAll(j.premises()));
    return out;
  }

  private static Box target(String css, Line head, List<Line> lines, String title) {
    List<Line> fitted = lines.stream().map(l -> new Line(fit(l.text(), W[3]), l.href())).toList();
    return new Box(
        X[3],
        0,
        W[3],
        height(fitted.size()),
        css,
        new Line(fit(head.text(), W[3]), head.href()),
        fitted,
        title);
  }

  /** Premises of one type that feed the same arguments. */
  private record Group(String type, List<String> arguments, List<String> members) {}

  private static ArgumentMap layout(
      EvaluationResult r,
      Map<String, Arg> args,
      List<Box> targets,
      List<String> targetIds,
      String description) {
    List<String> argKeys = new ArrayList<>(args.keySet());
    // Group premises by their type and the arguments they feed, in the order of the first argument.
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, List<String>> feeds = new TreeMap<>();
    for (String key : argKeys) {
      for (String p : args.get(key).premises()) {
        feeds.computeIfAbsent(p, x -> new ArrayList<>()).add(key);
      }
    }
    for (String key : argKeys) {
      for (String p : args.get(key).premises()) {
        List<String> fed = feeds.get(p);
        if (!fed.get(0).equals(key)) {
          continue;
        }
        String type = typeOf(r, p);
        groups
            .computeIfAbsent(type + "\u0000" + fed, x -> new Group(type, fed, new ArrayList<>()))
            .members()
            .add(p);
      }
    }
    List<Box> boxes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    // Premise column: the groups stacked.
    Map<String, Box> groupBox = new LinkedHashMap<>();
    int y = GAP;
    for (var g : groups.entrySet()) {
      List<Line> lines = new ArrayList<>();
      int members = g.getValue().members().size();
      // A long list is cut: the Facts and Conclusions entries list them all.
      int shown = members <= MOST ? members : MOST - 1;
      for (String m : g.getValue().members().subList(0, shown)) {
        lines.add(new Line(fit(m, W[1]), "#" + premiseAnchor(r, m)));
      }
      if (shown < members) {
        lines.add(new Line("\u2026 and " + (members - shown) + " more", null));
      }
      Box b =
          new Box(
              X[1],
              y,
              W[1],
              height(lines.size()),
              "premise",
              new Line(g.getValue().type() + (members > 1 ? " \u00d7" + members : ""), null),
              lines,
              String.join(
                  "\n",
                  g.getValue().members().stream().limit(MOST).map(m -> describe(r, m)).toList()));
      groupBox.put(g.getKey(), b);
      y += b.h() + GAP;
    }
    // Argument column: each box beside the middle of its premises, pushed down past the one above.
    Map<String, Box> argBox = new LinkedHashMap<>();
    int floor = GAP;
    for (String key : argKeys) {
      Arg a = args.get(key);
      List<Line> lines = new ArrayList<>();
      lines.add(
          new Line(
              String.format(
                  Locale.ROOT,
                  "strength %s \u00b7 score %s",
                  Numbers.two(a.rule().strength()),
                  Numbers.two(a.score())),
              null));
      lines.add(
          new Line(
              a.justifications()
                  + (a.justifications() == 1 ? " justification" : " justifications")
                  + " \u00b7 "
                  + a.rule().location().file()
                  + ":"
                  + a.rule().location().line(),
              null));
      String title = a.rule().name();
      if (a.signs().values().stream().anyMatch(x -> x.length() > 1)) {
        // An evidence item: what it rates, N left out, since the edges only say up or down.
        List<String> rated = new ArrayList<>();
        a.signs().forEach((h, x) -> rated.add(h + " " + x.substring(1)));
        String rates = "rates " + String.join(", ", rated);
        lines.add(new Line(fit(rates, W[2]), null));
        title += "\n" + rates;
      }
      String sign = signOf(a);
      int h = height(lines.size());
      double mid =
          groups.entrySet().stream()
              .filter(g -> g.getValue().arguments().contains(key))
              .mapToDouble(g -> centre(groupBox.get(g.getKey())))
              .average()
              .orElse(floor + h / 2.0);
      Box b =
          beside(
              2,
              mid,
              floor,
              sign.equals("-") ? "con" : sign.equals("+") ? "pro" : "plain",
              new Line(
                  fit((sign.equals("-") ? "\u2212" : sign) + " " + a.rule().name(), W[2]),
                  "#" + Anchors.rule(a.rule().name())),
              lines,
              title);
      argBox.put(key, b);
      floor = b.y() + b.h() + GAP;
    }
    // Target column: the thesis (or hypotheses) beside the middle of the arguments.
    int targetsHeight = targets.stream().mapToInt(t -> t.h() + GAP).sum() - GAP;
    double argMid =
        argBox.isEmpty()
            ? targetsHeight / 2.0 + GAP
            : argBox.values().stream().mapToDouble(ArgumentMap::centre).average().orElse(0);
    int ty = Math.max(GAP, (int) Math.round(argMid - targetsHeight / 2.0));
    Map<String, Box> targetBox = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Box t = targets.get(i);
      Box placed = new Box(t.x(), ty, t.w(), t.h(), t.cssClass(), t.head(), t.lines(), t.title());
      targetBox.put(targetIds.get(i), placed);
      ty += t.h() + GAP;
    }
    // Source column: each source beside the middle of the premises it is quoted for.
    Map<String, List<Box>> quotedFor = new TreeMap<>();
    for (var g : groups.entrySet()) {
      Set<String> sources = new TreeSet<>();
      g.getValue().members().forEach(m -> sources.addAll(r.sourcesUnder(m)));
      sources.forEach(
          s -> quotedFor.computeIfAbsent(s, x -> new ArrayList<>()).add(groupBox.get(g.getKey())));
    }
    List<Map.Entry<String, List<Box>>> sources = new ArrayList<>(quotedFor.entrySet());
    sources.sort(
        java.util.Comparator.comparingDouble(
                (Map.Entry<String, List<Box>> e) ->
                    e.getValue().stream().mapToDouble(ArgumentMap::centre).average().orElse(0))
            .thenComparing(Map.Entry::getKey));
    Set<String> known = new TreeSet<>();
    r.corpus().sources().forEach(s -> known.add(s.id()));
    floor = GAP;
    // Past two dozen sources the rest are counted in one box: the Sources section lists them.
    int cut = sources.size() <= 2 * MOST ? sources.size() : 2 * MOST - 1;
    for (var s : sources.subList(0, cut)) {
      double mid = s.getValue().stream().mapToDouble(ArgumentMap::centre).average().orElse(0);
      Box b =
          beside(
              0,
              mid,
              floor,
              "source",
              new Line(
                  fit(s.getKey(), W[0]),
                  known.contains(s.getKey()) ? "#" + Anchors.source(s.getKey()) : null),
              List.of(),
              s.getKey());
      boxes.add(b);
      for (Box g : s.getValue()) {
        edges.add(edge(b, g, "plain"));
      }
      floor = b.y() + b.h() + GAP;
    }
    if (cut < sources.size()) {
      boxes.add(
          beside(
              0,
              floor,
              floor,
              "source",
              new Line("+" + (sources.size() - cut) + " more", null),
              List.of(),
              (sources.size() - cut) + " more sources"));
    }
    boxes.addAll(groupBox.values());
    for (var g : groups.entrySet()) {
      for (String key : g.getValue().arguments()) {
        edges.add(edge(groupBox.get(g.getKey()), argBox.get(key), "plain"));
      }
    }
    boxes.addAll(argBox.values());
    for (String key : argKeys) {
      Arg a = args.get(key);
      a.signs()
          .forEach(
              (target, sign) ->
                  edges.add(
                      edge(
                          argBox.get(key),
                          targetBox.get(target),
                          sign.startsWith("-") ? "con" : "pro")));
    }
    boxes.addAll(targetBox.values());
    int height = boxes.stream().mapToInt(b -> b.y() + b.h()).max().orElse(0) + GAP;
    return new ArgumentMap(X[3] + W[3], height, boxes, edges, description);
  }

  /**
   * "+" for an argument for, "-" against, "\u00b1" for an evidence item rating some hypotheses up
   * and others down.
   */
  private static String signOf(Arg a) {
    Set<String> signs = new TreeSet<>();
    a.signs().values().forEach(s -> signs.add(s.substring(0, 1)));
    return signs.size() == 1 ? signs.iterator().next() : "\u00b1";
  }

  /** A box in a column, centred on {@code mid} unless that would reach above {@code floor}. */
  private static Box beside(
      int column, double mid, int floor, String css, Line head, List<Line> lines, String title) {
    int h = height(lines.size());
    int top = Math.max(floor, (int) Math.round(mid - h / 2.0));
    return new Box(X[column], top, W[column], h, css, head, lines, title);
  }

  private static double centre(Box b) {
    return b.y() + b.h() / 2.0;
  }

  private static int height(int lines) {
    return PAD * 2 + LINE * (lines + 1);
  }

  private static Edge edge(Box from, Box to, String css) {
    int x1 = from.x() + from.w();
    int y1 = (int) Math.round(centre(from));
    int x2 = to.x();
    int y2 = (int) Math.round(centre(to));
    int mid = (x1 + x2) / 2;
    return new Edge(
        String.format(
            Locale.ROOT, "M%d,%d C%d,%d %d,%d %d,%d", x1, y1, mid, y1, mid, y2, x2 - 2, y2),
        css);
  }

  private static String typeOf(EvaluationResult r, String id) {
    return r.conclusion(id)
        .map(Conclusion::type)
        .or(() -> r.fact(id).map(f -> f.record().type()))
        .orElse("?");
  }

  private static String describe(EvaluationResult r, String id) {
    return id
        + "  "
        + r.conclusion(id)
            .map(Describe::conclusion)
            .or(() -> r.fact(id).map(Describe::fact))
            .orElse("");
  }

  /** The Facts or Conclusions entry a premise links to. */
  static String premiseAnchor(EvaluationResult r, String id) {
    return r.conclusion(id).isPresent() ? Anchors.conclusion(id) : Anchors.fact(id);
  }

  /** Words on up to {@code most} lines of a column, the last shortened when they do not fit. */
  static List<String> wrap(String s, int width, int most) {
    int max = (int) ((width - 2 * PAD) / CHAR);
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : s.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > max) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    out.add(line.toString());
    if (out.size() > most) {
      String rest = String.join(" ", out.subList(most - 1, out.size()));
      out = new ArrayList<>(out.subList(0, most - 1));
      out.add(rest);
    }
    return out.stream().map(l -> fit(l, width)).toList();
  }

  /** Shortened with an ellipsis to what fits a column of {@code width} units. */
  static String fit(String s, int width) {
    int max = (int) ((width - 2 * PAD) / CHAR);
    return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
  }
}
