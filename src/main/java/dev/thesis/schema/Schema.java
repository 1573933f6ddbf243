package dev.thesis.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The declared types of a rule set, found by simple name (fact files name types that way). */
public final class Schema {
  private final Map<String, DeclaredType> bySimpleName;
  private final Map<Class<?>, DeclaredType> byClass = new HashMap<>();

  public Schema(Collection<DeclaredType> types) {
    TreeMap<String, DeclaredType> m = new TreeMap<>();
    for (DeclaredType t : types) {
      m.put(t.name(), t);
      byClass.put(t.factType().getFactClass(), t);
    }
    this.bySimpleName = m;
  }

  public Optional<DeclaredType> type(String simpleName) {
    return Optional.ofNullable(bySimpleName.get(simpleName));
  }

  /**
   * The declared type whose generated class this is, if any (for fields typed with a declared
   * type).
   */
  public Optional<DeclaredType> typeOfClass(Class<?> c) {
    return Optional.ofNullable(byClass.get(c));
  }

  /** The declared type of an object in working memory, if it is one. */
  public Optional<DeclaredType> typeOf(Object o) {
    return Optional.ofNullable(byClass.get(o.getClass()));
  }

  /** The type and the declared types it extends, nearest first. */
  public List<String> lineage(String simpleName) {
    List<String> out = new java.util.ArrayList<>();
    String t = simpleName;
    while (t != null && !out.contains(t)) {
      out.add(t);
      DeclaredType d = bySimpleName.get(t);
      t = d == null ? null : d.superType();
    }
    return out;
  }

  /** All declared types, sorted by name. */
  public List<DeclaredType> types() {
    return List.copyOf(bySimpleName.values());
  }
}
