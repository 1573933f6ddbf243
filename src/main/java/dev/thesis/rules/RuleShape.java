package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.List;
import java.util.Set;

/**
 * A rule as written: its patterns and the types its consequence creates, for the linter.
 *
 * @param creates simple names of the types its consequence instantiates with {@code new}
 */
public record RuleShape(String packageName, String name, Location location, List<PatternRef> patterns,
    Set<String> creates) {

  public RuleShape {
    patterns = List.copyOf(patterns);
    creates = Set.copyOf(creates);
  }
}
