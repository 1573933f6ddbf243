package dev.thesis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Source;
import dev.thesis.rules.RuleInfo;
import dev.thesis.analysis.Argument;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import dev.thesis.analysis.Tension;
import dev.thesis.analysis.ThesisVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.json: the whole evaluation for machines and diffs. Every list has a fixed order and every
 * number a fixed precision, so the same inputs give byte-identical output.
 */
public final class JsonReport {
  /** Bumped when a field is renamed or removed; new fields do not bump it. */
  public static final int FORMAT = 1;

  // Fixed indenter and separators: the platform's line separator must not leak into the bytes.
  private static final ObjectWriter WRITER = new ObjectMapper().writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonReport() {}

  public static String render(EvaluationResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    // What the report was made from: the diff of two reports names the inputs that changed.
    root.put("inputs", r.inputFiles().stream()
        .map(f -> ordered("kind", f.kind(), "name", f.name(), "file", f.file(), "sha256", f.sha256())).toList());
    root.put("thresholds", ordered("support", r.thresholds().support(), "opposition", r.thresholds().opposition()));
    root.put("theses", r.verdicts().stream().map(v -> thesis(v, r)).toList());
    root.put("tensions", r.tensions().stream().map(JsonReport::tension).toList());
    root.put("conclusions", r.conclusions().stream().map(c -> conclusion(c, r)).toList());
    root.put("facts", r.facts().stream().map(JsonReport::fact).toList());
    root.put("sources", r.corpus().sources().stream().map(JsonReport::source).toList());
    root.put("rules", r.rules().rules().stream().map(rule -> rule(rule, r.firings(rule))).toList());
    return write(root);
  }

  /** Any tree of maps, lists and values in the report's fixed JSON style. */
  static String write(Object root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  private static Map<String, Object> thesis(ThesisVerdict v, EvaluationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.thesis().id());
    m.put("title", v.thesis().title());
    putIf(m, "claim", v.thesis().claim());
    putIf(m, "source", v.thesis().source());
    m.put("verdict", v.verdict().name());
    m.put("support", Numbers.round4(v.support()));
    m.put("opposition", Numbers.round4(v.opposition()));
    m.put("for", v.forArguments().stream().map(Argument::conclusion).toList());
    m.put("against", v.againstArguments().stream().map(Argument::conclusion).toList());
    m.put("rivals", v.rivals());
    m.put("sources", List.copyOf(r.thesisSources(v.thesis().id())));
    m.put("single_source", r.thesisSingleSource(v.thesis().id()));
    m.put("critical", r.critical(v.thesis().id()).stream()
        .map(c -> ordered("facts", c.facts(), "flipsTo", c.flipsTo().name())).toList());
    return m;
  }

  private static Map<String, Object> tension(Tension t) {
    return ordered("a", t.a(), "b", t.b(), "why", t.why());
  }

  private static Map<String, Object> conclusion(Conclusion c, EvaluationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("type", c.type());
    m.put("fields", c.fields());
    m.put("confidence", Numbers.round4(r.confidenceOf(c.id())));
    m.put("single_source", r.singleSource(c.id()));
    m.put("cyclic", r.cyclic(c.id()));
    List<Argument> args = r.argumentsOf(c.id());
    if (!args.isEmpty()) {
      m.put("thesis", args.get(0).thesis());
      m.put("stance", args.get(0).stance().label());
    }
    if (args.size() > 1) {
      // Rules of several theses justify it: each role, with its own confidence.
      m.put("arguments", args.stream().map(a -> ordered("thesis", a.thesis(), "stance", a.stance().label(),
          "confidence", Numbers.round4(a.confidence()))).toList());
    }
    List<Object> js = new ArrayList<>();
    for (Justification j : c.justifications()) {
      Map<String, Object> jm = new LinkedHashMap<>();
      jm.put("rule", ordered("name", j.rule().name(), "file", j.rule().location().file(),
          "line", j.rule().location().line()));
      jm.put("bindings", j.bindings());
      jm.put("premises", j.premises());
      js.add(jm);
    }
    m.put("justifications", js);
    return m;
  }

  private static Map<String, Object> fact(BoundFact f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.record().id());
    m.put("type", f.record().type());
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    f.record().fields().forEach((k, v) -> fields.put(k, v.value()));
    m.put("fields", fields);
    m.put("file", f.record().location().file());
    m.put("line", f.record().location().line());
    m.put("source", f.record().source());
    m.put("confidence", Numbers.round4(f.record().confidence()));
    putIf(m, "date", f.record().date());
    putIf(m, "note", f.record().note());
    return m;
  }

  private static Map<String, Object> source(Source s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("text", s.text());
    m.put("origin", s.origin());
    putIf(m, "date", s.date());
    return m;
  }

  private static Map<String, Object> rule(RuleInfo r, int fired) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("file", r.location().file());
    m.put("line", r.location().line());
    if (r.argues()) {
      m.put("thesis", r.thesis());
      m.put("stance", r.stance().label());
    }
    m.put("strength", r.strength());
    m.put("fired", fired);
    return m;
  }

  private static void putIf(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
