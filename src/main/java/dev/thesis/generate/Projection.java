package dev.thesis.generate;

import dev.thesis.rules.Vocabulary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated stream seen through a target rules folder: only the types it declares, and of those
 * only the fields it declares. Facts are always generated in full and then projected, so a smaller
 * vocabulary gets exactly the same facts of the types it shares with the full one.
 */
final class Projection {
  private final Vocabulary vocabulary;

  /** Per type, which of the generator's fields (by position) the target declares. */
  private final Map<String, boolean[]> kept = new HashMap<>();

  Projection(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  boolean writes(String type) {
    return vocabulary.fields(type).isPresent();
  }

  /** The generated types the target declares, in the generator's order. */
  List<String> writtenTypes() {
    return CompanyFacts.TYPES.stream().filter(this::writes).toList();
  }

  /** Which fields of a fact to write; null when its type is not written at all. */
  boolean[] fields(Fact f) {
    return kept.computeIfAbsent(
        f.type(),
        type ->
            vocabulary
                .fields(type)
                .map(
                    declared -> {
                      boolean[] keep = new boolean[f.names().length];
                      for (int k = 0; k < keep.length; k++) {
                        keep[k] = declared.contains(f.names()[k]);
                      }
                      return keep;
                    })
                .orElse(null));
  }

  /** The target's declared fields of a type, in declaration order (the columns of its TSV file). */
  List<String> declaredFields(String type) {
    return vocabulary.fields(type).orElse(List.of());
  }
}
