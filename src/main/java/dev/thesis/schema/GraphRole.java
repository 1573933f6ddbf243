package dev.thesis.schema;

/**
 * How a declared type is drawn in the evidence graph, from its DRL metadata: {@code @entity(kind =
 * "kind", label = "name")} makes each fact a node (keyed by its @key, coloured by the field named
 * by kind); {@code @edge(from = "investor", to = "investee", label = "invests in")} makes each fact
 * or conclusion an arrow between the entities its fields name.
 *
 * @param kind for an entity, the field whose value picks the node's colour, or null
 * @param label for an entity, the field shown as its name; for an edge, the text on the arrow
 */
public record GraphRole(boolean entity, String kind, String label, String from, String to) {}
