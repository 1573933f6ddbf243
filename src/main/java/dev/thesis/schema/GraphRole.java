package dev.thesis.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a declared type is drawn in the evidence graph, from its DRL metadata: {@code @entity(kind =
 * "kind", label = "name", color = "lab: #b45309, cloud: #047857")} makes each fact a node (keyed by
 * its @key, coloured by the value of the field named by kind); {@code @edge(from = "investor", to =
 * "investee", label = "invests in")} makes each fact or conclusion an arrow between the entities
 * its fields name.
 *
 * @param kind for an entity, the field whose value picks the node's colour, or null (then the kind
 *     is the type's name)
 * @param label for an entity, the field shown as its name; for an edge, the text on the arrow
 * @param color for an entity, the declared colours as written, or null: {@code "value: #rrggbb"}
 *     pairs separated by commas, one per kind value; without a kind field, one {@code "#rrggbb"}
 */
public record GraphRole(
    boolean entity, String kind, String label, String from, String to, String color) {

  private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

  public GraphRole(boolean entity, String kind, String label, String from, String to) {
    this(entity, kind, label, from, to, null);
  }

  /**
   * The colours declared per kind value (well-formed entries only), lower-cased.
   *
   * @param type the type's name: the kind of its nodes when it has no kind field
   */
  public Map<String, String> colours(String type) {
    Map<String, String> out = new LinkedHashMap<>();
    read(type, out, new ArrayList<>());
    return out;
  }

  /** What is wrong with the declared colours, one message each; empty when nothing is. */
  public List<String> colourProblems(String type) {
    List<String> problems = new ArrayList<>();
    read(type, new LinkedHashMap<>(), problems);
    return problems;
  }

  private void read(String type, Map<String, String> out, List<String> problems) {
    if (color == null) {
      return;
    }
    if (!entity) {
      problems.add(
          "color is for @entity: an @edge's arrows are coloured by whether they are derived");
      return;
    }
    for (String entry : color.split(",", -1)) {
      String e = entry.trim();
      int colon = e.lastIndexOf(':');
      String value = colon < 0 ? (kind == null ? type : null) : e.substring(0, colon).trim();
      String hex = (colon < 0 ? e : e.substring(colon + 1)).trim();
      if (value == null) {
        problems.add(
            "color \""
                + e
                + "\" names no kind: nodes of "
                + type
                + " are coloured by the value of "
                + kind
                + ", so write \"value: "
                + (hex.isEmpty() ? "#1d4ed8" : hex)
                + "\" for each value");
      } else if (value.isEmpty()) {
        problems.add("color \"" + e + "\" names an empty kind");
      } else if (!HEX.matcher(hex).matches()) {
        problems.add(
            "color \""
                + e
                + "\": \""
                + hex
                + "\" is not a colour; write #rgb or #rrggbb, such as #1d4ed8");
      } else if (out.containsKey(value)) {
        problems.add("color gives " + value + " twice");
      } else {
        out.put(value, hex.toLowerCase(java.util.Locale.ROOT));
      }
    }
  }
}
