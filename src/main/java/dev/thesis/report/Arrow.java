package dev.thesis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn arrow: every relation between two entities, whichever way it points, merged, so that a
 * pair of entities is joined by one line instead of a fan of parallel ones. Stated relations and
 * derived conclusions stay apart (a pair may have one of each): conclusions are drawn differently,
 * and a reader must see at a glance that the rules concluded something about the pair.
 *
 * @param from the end most relations start at (the first in the graph's order on a tie)
 * @param to the other end
 * @param backward some relation points from {@code to} to {@code from}: an arrowhead at both ends
 * @param relations the merged relations, in the graph's order
 */
public record Arrow(
    String from, String to, boolean derived, boolean backward, List<EvidenceGraph.Edge> relations) {

  /** Beyond this many characters the joined labels give way to "N relations". */
  static final int LONGEST_LABEL = 30;

  /** The graph's edges merged per pair of entities (in either direction) and per derived or not. */
  public static List<Arrow> merge(List<EvidenceGraph.Edge> edges) {
    Map<String, List<EvidenceGraph.Edge>> groups = new LinkedHashMap<>();
    for (EvidenceGraph.Edge e : edges) {
      boolean ordered = e.from().compareTo(e.to()) <= 0;
      String a = ordered ? e.from() : e.to();
      String b = ordered ? e.to() : e.from();
      groups
          .computeIfAbsent(a + "\u0000" + b + "\u0000" + e.derived(), k -> new ArrayList<>())
          .add(e);
    }
    List<Arrow> out = new ArrayList<>();
    for (List<EvidenceGraph.Edge> g : groups.values()) {
      EvidenceGraph.Edge first = g.get(0);
      long along =
          g.stream()
              .filter(e -> e.from().equals(first.from()) && e.to().equals(first.to()))
              .count();
      boolean flip = g.size() - along > along;
      String from = flip ? first.to() : first.from();
      String to = flip ? first.from() : first.to();
      boolean backward = g.stream().anyMatch(e -> !e.from().equals(from));
      out.add(new Arrow(from, to, first.derived(), backward, List.copyOf(g)));
    }
    return out;
  }

  /** How many relations this arrow stands for. */
  public int count() {
    return relations.size();
  }

  /**
   * The text on the arrow: the relations' labels (each once), "×N" when it stands for several, or
   * "N relations" when the labels would be too long to sit on an arrow.
   */
  public String label() {
    List<String> labels = relations.stream().map(EvidenceGraph.Edge::label).distinct().toList();
    String text = String.join(", ", labels) + (count() > 1 ? " ×" + count() : "");
    return text.length() <= LONGEST_LABEL ? text : count() + " relations";
  }

  /** One line per relation, with its ends and the facts or conclusions it draws: for hovering. */
  public List<String> hover() {
    return relations.stream()
        .map(
            e ->
                e.from() + " " + e.label() + " " + e.to() + " (" + String.join(", ", e.ids()) + ")")
        .toList();
  }
}
