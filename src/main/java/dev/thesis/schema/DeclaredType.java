package dev.thesis.schema;

import dev.thesis.diag.Location;
import java.util.List;
import java.util.Optional;
import org.kie.api.definition.type.FactType;

/**
 * A fact type declared in DRL ({@code declare Name ... end}): the schema that fact files bind to
 * and that conclusions are made of.
 *
 * @param fields in declaration order
 * @param location where the declaration is written, when known
 * @param superType the declared type it extends, or null
 * @param graphRole how it is drawn in the evidence graph, or null when it is not
 */
public record DeclaredType(
    String name,
    FactType factType,
    List<Field> fields,
    Location location,
    String superType,
    GraphRole graphRole) {

  /**
   * One declared field.
   *
   * @param ref the type named by {@code @ref("Type")}: values must equal the key of a fact of it;
   *     or null
   */
  public record Field(String name, Class<?> javaType, boolean key, String ref) {}

  public DeclaredType {
    fields = List.copyOf(fields);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  /** The {@code @key} fields; all fields when none is marked, so identity is never empty. */
  public List<Field> identity() {
    List<Field> keys = fields.stream().filter(Field::key).toList();
    return keys.isEmpty() ? fields : keys;
  }

  public Object newInstance() {
    try {
      return factType.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate declared type " + name, e);
    }
  }

  public Object get(Object instance, String fieldName) {
    return factType.get(instance, fieldName);
  }

  public void set(Object instance, String fieldName, Object value) {
    factType.set(instance, fieldName, value);
  }
}
