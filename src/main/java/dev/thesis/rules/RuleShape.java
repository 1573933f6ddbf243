package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.List;
import java.util.Set;

/**
 * A rule as written: its patterns and the types its consequence creates, for the linter.
 *
 * @param creates simple names of the types its consequence instantiates with {@code new}
 * @param concludes simple names of the types it inserts with {@code insertLogical(new ...)}
 * @param statesFacts whether its consequence calls plain {@code insert(...)}
 * @param onlyConcludes whether its consequence does nothing to working memory but {@code
 *     insertLogical} (no insert, modify, update, delete, and no other use of {@code drools} or
 *     {@code kcontext})
 * @param conditions the rule's conditions as a tree, for the "why not?" analysis
 * @param insertions every {@code insertLogical(new ...)} and {@code insert(new ...)} of its
 *     consequence, with their arguments
 * @param changesValues whether its consequence modifies, updates or deletes a fact, or calls a
 *     setter: a field may then hold values no constructor call shows
 * @param body the rule's conditions and consequence as written, without comments, each line
 *     stripped and blank lines dropped: what {@code thesis diff} compares, so that re-indenting or
 *     commenting a rule is not a change and a metadata change is reported once, as itself
 */
public record RuleShape(
    String packageName,
    String name,
    Location location,
    List<PatternRef> patterns,
    Set<String> creates,
    Set<String> concludes,
    boolean statesFacts,
    boolean onlyConcludes,
    Condition conditions,
    List<Insertion> insertions,
    boolean changesValues,
    String body) {

  public RuleShape {
    patterns = List.copyOf(patterns);
    insertions = List.copyOf(insertions);
    creates = Set.copyOf(creates);
    concludes = Set.copyOf(concludes);
  }
}
