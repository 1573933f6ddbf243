package dev.thesis.analysis;

import dev.thesis.facts.BoundFact;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The conclusions of one evaluation and the facts they rest on, numbered, with each justification's
 * premises as numbers: built once per evaluation and shared by the confidence arithmetic, the
 * question weighing, {@link Provenance} and the result's lookups by id, which before each built
 * their own maps as large as the corpus.
 *
 * <p>Nodes are the conclusions ({@code 0 <= node < conclusions}, in their order), then the facts
 * some justification names as a premise, each id once. Weighing reads only those, so the corpus's
 * other facts are looked at once (their ids against the premises') and indexed only if a lookup of
 * any fact by id is asked for ({@link #fact(String)}: reports, explanations). An id that names both
 * a fact and a conclusion is the conclusion's node (as a map filled with the facts, then the
 * conclusions, held it); {@link #fact(String)} still finds the fact. Justifications are numbered
 * across all conclusions, in their order.
 */
final class IdGraph implements Provenance.Lookup {
  private final List<BoundFact> facts;
  private final List<Conclusion> conclusions;

  /** Conclusion ids to their nodes; the other premise ids to {@code conclusions + k}. */
  private final IdIndex ids;

  /** The k-th premise id that is no conclusion's: its node, or -1 when it names no fact. */
  private final int[] otherNode;

  /** The nodes of the facts named by premises: to {@code conclusions + facts named}. */
  private final int[] factNode;

  /** Per conclusion, the position of a fact of the same id, or -1; null when there is none. */
  private final int[] sameIdFact;

  /** The first justification of conclusion i; one more entry, the number of justifications. */
  private final int[] firstJustification;

  /** The strength of justification j's rule. */
  private final double[] strength;

  /** The confidence of each fact node's fact, by {@code node - conclusions}. */
  private final double[] factConfidence;

  /** The first premise of justification j; one more entry, the number of premises. */
  private final int[] firstPremise;

  /** Each premise's node, or -1 for an id that is neither a fact nor a conclusion. */
  private final int[] premise;

  /** Every fact id to its position (the last, for an id given twice); built when first asked. */
  private volatile IdIndex factIndex;

  private IdGraph(List<BoundFact> facts, List<Conclusion> conclusions) {
    this.facts = facts;
    this.conclusions = conclusions;
    int n = conclusions.size();
    ids = new IdIndex(2 * n + 16);
    for (int i = 0; i < n; i++) {
      ids.put(conclusions.get(i).id(), i);
    }
    // One pass over the justifications, into arrays that grow (most conclusions have one).
    firstJustification = new int[n + 1];
    int[] first = new int[n + 16];
    double[] strengths = new double[n + 16];
    int[] premises = new int[2 * n + 16];
    int other = 0;
    int j = 0;
    int p = 0;
    for (int i = 0; i < n; i++) {
      firstJustification[i] = j;
      List<Justification> js = conclusions.get(i).justifications();
      for (int k = 0; k < js.size(); k++) {
        Justification x = js.get(k);
        if (j + 1 >= first.length) {
          first = Arrays.copyOf(first, first.length * 2);
          strengths = Arrays.copyOf(strengths, first.length);
        }
        strengths[j] = x.rule().strength();
        first[j++] = p;
        List<String> ps = x.premises();
        if (p + ps.size() > premises.length) {
          premises = Arrays.copyOf(premises, Math.max(premises.length * 2, p + ps.size()));
        }
        for (int q = 0; q < ps.size(); q++) {
          int node = ids.putIfAbsent(ps.get(q), n + other);
          if (node < 0) {
            node = n + other++;
          }
          premises[p++] = node;
        }
      }
    }
    firstJustification[n] = j;
    first[j] = p;
    firstPremise = first;
    strength = strengths;
    premise = premises;
    // One pass over the facts finds the premises' facts and the ids that are both.
    int[] found = new int[other];
    double[] confidences = new double[other];
    Arrays.fill(found, -1);
    int[] same = null;
    for (int f = 0; f < facts.size(); f++) {
      dev.thesis.facts.FactRecord r = facts.get(f).record();
      int node = ids.get(r.id());
      if (node >= n) {
        found[node - n] = f;
        confidences[node - n] = r.confidence();
      } else if (node >= 0) {
        if (same == null) {
          same = new int[n];
          Arrays.fill(same, -1);
        }
        same[node] = f;
      }
    }
    sameIdFact = same;
    // Premise ids that name no fact are no node; the others are renumbered densely.
    int[] renumbered = new int[other];
    int named = 0;
    for (int k = 0; k < other; k++) {
      renumbered[k] = found[k] < 0 ? -1 : n + named++;
    }
    factNode = new int[named];
    factConfidence = new double[named];
    for (int k = 0; k < other; k++) {
      if (renumbered[k] >= 0) {
        factNode[renumbered[k] - n] = found[k];
        factConfidence[renumbered[k] - n] = confidences[k];
      }
    }
    for (int q = 0; q < p; q++) {
      if (premise[q] >= n) {
        premise[q] = renumbered[premise[q] - n];
      }
    }
    otherNode = renumbered;
  }

  /** The node of an id (its conclusion's when it names both), or -1. */
  private int node(Object id) {
    int node = ids.get(id);
    return node < conclusions.size() ? node : otherNode[node - conclusions.size()];
  }

  private IdGraph(IdGraph base, List<Conclusion> bare) {
    this.facts = base.facts;
    this.conclusions = bare;
    this.ids = base.ids;
    this.otherNode = base.otherNode;
    this.factNode = base.factNode;
    this.sameIdFact = base.sameIdFact;
    this.firstJustification = base.firstJustification;
    this.firstPremise = base.firstPremise;
    this.premise = base.premise;
    this.strength = base.strength;
    this.factConfidence = base.factConfidence;
    this.factIndex = base.factIndex;
  }

  static IdGraph of(List<BoundFact> facts, List<Conclusion> conclusions) {
    return new IdGraph(facts, conclusions);
  }

  /**
   * This graph's lookups over the same conclusions, in the same order, kept without their
   * justifications; its nodes and numbers stay those of the weighing.
   */
  IdGraph withoutJustifications(List<Conclusion> bare) {
    if (bare.size() != conclusions.size()) {
      throw new IllegalArgumentException("not the same conclusions");
    }
    return new IdGraph(this, bare);
  }

  /** Conclusions and the facts premises name: the number of nodes. */
  int nodeCount() {
    return conclusions.size() + factNode.length;
  }

  int conclusionCount() {
    return conclusions.size();
  }

  /** The strength of justification j's rule. */
  double strength(int justification) {
    return strength[justification];
  }

  /** The confidence of a fact node's fact. */
  double factConfidence(int node) {
    return factConfidence[node - conclusions.size()];
  }

  /** The position in the facts of a fact node. */
  int factOf(int node) {
    return factNode[node - conclusions.size()];
  }

  /** The conclusion node of an id, or -1. */
  int conclusionNode(Object id) {
    int node = ids.get(id);
    return node < conclusions.size() ? node : -1;
  }

  List<BoundFact> facts() {
    return facts;
  }

  List<Conclusion> conclusions() {
    return conclusions;
  }

  int firstJustification(int conclusion) {
    return firstJustification[conclusion];
  }

  int justificationCount() {
    return firstJustification[conclusions.size()];
  }

  int firstPremise(int justification) {
    return firstPremise[justification];
  }

  int premise(int index) {
    return premise[index];
  }

  /** Whether some conclusion's id also names a fact. */
  boolean anySameId() {
    return sameIdFact != null;
  }

  /** The position of the fact with the same id as conclusion {@code node}, or -1. */
  int sameIdFact(int node) {
    return sameIdFact == null ? -1 : sameIdFact[node];
  }

  /** The position of the fact with this id, or -1 (the whole corpus indexed when first asked). */
  int factPosition(Object id) {
    return factIndex().get(id);
  }

  /** Distinct fact ids. */
  int factIdCount() {
    return factIndex().size();
  }

  private IdIndex factIndex() {
    IdIndex index = factIndex;
    if (index == null) {
      index = new IdIndex(facts.size());
      for (int f = 0; f < facts.size(); f++) {
        index.put(facts.get(f).record().id(), f);
      }
      factIndex = index;
    }
    return index;
  }

  /**
   * The facts under these ids, through every justification, transitively: the union of what {@link
   * Provenance#factsUnder} finds for each, in one walk. A bit stands for a fact id: {@code node -
   * conclusions} for a premise's, {@code facts named + c} for one named as conclusion c is.
   */
  BitSet factsUnder(Iterable<String> start) {
    int n = conclusions.size();
    BitSet seen = new BitSet(nodeCount());
    BitSet out = new BitSet();
    int[] todo = new int[16];
    int top = 0;
    for (String id : start) {
      int node = node(id);
      if (node >= 0) {
        if (top == todo.length) {
          todo = Arrays.copyOf(todo, top * 2);
        }
        todo[top++] = node;
      }
    }
    while (top > 0) {
      int node = todo[--top];
      if (seen.get(node)) {
        continue;
      }
      seen.set(node);
      if (node >= n) {
        out.set(node - n);
        continue;
      }
      if (sameIdFact != null && sameIdFact[node] >= 0) {
        out.set(factNode.length + node);
      }
      for (int p = firstPremise[firstJustification[node]],
              end = firstPremise[firstJustification[node + 1]];
          p < end;
          p++) {
        int q = premise[p];
        if (q >= 0 && !seen.get(q)) {
          if (top == todo.length) {
            todo = Arrays.copyOf(todo, top * 2);
          }
          todo[top++] = q;
        }
      }
    }
    return out;
  }

  @Override
  public Conclusion conclusion(String id) {
    int c = conclusionNode(id);
    return c < 0 ? null : conclusions.get(c);
  }

  @Override
  public BoundFact fact(String id) {
    int f = factPosition(id);
    return f < 0 ? null : facts.get(f);
  }

  @Override
  public List<Conclusion> all() {
    return conclusions;
  }
}
