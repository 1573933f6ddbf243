package dev.thesis.analysis;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The confidence of every node of an {@link IdGraph}, in an array, as {@link Confidences} computes
 * it; {@link #asMap()} shows it, with every other fact's own confidence, as the map by id that
 * results and reports read, without a boxed entry per id.
 */
final class ConfidenceTable {
  private final IdGraph graph;
  private final double[] value;

  ConfidenceTable(IdGraph graph, double[] value) {
    this.graph = graph;
    this.value = value;
  }

  /**
   * The same values over a graph of the same nodes (its conclusions kept without justifications).
   */
  ConfidenceTable over(IdGraph same) {
    return new ConfidenceTable(same, value);
  }

  /**
   * Justification {@code j} (numbered as in the graph): its rule's strength times its weakest
   * premise, as {@link Confidences#of}.
   */
  double justification(int j) {
    return Confidences.worth(graph, j, value);
  }

  /** Unmodifiable, by fact or conclusion id. */
  Map<String, Double> asMap() {
    return new View();
  }

  private final class View extends AbstractMap<String, Double> {
    private int size = -1;

    @Override
    public Double get(Object key) {
      return getOrDefault(key, null);
    }

    @Override
    public Double getOrDefault(Object key, Double otherwise) {
      int c = graph.conclusionNode(key);
      if (c >= 0) {
        return value[c];
      }
      int f = graph.factPosition(key);
      return f < 0 ? otherwise : graph.facts().get(f).record().confidence();
    }

    @Override
    public boolean containsKey(Object key) {
      return graph.conclusionNode(key) >= 0 || graph.factPosition(key) >= 0;
    }

    @Override
    public int size() {
      if (size < 0) {
        int both = 0;
        for (int c = 0; graph.anySameId() && c < graph.conclusionCount(); c++) {
          if (graph.sameIdFact(c) >= 0) {
            both++;
          }
        }
        size = graph.factIdCount() + graph.conclusionCount() - both;
      }
      return size;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return View.this.size();
        }

        @Override
        public Iterator<Entry<String, Double>> iterator() {
          return new Entries();
        }
      };
    }
  }

  /** The conclusions, then each fact id once (at its last fact) that no conclusion has. */
  private final class Entries implements Iterator<Map.Entry<String, Double>> {
    private final int conclusions = graph.conclusionCount();
    private int next = advance(0);

    private int advance(int i) {
      while (i >= conclusions && i - conclusions < graph.facts().size()) {
        String id = graph.facts().get(i - conclusions).record().id();
        if (graph.factPosition(id) == i - conclusions && graph.conclusionNode(id) < 0) {
          break;
        }
        i++;
      }
      return i;
    }

    @Override
    public boolean hasNext() {
      return next < conclusions + graph.facts().size();
    }

    @Override
    public Map.Entry<String, Double> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int i = next;
      next = advance(i + 1);
      return i < conclusions
          ? new AbstractMap.SimpleImmutableEntry<>(graph.conclusions().get(i).id(), value[i])
          : new AbstractMap.SimpleImmutableEntry<>(
              graph.facts().get(i - conclusions).record().id(),
              graph.facts().get(i - conclusions).record().confidence());
    }
  }
}
