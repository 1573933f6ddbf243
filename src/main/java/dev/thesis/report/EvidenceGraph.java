package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.facts.BoundFact;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.GraphRole;
import dev.thesis.trace.Conclusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web of who does what to whom: entities as nodes, stated relations as edges, derived
 * conclusions as highlighted edges. What is an entity and what is an edge comes from DRL metadata
 * ({@code @entity}, {@code @edge}), so an analyst's new types appear without Java changes.
 *
 * @param colours the colours declared per kind ({@code @entity(color = ...)}); other kinds get
 *     theirs from {@link KindColours}
 */
public record EvidenceGraph(List<Node> nodes, List<Edge> edges, Map<String, String> colours) {

  /** A graph whose kinds declare no colour. */
  public EvidenceGraph(List<Node> nodes, List<Edge> edges) {
    this(nodes, edges, Map.of());
  }

  /** An entity: its key, the label shown and its kind (which picks the colour). */
  public record Node(String id, String label, String kind) {}

  /** The colour of a kind: declared, else hashed from its name; grey for "other". */
  public String colour(String kind) {
    return KindColours.of(kind, colours);
  }

  /** The kinds present, sorted, "other" last (it is no kind an analyst declared). */
  public List<String> kinds() {
    return nodes.stream()
        .map(Node::kind)
        .distinct()
        .sorted(
            java.util.Comparator.comparing((String k) -> k.equals(KindColours.OTHER))
                .thenComparing(k -> k))
        .toList();
  }

  /**
   * An arrow between two entities.
   *
   * @param derived a conclusion (drawn highlighted), not a stated fact
   * @param ids the facts or conclusions drawn by this arrow
   */
  public record Edge(String from, String to, String label, boolean derived, List<String> ids) {}

  public static EvidenceGraph of(EvaluationResult r) {
    Map<String, Node> nodes = new TreeMap<>();
    Map<String, Edge> edges = new TreeMap<>();
    Map<String, String> colours = new TreeMap<>();
    for (DeclaredType t : r.rules().schema().types()) {
      if (t.graphRole() != null && t.graphRole().entity()) {
        t.graphRole().colours(t.name()).forEach(colours::putIfAbsent);
      }
    }
    for (BoundFact f : r.facts()) {
      DeclaredType t = f.type();
      GraphRole role = t.graphRole();
      if (role == null) {
        continue;
      }
      if (role.entity()) {
        String key = String.valueOf(t.get(f.instance(), t.identity().get(0).name()));
        String label =
            role.label() == null ? key : String.valueOf(t.get(f.instance(), role.label()));
        String kind =
            role.kind() == null ? t.name() : String.valueOf(t.get(f.instance(), role.kind()));
        nodes.put(key, new Node(key, label, kind));
      } else {
        edge(edges, t, f.instance(), role, false, f.record().id());
      }
    }
    for (Conclusion c : r.conclusions()) {
      DeclaredType t = r.rules().schema().type(c.type()).orElse(null);
      if (t != null && t.graphRole() != null && !t.graphRole().entity()) {
        Object from = c.fields().get(t.graphRole().from());
        Object to = c.fields().get(t.graphRole().to());
        if (from != null && to != null) {
          String label = t.graphRole().label() == null ? t.name() : t.graphRole().label();
          add(edges, String.valueOf(from), String.valueOf(to), label, true, c.id());
        }
      }
    }
    // An arrow may name an entity no fact declares: it is drawn all the same, as "other".
    for (Edge e : edges.values()) {
      nodes.putIfAbsent(e.from(), new Node(e.from(), e.from(), KindColours.OTHER));
      nodes.putIfAbsent(e.to(), new Node(e.to(), e.to(), KindColours.OTHER));
    }
    return new EvidenceGraph(
        List.copyOf(nodes.values()), List.copyOf(edges.values()), Map.copyOf(colours));
  }

  private static void edge(
      Map<String, Edge> edges,
      DeclaredType t,
      Object o,
      GraphRole role,
      boolean derived,
      String id) {
    Object from = t.get(o, role.from());
    Object to = t.get(o, role.to());
    if (from != null && to != null) {
      add(
          edges,
          String.valueOf(from),
          String.valueOf(to),
          role.label() == null ? t.name() : role.label(),
          derived,
          id);
    }
  }

  /** One arrow per (from, to, label, derived): several facts saying the same are one arrow. */
  private static void add(
      Map<String, Edge> edges, String from, String to, String label, boolean derived, String id) {
    String key = from + "\u0000" + to + "\u0000" + label + "\u0000" + derived;
    Edge prev = edges.get(key);
    List<String> ids = new ArrayList<>(prev == null ? List.of() : prev.ids());
    ids.add(id);
    edges.put(key, new Edge(from, to, label, derived, ids));
  }
}
