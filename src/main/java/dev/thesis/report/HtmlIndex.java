package dev.thesis.report;

import dev.thesis.analysis.Argument;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.facts.BoundFact;
import dev.thesis.rules.RuleInfo;
import dev.thesis.rules.Stance;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries every mention in report.html links to: the facts and conclusions the arguments and
 * evidence rest on, and every rule. Each has one id from {@link Anchors}, so a fact mentioned in
 * the matrix, a map or a question always has a target, whether or not a tree shows it.
 */
public record HtmlIndex(
    List<Fact> facts, List<Derived> conclusions, List<Rule> rules, Map<String, String> targets) {

  /** A link: the text shown and its fragment, or a plain text when {@code href} is null. */
  public record Link(String text, String href) {}

  public record Fact(
      String id,
      String anchor,
      String description,
      String location,
      double confidence,
      Link source) {}

  /** A conclusion and each justification of it: the rule, and the premises it matched. */
  public record Derived(
      String id, String anchor, String description, double confidence, List<Why> because) {}

  public record Why(Link rule, List<Link> premises) {}

  /**
   * A rule (rules sharing a name share an entry).
   *
   * @param argues "for thesis-x", "against thesis-x", "rates question q", or null
   */
  public record Rule(
      String name,
      String anchor,
      List<String> locations,
      double strength,
      String argues,
      Link target) {}

  static HtmlIndex of(EvaluationResult r) {
    Set<String> under = reachable(r);
    Set<String> sources = new HashSet<>();
    r.corpus().sources().forEach(s -> sources.add(s.id()));
    List<Fact> facts = new ArrayList<>();
    for (BoundFact f : r.facts()) {
      String id = f.record().id();
      if (under.contains(id)) {
        String s = f.record().source();
        facts.add(
            new Fact(
                id,
                Anchors.fact(id),
                Describe.fact(f),
                f.record().location().file() + ":" + f.record().location().line(),
                f.record().confidence(),
                new Link(s, sources.contains(s) ? "#" + Anchors.source(s) : null)));
      }
    }
    List<Derived> conclusions = new ArrayList<>();
    for (Conclusion c : r.conclusions()) {
      if (!under.contains(c.id())) {
        continue;
      }
      List<Why> because = new ArrayList<>();
      for (Justification j : c.justifications()) {
        because.add(
            new Why(ruleLink(j.rule()), j.premises().stream().map(p -> premise(r, p)).toList()));
      }
      conclusions.add(
          new Derived(
              c.id(),
              Anchors.conclusion(c.id()),
              Describe.conclusion(c),
              r.confidenceOf(c.id()),
              because));
    }
    Set<String> theses = new HashSet<>();
    r.verdicts().forEach(v -> theses.add(v.thesis().id()));
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (RuleInfo rule : r.rules().rules()) {
      String where = rule.location().file() + ":" + rule.location().line();
      Rule prev = rules.get(rule.name());
      if (prev != null) {
        List<String> locations = new ArrayList<>(prev.locations());
        locations.add(where);
        rules.put(
            rule.name(),
            new Rule(
                prev.name(),
                prev.anchor(),
                locations,
                prev.strength(),
                prev.argues(),
                prev.target()));
        continue;
      }
      String argues = null;
      Link target = null;
      if (rule.argues()) {
        argues = rule.stance() == Stance.SUPPORTS ? "for" : "against";
        target =
            new Link(
                rule.thesis(),
                theses.contains(rule.thesis()) ? "#" + Anchors.thesis(rule.thesis()) : null);
      } else if (rule.ratesQuestion()) {
        argues = "rates the hypotheses of";
        String q = rule.rates().question();
        target = new Link(q, r.question(q).isPresent() ? "#" + Anchors.question(q) : null);
      }
      rules.put(
          rule.name(),
          new Rule(
              rule.name(),
              Anchors.rule(rule.name()),
              List.of(where),
              rule.strength(),
              argues,
              target));
    }
    Map<String, String> targets = new java.util.HashMap<>();
    sources.forEach(id -> targets.put(id, "#" + Anchors.source(id)));
    theses.forEach(id -> targets.put(id, "#" + Anchors.thesis(id)));
    r.questions().forEach(q -> targets.put(q.id(), "#" + Anchors.question(q.id())));
    rules.values().forEach(u -> targets.put(u.name(), "#" + u.anchor()));
    conclusions.forEach(c -> targets.put(c.id(), "#" + c.anchor()));
    facts.forEach(f -> targets.put(f.id(), "#" + f.anchor()));
    return new HtmlIndex(facts, conclusions, List.copyOf(rules.values()), targets);
  }

  /**
   * A sentence cut where it names a fact, conclusion, rule, source, thesis or question, each such
   * name a link: the longest name that starts and ends at a word's edge wins. Null gives none.
   */
  public List<Link> mentions(String text) {
    List<Link> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int longest = targets.keySet().stream().mapToInt(String::length).max().orElse(0);
    int plain = 0;
    int i = 0;
    while (i < text.length()) {
      String found = null;
      if (i == 0 || !idChar(text.charAt(i - 1))) {
        for (int end = Math.min(text.length(), i + longest); end > i; end--) {
          if ((end == text.length() || !idChar(text.charAt(end)))
              && targets.containsKey(text.substring(i, end))) {
            found = text.substring(i, end);
            break;
          }
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      if (plain < i) {
        out.add(new Link(text.substring(plain, i), null));
      }
      out.add(new Link(found, targets.get(found)));
      i += found.length();
      plain = i;
    }
    if (plain < text.length()) {
      out.add(new Link(text.substring(plain), null));
    }
    return out;
  }

  /** A character that can continue an id, so a name ending before one is only part of a word. */
  private static boolean idChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':';
  }

  /** A link to a rule's entry. */
  static Link ruleLink(RuleInfo rule) {
    return new Link(rule.name(), "#" + Anchors.rule(rule.name()));
  }

  /** A link to a fact's or a conclusion's entry. */
  static Link premise(EvaluationResult r, String id) {
    return new Link(id, "#" + ArgumentMap.premiseAnchor(r, id));
  }

  /**
   * The conclusions and facts the arguments and the questions' evidence rest on, through every
   * justification: what the report mentions.
   */
  static Set<String> reachable(EvaluationResult r) {
    Deque<String> todo = new ArrayDeque<>();
    r.arguments().stream().map(Argument::conclusion).forEach(todo::add);
    for (QuestionVerdict q : r.questions()) {
      q.evidence().forEach(e -> todo.addAll(e.conclusions()));
    }
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        r.conclusion(id).ifPresent(c -> c.justifications().forEach(j -> todo.addAll(j.premises())));
      }
    }
    return seen;
  }
}
