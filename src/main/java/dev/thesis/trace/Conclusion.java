package dev.thesis.trace;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A derived fact held by truth maintenance, with every justification that currently supports it.
 *
 * @param id stable: the type and its key fields, e.g. {@code hedged-bet:microsoft:anthropic:openai}
 * @param fields in declaration order
 */
public record Conclusion(
    String id, String type, Map<String, Object> fields, List<Justification> justifications) {

  /** Justifications in a stable order: by rule, then by premises. */
  public static final Comparator<Justification> ORDER =
      Comparator.comparing((Justification j) -> j.rule().qualifiedName())
          .thenComparing(j -> String.join("\u0000", j.premises()))
          .thenComparing(j -> j.bindings().toString());

  public Conclusion {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    // Most conclusions have one justification: nothing to sort, and no stream to sort it in.
    justifications =
        justifications.size() < 2
            ? List.copyOf(justifications)
            : justifications.stream().sorted(ORDER).toList();
  }
}
