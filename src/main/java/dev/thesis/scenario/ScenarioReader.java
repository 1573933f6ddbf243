package dev.thesis.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.facts.CorpusPart;
import dev.thesis.facts.InlineCorpus;
import dev.thesis.analysis.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario file, streaming, so that every scenario, expectation and inline fact keeps its
 * line and column. Paths in the file are relative to the file's folder.
 */
public final class ScenarioReader {
  private final Path file;
  private final String name;
  private final Path base;
  private final List<Diagnostic> diagnostics;

  private ScenarioReader(Path file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.name = DisplayPath.of(file);
    this.base = file.toAbsolutePath().getParent();
    this.diagnostics = diagnostics;
  }

  /** The scenarios of a file; problems go to {@code diagnostics} (a scenario with one is left out). */
  public static List<Scenario> read(Path file, List<Diagnostic> diagnostics) {
    return new ScenarioReader(file, diagnostics).read();
  }

  private List<Scenario> read() {
    List<Scenario> out = new ArrayList<>();
    Path rules = null;
    List<Path> facts = null;
    try (JsonParser p = InlineCorpus.parser(file)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        error(here(p), "a scenario file holds one JSON object with a \"scenarios\" array");
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Location keyAt = here(p);
        p.nextToken();
        Location at = here(p);
        switch (key) {
          case "rules" -> rules = path(p, at);
          case "facts" -> facts = paths(p, at);
          case "scenarios" -> {
            if (p.currentToken() != JsonToken.START_ARRAY) {
              error(at, "\"scenarios\" must be an array of objects");
              p.skipChildren();
              break;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              Scenario s = scenario(p);
              if (s != null) {
                out.add(s);
              }
            }
          }
          default -> {
            error(keyAt, "unknown key \"" + key + "\" (allowed: rules, facts, scenarios)");
            p.skipChildren();
          }
        }
      }
      if (p.nextToken() != null) {
        error(here(p), "unexpected content after the end of the top-level object");
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(InlineCorpus.error(e, name));
    } catch (IOException e) {
      error(Location.ofFile(name), "cannot read: " + e.getMessage());
    }
    // The file's rules and facts apply to scenarios that name none, wherever they are in the file.
    List<Scenario> resolved = new ArrayList<>();
    for (Scenario s : out) {
      resolved.add(new Scenario(s.name(), s.location(), s.rules() != null ? s.rules() : rules,
          s.facts() != null ? s.facts() : facts == null ? List.of() : facts, s.inline(), s.without(),
          s.withoutLocation(), s.expectations()));
    }
    return resolved;
  }

