package dev.thesis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.diag.Location;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.FactRecord;
import dev.thesis.rules.RuleInfo;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The numbered graph weighs as the maps by id did, on graphs with every awkward case. */
class IdGraphTest {
  private static final double[] STRENGTHS = {1.0, 0.9, 0.5, 0.25};

  private static BoundFact fact(String id, double confidence) {
    return new BoundFact(
        new FactRecord(
            id, "F", "s", confidence, null, null, Map.of(), Location.ofFile("f"), 0L, null),
        null,
        null);
  }

  private static RuleInfo rule(double strength) {
    return new RuleInfo("p", "r" + strength, Location.ofFile("x.drl"), null, null, strength);
  }

  /**
   * Facts f0.. (some ids given twice, one named like a conclusion), conclusions c0.. resting on
   * facts, conclusions (cycles included) and ids that are neither.
   */
  private record Corpus(List<BoundFact> facts, List<Conclusion> conclusions) {}

  private static Corpus corpus(long seed) {
    Random r = new Random(seed);
    List<BoundFact> facts = new ArrayList<>();
    int nf = 1 + r.nextInt(30);
    for (int i = 0; i < nf; i++) {
      facts.add(fact("f" + r.nextInt(nf), r.nextInt(5) / 4.0));
    }
    int nc = r.nextInt(25);
    if (nc > 0 && r.nextBoolean()) {
      facts.add(fact("c0", 0.75));
    }
    List<Conclusion> conclusions = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      List<Justification> js = new ArrayList<>();
      for (int k = r.nextInt(3); k >= 0; k--) {
        List<String> premises = new ArrayList<>();
        for (int p = r.nextInt(4); p > 0; p--) {
          int what = r.nextInt(10);
          premises.add(
              what < 5 ? "f" + r.nextInt(nf + 2) : what < 9 ? "c" + r.nextInt(nc) : "ghost");
        }
        js.add(
            new Justification(
                rule(STRENGTHS[r.nextInt(STRENGTHS.length)]), Map.of("k", k), premises));
      }
      conclusions.add(new Conclusion("c" + i, "T", Map.of(), js));
    }
    return new Corpus(facts, conclusions);
  }

  @Test
  void confidencesAndFactsUnderAreThoseOfTheMapsById() {
    for (long seed = 0; seed < 500; seed++) {
      Corpus corpus = corpus(seed);
      List<BoundFact> facts = corpus.facts();
      List<Conclusion> conclusions = corpus.conclusions();

      Map<String, Double> expected = new HashMap<>();
      facts.forEach(f -> expected.put(f.record().id(), f.record().confidence()));
      Confidences.computeInto(expected, conclusions);
      IdGraph graph = IdGraph.of(facts, conclusions);
      ConfidenceTable table = Confidences.compute(graph);
      Map<String, Double> actual = table.asMap();
      assertThat(actual).as("seed %d", seed).isEqualTo(expected);
      assertThat(actual.size()).isEqualTo(expected.size());
      assertThat(new HashMap<>(actual)).isEqualTo(expected);
      assertThat(actual.getOrDefault("ghost", -1.0)).isEqualTo(-1.0);

      int number = 0;
      for (Conclusion c : conclusions) {
        for (Justification j : c.justifications()) {
          assertThat(table.justification(number++)).isEqualTo(Confidences.of(j, expected));
        }
      }

      // The reference: provenance over plain maps by id, as it was before the graph (the last fact
      // of an id wins, as a HashMap's put has it).
      Provenance provenance = new Provenance(graph);
      Provenance byMaps = byMaps(facts, conclusions);
      for (Conclusion c : conclusions) {
        assertThat(provenance.factsUnder(c.id()))
            .as("seed %d, %s", seed, c.id())
            .isEqualTo(byMaps.factsUnder(c.id()));
      }
      for (int i = 0; i + 1 < conclusions.size(); i += 2) {
        List<String> from = List.of(conclusions.get(i).id(), conclusions.get(i + 1).id());
        Set<String> under = new HashSet<>();
        from.forEach(id -> under.addAll(byMaps.factsUnder(id)));
        BitSet bits = graph.factsUnder(from);
        assertThat(bits.cardinality()).as("seed %d", seed).isEqualTo(under.size());
      }
      for (Conclusion c : conclusions) {
        assertThat(graph.conclusion(c.id())).isSameAs(c);
      }
    }
  }

  private static Provenance byMaps(List<BoundFact> facts, List<Conclusion> conclusions) {
    Map<String, BoundFact> fi = new HashMap<>();
    facts.forEach(f -> fi.put(f.record().id(), f));
    Map<String, Conclusion> ci = new HashMap<>();
    conclusions.forEach(c -> ci.put(c.id(), c));
    return new Provenance(
        new Provenance.Lookup() {
          @Override
          public Conclusion conclusion(String id) {
            return ci.get(id);
          }

          @Override
          public BoundFact fact(String id) {
            return fi.get(id);
          }

          @Override
          public java.util.Collection<Conclusion> all() {
            return conclusions;
          }
        });
  }

  @Test
  void sharedFactsAreFoundWhereverTheWalksMeet() {
    for (long seed = 0; seed < 200; seed++) {
      List<Conclusion> conclusions = corpus(seed).conclusions();
      IdGraph graph = IdGraph.of(corpus(seed).facts(), conclusions);
      Provenance provenance = byMaps(corpus(seed).facts(), conclusions);
      for (int i = 0; i < conclusions.size(); i++) {
        for (int k = 0; k < conclusions.size(); k++) {
          String a = conclusions.get(i).id();
          String b = conclusions.get(k).id();
          Set<String> both = new HashSet<>(provenance.factsUnder(a));
          both.retainAll(provenance.factsUnder(b));
          assertThat(graph.factsUnder(List.of(a)).intersects(graph.factsUnder(List.of(b))))
              .as("seed %d, %s and %s", seed, a, b)
              .isEqualTo(!both.isEmpty());
        }
      }
    }
  }
}
