package dev.thesis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thesis.analysis.CriticalEvidence;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.Evaluator;
import dev.thesis.analysis.LiveEvaluation;
import dev.thesis.facts.BoundFact;
import dev.thesis.inputs.Inputs;
import dev.thesis.schema.DeclaredType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * How critical-evidence analysis scales with the number of facts: the same single-fact removals
 * done in one live session (retract, fire, weigh, re-insert) and by evaluating from scratch for
 * each. The corpus is the seed corpus replicated K times with renamed companies, sources and fact
 * ids. Usage: {@code CriticalBenchmark RULES FACTS RUNS K...}; prints a Markdown table.
 *
 * <p>A plain main, not a JMH benchmark: each row is a whole analysis over a corpus built for it
 * (seconds at K=16), compared side by side with its from-scratch alternative, and the table (with
 * its counts and ratios) is the result. Test scope keeps it out of thesis.jar; bench/critical runs
 * it.
 */
public final class CriticalBenchmark {
  private CriticalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path rules = Path.of(args[0]);
    Path facts = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    System.out.println(
        "| copies | facts | single-fact candidates | one live session (median ms) | from scratch"
            + " per fact (median ms) | ratio | pairs too, live (median ms) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 3; i < args.length; i++) {
      int k = Integer.parseInt(args[i]);
      Path dir = Files.createTempDirectory("thesis-bench");
      try {
        Inputs seed =
            new dev.thesis.inputs.Workspace(
                    dev.thesis.inputs.Settings.DEFAULT, new dev.thesis.diag.Timings())
                .load(dev.thesis.inputs.LoadSpec.of(rules, List.of(facts)))
                .orThrow();
        replicate(seed, facts, dir, k);
        Inputs in =
            new dev.thesis.inputs.Workspace(
                    dev.thesis.inputs.Settings.DEFAULT, new dev.thesis.diag.Timings())
                .load(dev.thesis.inputs.LoadSpec.of(rules, List.of(dir)))
                .orThrow();
        Evaluator evaluator = dev.thesis.Fixtures.evaluator(10_000_000L, 0);
        List<Long> live = new ArrayList<>();
        List<Long> scratch = new ArrayList<>();
        List<Long> pairs = new ArrayList<>();
        int candidates = 0;
        for (int r = 0; r < runs; r++) {
          long t0 = System.nanoTime();
          try (LiveEvaluation l = LiveEvaluation.start(in, evaluator)) {
            EvaluationResult base = l.result();
            CriticalEvidence.analyse(l, base, 1);
            live.add(System.nanoTime() - t0);
            SortedSet<String> c = CriticalEvidence.candidates(base);
            candidates = c.size();
            long t1 = System.nanoTime();
            evaluator.evaluate(in);
            for (String f : c) {
              List<BoundFact> kept =
                  in.facts().stream().filter(b -> !b.record().id().equals(f)).toList();
              evaluator.evaluate(new Inputs(in.rules(), in.corpus(), kept, List.of()));
            }
            scratch.add(System.nanoTime() - t1);
          }
          if (k <= 4) {
            long t2 = System.nanoTime();
            try (LiveEvaluation l = LiveEvaluation.start(in, evaluator)) {
              CriticalEvidence.analyse(l, l.result(), 2);
            }
            pairs.add(System.nanoTime() - t2);
          }
        }
        double a = median(live);
        double b = median(scratch);
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %d | %.0f | %.0f | %.1fx | %s |%n",
            k,
            in.facts().size(),
            candidates,
            a,
            b,
            b / a,
            pairs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", median(pairs)));
      } finally {
        try (Stream<Path> w = Files.walk(dir)) {
          w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static double median(List<Long> nanos) {
    List<Long> s = nanos.stream().sorted().toList();
    return s.get(s.size() / 2) / 1e6;
  }

  /**
   * K copies of the fact files: ids, sources and company names get a "-cN" suffix (copy 0 keeps
   * theses and questions).
   */
  static void replicate(Inputs seed, Path facts, Path out, int k) throws Exception {
    Set<String> companyFields = new HashSet<>();
    for (DeclaredType t : seed.rules().schema().types()) {
      for (DeclaredType.Field f : t.fields()) {
        if ("Company".equals(f.ref()) || (t.name().equals("Company") && f.key())) {
          companyFields.add(t.name() + "." + f.name());
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> w = Files.walk(facts)) {
      files = w.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (int c = 0; c < k; c++) {
      String sfx = "-c" + c;
      for (Path f : files) {
        ObjectNode root = (ObjectNode) mapper.readTree(f.toFile());
        ObjectNode copy = mapper.createObjectNode();
        ArrayNode sources = copy.putArray("sources");
        root.path("sources")
            .forEach(
                s ->
                    sources.add(((ObjectNode) s.deepCopy()).put("id", s.get("id").asText() + sfx)));
        if (c == 0 && root.has("theses")) {
          ArrayNode theses = copy.putArray("theses");
          root.path("theses")
              .forEach(
                  t ->
                      theses.add(
                          ((ObjectNode) t.deepCopy())
                              .put("source", t.get("source").asText() + sfx)));
        }
        if (c == 0 && root.has("questions")) {
          ArrayNode questions = copy.putArray("questions");
          root.path("questions")
              .forEach(
                  q ->
                      questions.add(
                          ((ObjectNode) q.deepCopy())
                              .put("source", q.get("source").asText() + sfx)));
        }
        ArrayNode out2 = copy.putArray("facts");
        for (JsonNode fact : root.path("facts")) {
          ObjectNode n = fact.deepCopy();
          n.put("id", fact.get("id").asText() + sfx);
          n.put("source", fact.get("source").asText() + sfx);
          String type = fact.get("type").asText();
          fact.fieldNames()
              .forEachRemaining(
                  name -> {
                    if (companyFields.contains(type + "." + name)) {
                      n.put(name, fact.get(name).asText() + sfx);
                    }
                  });
          out2.add(n);
        }
        mapper.writeValue(
            out.resolve(f.getFileName().toString().replace(".json", sfx + ".json")).toFile(), copy);
      }
    }
  }
}