  private Scenario scenario(JsonParser p) throws IOException {
    Location at = here(p);
    if (p.currentToken() != JsonToken.START_OBJECT) {
      error(at, "each scenario must be an object");
      p.skipChildren();
      return null;
    }
    int errorsBefore = diagnostics.size();
    String scenarioName = null;
    Path rules = null;
    List<Path> facts = null;
    CorpusPart inline = null;
    List<String> without = List.of();
    Location withoutAt = at;
    List<Expectation> expectations = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyAt = here(p);
      p.nextToken();
      Location vat = here(p);
      switch (key) {
        case "name" -> scenarioName = string(p, vat, "name");
        case "rules" -> rules = path(p, vat);
        case "facts" -> facts = paths(p, vat);
        case "corpus" -> {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            error(vat, "\"corpus\" must be an object with sources, theses and facts, as in a fact file");
            p.skipChildren();
          } else {
            inline = InlineCorpus.read(p, file, name, diagnostics);
          }
        }
        case "without" -> {
          withoutAt = vat;
          without = strings(p, vat, "without");
        }
        case "expect" -> expect(p, vat, expectations);
        default -> {
          error(keyAt, "unknown key \"" + key + "\" in a scenario (allowed: name, rules, facts, corpus, without, expect)");
          p.skipChildren();
        }
      }
    }
    if (scenarioName == null) {
      error(at, "a scenario needs a \"name\"");
    }
    if (expectations.isEmpty()) {
      error(at, "scenario " + (scenarioName == null ? "" : "\"" + scenarioName + "\" ") + "expects nothing");
    }
    if (diagnostics.size() > errorsBefore) {
      return null;
    }
    return new Scenario(scenarioName, at, rules, facts, inline, without, withoutAt, expectations);
  }

  private void expect(JsonParser p, Location at, List<Expectation> out) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      error(at, "\"expect\" must be an object");
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyAt = here(p);
      p.nextToken();
      Location vat = here(p);
      switch (key) {
        case "conclusions" -> eachObject(p, vat, key, (node, loc) -> pattern(node, loc)
            .ifPresent(pt -> out.add(new Expectation.Exists(pt, loc))));
        case "absent" -> eachObject(p, vat, key, (node, loc) -> pattern(node, loc)
            .ifPresent(pt -> out.add(new Expectation.Absent(pt, loc))));
        case "verdicts" -> eachMember(p, vat, key, (thesis, node, loc) -> {
          Verdict v = verdict(node);
          if (v == null) {
            error(loc, "verdict of \"" + thesis + "\" must be SUPPORTED, REFUTED, CONTESTED or UNSUPPORTED");
          } else {
            out.add(new Expectation.VerdictIs(thesis, v, loc));
          }
        });
        case "support", "opposition" -> eachMember(p, vat, key, (thesis, node, loc) -> bounds(key, thesis, node, loc, out));
        case "tensions" -> tensions(p, vat, out);
        case "explanations" -> eachObject(p, vat, key, (node, loc) -> restsOn(node, loc, out));
        default -> {
          error(keyAt, "unknown expectation \"" + key
              + "\" (allowed: conclusions, absent, verdicts, support, opposition, tensions, explanations)");
          p.skipChildren();
        }
      }
    }
  }

  private java.util.Optional<ConclusionPattern> pattern(JsonNode node, Location at) {
    JsonNode type = node.get("type");
    JsonNode fields = node.get("fields");
    if (type == null || !type.isTextual()) {
      error(at, "a conclusion pattern needs a \"type\" (string)");
      return java.util.Optional.empty();
    }
    if (fields != null && !fields.isObject()) {
      error(at, "\"fields\" of a conclusion pattern must be an object");
      return java.util.Optional.empty();
    }
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("type") && !k.equals("fields")) {
        error(at, "unknown key \"" + k + "\" in a conclusion pattern (allowed: type, fields)");
        return java.util.Optional.empty();
      }
    }
    Map<String, JsonNode> f = new LinkedHashMap<>();
    if (fields != null) {
      fields.fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue()));
    }
    return java.util.Optional.of(new ConclusionPattern(type.asText(), f));
  }

  private void bounds(String side, String thesis, JsonNode node, Location at, List<Expectation> out) {
    if (!node.isObject()) {
      error(at, side + " of \"" + thesis + "\" must be an object like {\"min\": 0.5, \"max\": 1}");
      return;
    }
    Double min = null;
    Double max = null;
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isNumber() || !(e.getKey().equals("min") || e.getKey().equals("max"))) {
        error(at, side + " of \"" + thesis + "\" takes only numeric \"min\" and \"max\"");
        return;
      }
      if (e.getKey().equals("min")) {
        min = e.getValue().asDouble();
      } else {
        max = e.getValue().asDouble();
      }
    }
    if (min != null && max != null && min > max) {
      error(at, side + " of \"" + thesis + "\": min " + min + " is above max " + max);
      return;
    }
    out.add(new Expectation.Score(thesis, side, min, max, at));
  }

  private void tensions(JsonParser p, Location at, List<Expectation> out) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      error(at, "\"tensions\" must be an array of pairs of thesis ids");
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Location loc = here(p);
      JsonNode pair = p.readValueAsTree();
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
        error(loc, "a tension is a pair of thesis ids, like [\"a\", \"b\"]");
        continue;
      }
      String a = pair.get(0).asText();
      String b = pair.get(1).asText();
      out.add(new Expectation.TensionBetween(a.compareTo(b) <= 0 ? a : b, a.compareTo(b) <= 0 ? b : a, loc));
    }
  }

  private void restsOn(JsonNode node, Location at, List<Expectation> out) {
    JsonNode c = node.get("conclusion");
    if (c == null || !c.isObject()) {
      error(at, "an explanation expectation needs a \"conclusion\" pattern");
      return;
    }
    var pattern = pattern(c, at);
    Integer min = null;
    if (node.has("minSources")) {
      if (!node.get("minSources").canConvertToInt() || !node.get("minSources").isIntegralNumber()) {
        error(at, "\"minSources\" must be an integer");
        return;
      }
      min = node.get("minSources").asInt();
      if (min < 1) {
        error(at, "\"minSources\" must be at least 1");
        return;
      }
    }
    List<String> on = texts(node.get("restsOn"), at, "restsOn");
    List<String> notOn = texts(node.get("notRestsOn"), at, "notRestsOn");
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!List.of("conclusion", "minSources", "restsOn", "notRestsOn").contains(k)) {
        error(at, "unknown key \"" + k + "\" (allowed: conclusion, minSources, restsOn, notRestsOn)");
        return;
      }
    }
    if (min == null && on.isEmpty() && notOn.isEmpty()) {
      error(at, "an explanation expectation needs minSources, restsOn or notRestsOn");
      return;
    }
    if (pattern.isPresent() && on != null && notOn != null) {
      out.add(new Expectation.RestsOn(pattern.get(), min, on, notOn, at));
    }
  }

  private List<String> texts(JsonNode node, Location at, String key) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      error(at, "\"" + key + "\" must be an array of fact ids");
      return out;
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        error(at, "\"" + key + "\" must be an array of fact ids (strings)");
        return out;
      }
      out.add(n.asText());
    }
    return out;
  }

  private static Verdict verdict(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return Verdict.valueOf(node.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Calls {@code each} for every object of the array at the parser, with its location. */
  private void eachObject(JsonParser p, Location at, String key, ObjectVisitor each) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      error(at, "\"" + key + "\" must be an array of objects");
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Location loc = here(p);
      JsonNode node = p.readValueAsTree();
      if (!node.isObject()) {
        error(loc, "each entry of \"" + key + "\" must be an object");
        continue;
      }
      each.visit(node, loc);
    }
  }

  /** Calls {@code each} for every member of the object at the parser, with its value's location. */
  private void eachMember(JsonParser p, Location at, String key, MemberVisitor each) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      error(at, "\"" + key + "\" must be an object keyed by thesis id");
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String member = p.currentName();
      p.nextToken();
      Location loc = here(p);
      each.visit(member, p.readValueAsTree(), loc);
    }
  }

  private interface ObjectVisitor {
    void visit(JsonNode node, Location at);
  }

  private interface MemberVisitor {
    void visit(String member, JsonNode node, Location at);
  }

  private String string(JsonParser p, Location at, String key) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      error(at, "\"" + key + "\" must be a string");
      p.skipChildren();
      return null;
    }
    return p.getText();
  }

  private List<String> strings(JsonParser p, Location at, String key) throws IOException {
    JsonNode node = p.readValueAsTree();
    List<String> out = new ArrayList<>();
    if (!node.isArray()) {
      error(at, "\"" + key + "\" must be an array of strings");
      return out;
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        error(at, "\"" + key + "\" must be an array of strings");
        return out;
      }
      out.add(n.asText());
    }
    return out;
  }

  private Path path(JsonParser p, Location at) throws IOException {
    String s = string(p, at, "rules");
    return s == null ? null : base.resolve(s).normalize();
  }

  private List<Path> paths(JsonParser p, Location at) throws IOException {
    return strings(p, at, "facts").stream().map(s -> base.resolve(s).normalize()).toList();
  }

  private Location here(JsonParser p) {
    return InlineCorpus.here(p, name);
  }

  private void error(Location at, String message) {
    diagnostics.add(Diagnostic.error(at, message));
  }
}
