package dev.thesis.trace;

import java.util.List;
import java.util.Locale;

/** Ids of conclusions: the type in kebab case and the key field values, joined by ':'. */
public final class ConclusionIds {
  private ConclusionIds() {}

  public static String of(String typeName, List<Object> keyValues) {
    StringBuilder sb = new StringBuilder(kebab(typeName));
    for (Object v : keyValues) {
      sb.append(':').append(v == null ? "-" : String.valueOf(v));
    }
    return sb.toString();
  }

  public static String kebab(String camel) {
    return camel
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }
}
