package dev.thesis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two report.json files compared by meaning, not by text: theses whose verdict or scores moved,
 * conclusions gained or lost, conclusions still there that now rest on other facts, and, for each,
 * the fact or rule edits that explain it where the reports show them.
 */
public record ReportDiff(List<String> inputsChanged, List<ThesisMove> theses, List<Change> lost,
    List<Change> gained, List<Change> reexplained, List<String> factsRemoved, List<String> factsAdded,
    List<String> factsChanged, List<String> rulesRemoved, List<String> rulesAdded) {

  /** A thesis whose verdict or scores differ, and the edits found under its arguments. */
  public record ThesisMove(String id, String verdictBefore, String verdictAfter, double supportBefore,
      double supportAfter, double oppositionBefore, double oppositionAfter, List<String> because) {}

  /** A conclusion that changed, and the edits that explain it. */
  public record Change(String id, List<String> because) {}

  public boolean isEmpty() {
    return inputsChanged.isEmpty() && theses.isEmpty() && lost.isEmpty() && gained.isEmpty()
        && reexplained.isEmpty() && factsRemoved.isEmpty() && factsAdded.isEmpty() && factsChanged.isEmpty()
        && rulesRemoved.isEmpty() && rulesAdded.isEmpty();
  }

  /** What makes a JSON tree unusable as a report, or null. */
  public static String problem(JsonNode n) {
    if (n == null || !n.isObject()) {
      return "not a JSON object";
    }
    for (String array : List.of("theses", "conclusions", "facts", "rules")) {
      if (!n.path(array).isArray()) {
        return "no \"" + array + "\" array";
      }
    }
    for (JsonNode t : n.path("theses")) {
      if (!t.path("id").isTextual() || !t.path("verdict").isTextual() || !t.path("support").isNumber()
          || !t.path("opposition").isNumber()) {
        return "a thesis lacks id, verdict, support or opposition";
      }
    }
    for (JsonNode c : n.path("conclusions")) {
      if (!c.path("id").isTextual() || !c.path("justifications").isArray()) {
        return "a conclusion lacks id or justifications";
      }
    }
    return null;
  }

  public static ReportDiff between(JsonNode before, JsonNode after) {
    Report a = new Report(before);
    Report b = new Report(after);
    List<String> inputs = new ArrayList<>();
    if (before.path("inputs").isMissingNode() || after.path("inputs").isMissingNode()) {
      inputs.add("(a report records no inputs: written before reports listed them)");
    }
    for (String f : before.path("inputs").isMissingNode() || after.path("inputs").isMissingNode() ? Set.<String>of()
        : union(a.inputs.keySet(), b.inputs.keySet())) {
      String x = a.inputs.get(f);
      String y = b.inputs.get(f);
      if (x == null) {
        inputs.add(f + " added");
      } else if (y == null) {
        inputs.add(f + " removed");
      } else if (!x.equals(y)) {
        inputs.add(f + " changed");
      }
    }
    List<ThesisMove> theses = new ArrayList<>();
    for (String id : union(a.theses.keySet(), b.theses.keySet())) {
      // (causes are attached below, once the fact and rule edits are known)
      JsonNode x = a.theses.get(id);
      JsonNode y = b.theses.get(id);
      String vx = x == null ? "ABSENT" : x.get("verdict").asText();
      String vy = y == null ? "ABSENT" : y.get("verdict").asText();
      double sx = x == null ? 0 : x.get("support").asDouble();
      double sy = y == null ? 0 : y.get("support").asDouble();
      double ox = x == null ? 0 : x.get("opposition").asDouble();
      double oy = y == null ? 0 : y.get("opposition").asDouble();
      if (!vx.equals(vy) || sx != sy || ox != oy) {
        theses.add(new ThesisMove(id, vx, vy, sx, sy, ox, oy, List.of()));
      }
    }
    Set<String> factsRemoved = minus(a.facts.keySet(), b.facts.keySet());
    Set<String> factsAdded = minus(b.facts.keySet(), a.facts.keySet());
    Set<String> factsChanged = new TreeSet<>();
    for (String id : a.facts.keySet()) {
      if (b.facts.containsKey(id) && !same(a.facts.get(id), b.facts.get(id))) {
        factsChanged.add(id);
      }
    }
    Set<String> rulesRemoved = minus(a.rules, b.rules);
    Set<String> rulesAdded = minus(b.rules, a.rules);
    Set<String> edited = new HashSet<>(factsChanged);
    List<Change> lost = new ArrayList<>();
    for (String id : minus(a.conclusions.keySet(), b.conclusions.keySet())) {
      lost.add(new Change(id, a.because(id, factsRemoved, factsChanged, rulesRemoved, "removed")));
    }
    List<Change> gained = new ArrayList<>();
    for (String id : minus(b.conclusions.keySet(), a.conclusions.keySet())) {
      gained.add(new Change(id, b.because(id, factsAdded, factsChanged, rulesAdded, "added")));
    }
    List<Change> reexplained = new ArrayList<>();
    for (String id : a.conclusions.keySet()) {
      if (b.conclusions.containsKey(id) && !a.justifications(id).equals(b.justifications(id))) {
        List<String> why = new ArrayList<>(a.because(id, factsRemoved, edited, rulesRemoved, "removed"));
        for (String w : b.because(id, factsAdded, edited, rulesAdded, "added")) {
          if (!why.contains(w)) {
            why.add(w);
          }
        }
        reexplained.add(new Change(id, why));
      }
    }
    // A thesis moves because of what changed under its arguments, in either report.
    Set<String> rulesChanged = new TreeSet<>();
    for (String name : a.ruleMeta.keySet()) {
      if (b.ruleMeta.containsKey(name) && !a.ruleMeta.get(name).equals(b.ruleMeta.get(name))) {
        rulesChanged.add(name);
      }
    }
    boolean thresholds = !before.path("thresholds").equals(after.path("thresholds"));
    List<ThesisMove> explained = new ArrayList<>();
    for (ThesisMove m : theses) {
      java.util.LinkedHashSet<String> why = new java.util.LinkedHashSet<>();
      if (thresholds) {
        why.add("thresholds changed");
      }
      for (String c : a.arguments(m.id())) {
        why.addAll(a.because(c, factsRemoved, factsChanged, union(rulesRemoved, rulesChanged), "removed"));
      }
      for (String c : b.arguments(m.id())) {
        why.addAll(b.because(c, factsAdded, factsChanged, union(rulesAdded, rulesChanged), "added"));
      }
      List<String> tidy = why.stream().map(w -> rulesChanged.stream().anyMatch(r -> w.equals("rule \"" + r + "\" removed")
          || w.equals("rule \"" + r + "\" added")) ? w.replaceAll(" (removed|added)$", " changed") : w).distinct().toList();
      explained.add(new ThesisMove(m.id(), m.verdictBefore(), m.verdictAfter(), m.supportBefore(), m.supportAfter(),
          m.oppositionBefore(), m.oppositionAfter(), tidy));
    }
    theses = explained;
    return new ReportDiff(inputs, theses, lost, gained, reexplained, List.copyOf(factsRemoved),
        List.copyOf(factsAdded), List.copyOf(factsChanged), List.copyOf(rulesRemoved), List.copyOf(rulesAdded));
  }

  private static boolean same(JsonNode x, JsonNode y) {
    for (String k : List.of("type", "fields", "source", "confidence", "date")) {
      if (!java.util.Objects.equals(x.get(k), y.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    TreeSet<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  /** One report.json, indexed. */
  private static final class Report {
    final Map<String, String> inputs = new TreeMap<>();
    final Map<String, JsonNode> theses = new TreeMap<>();
    final Map<String, JsonNode> conclusions = new TreeMap<>();
    final Map<String, JsonNode> facts = new TreeMap<>();
    final Set<String> rules = new TreeSet<>();
    final Map<String, String> ruleMeta = new TreeMap<>();

    Report(JsonNode root) {
      root.path("inputs").forEach(i -> inputs.put(i.path("kind").asText() + " " + i.path("name").asText(),
          i.path("sha256").asText()));
      root.path("theses").forEach(t -> theses.put(t.path("id").asText(), t));
      root.path("conclusions").forEach(c -> conclusions.put(c.path("id").asText(), c));
      root.path("facts").forEach(f -> facts.put(f.path("id").asText(), f));
      root.path("rules").forEach(r -> {
        rules.add(r.path("name").asText());
        ruleMeta.put(r.path("name").asText(), r.path("thesis").asText() + "|" + r.path("stance").asText() + "|"
            + r.path("strength").asText());
      });
    }

    /** The conclusions arguing a thesis (for and against). */
    List<String> arguments(String thesis) {
      List<String> out = new ArrayList<>();
      JsonNode t = theses.get(thesis);
      if (t != null) {
        t.path("for").forEach(x -> out.add(x.asText()));
        t.path("against").forEach(x -> out.add(x.asText()));
      }
      return out;
    }

    /** Each justification as "rule <- premises", sorted. */
    Set<String> justifications(String id) {
      Set<String> out = new TreeSet<>();
      conclusions.get(id).path("justifications").forEach(j -> {
        List<String> premises = new ArrayList<>();
        j.path("premises").forEach(p -> premises.add(p.asText()));
        out.add(j.path("rule").path("name").asText() + " <- " + String.join(", ", premises));
      });
      return out;
    }

    /** The edits among the facts and rules this conclusion rests on, transitively, in this report. */
    List<String> because(String id, Set<String> factEdits, Set<String> factChanges, Set<String> ruleEdits,
        String verb) {
      Set<String> out = new java.util.LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (!seen.add(next)) {
          continue;
        }
        if (factEdits.contains(next)) {
          out.add("fact " + next + " " + verb);
        } else if (factChanges.contains(next)) {
          out.add("fact " + next + " changed");
        }
        JsonNode c = conclusions.get(next);
        if (c != null) {
          c.path("justifications").forEach(j -> {
            String rule = j.path("rule").path("name").asText();
            if (ruleEdits.contains(rule)) {
              out.add("rule \"" + rule + "\" " + verb);
            }
            j.path("premises").forEach(p -> todo.add(p.asText()));
          });
        }
      }
      return List.copyOf(out);
    }
  }

  /** The diff for the terminal. */
  public String text() {
    if (isEmpty()) {
      return "The reports agree.\n";
    }
    StringBuilder sb = new StringBuilder();
    section(sb, "Inputs changed", inputsChanged);
    List<String> moves = theses.stream().map(m -> String.format(java.util.Locale.ROOT,
        "%s: %s -> %s, support %.4f -> %.4f, opposition %.4f -> %.4f%s", m.id(), m.verdictBefore(), m.verdictAfter(),
        m.supportBefore(), m.supportAfter(), m.oppositionBefore(), m.oppositionAfter(),
        m.because().isEmpty() ? "" : "  (" + String.join("; ", m.because()) + ")")).toList();
    section(sb, "Theses moved", moves);
    section(sb, "Conclusions lost", lost.stream().map(ReportDiff::line).toList());
    section(sb, "Conclusions gained", gained.stream().map(ReportDiff::line).toList());
    section(sb, "Conclusions now resting on other facts", reexplained.stream().map(ReportDiff::line).toList());
    section(sb, "Facts removed", factsRemoved);
    section(sb, "Facts added", factsAdded);
    section(sb, "Facts changed", factsChanged);
    section(sb, "Rules removed", rulesRemoved);
    section(sb, "Rules added", rulesAdded);
    return sb.toString();
  }

  private static String line(Change c) {
    return c.id() + (c.because().isEmpty() ? "" : "  (" + String.join("; ", c.because()) + ")");
  }

  private static void section(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append(title).append(" (").append(lines.size()).append("):\n");
    lines.forEach(l -> sb.append("  ").append(l).append('\n'));
  }

  /** The diff as JSON. */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("inputs_changed", inputsChanged);
    root.put("theses", theses.stream().map(m -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", m.id());
      t.put("verdict_before", m.verdictBefore());
      t.put("verdict_after", m.verdictAfter());
      t.put("support_before", m.supportBefore());
      t.put("support_after", m.supportAfter());
      t.put("opposition_before", m.oppositionBefore());
      t.put("opposition_after", m.oppositionAfter());
      t.put("because", m.because());
      return t;
    }).toList());
    root.put("lost", changes(lost));
    root.put("gained", changes(gained));
    root.put("reexplained", changes(reexplained));
    root.put("facts_removed", factsRemoved);
    root.put("facts_added", factsAdded);
    root.put("facts_changed", factsChanged);
    root.put("rules_removed", rulesRemoved);
    root.put("rules_added", rulesAdded);
    return JsonText.write(root);
  }

  private static List<Object> changes(List<Change> cs) {
    return cs.stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("because", c.because());
      return (Object) m;
    }).toList();
  }
}
