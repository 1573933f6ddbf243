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

  /** The code of a value outside a field's {@code @values}, in a fact or in a rule. */
  public static final String NOT_IN_VALUES = "not-in-values";

  /**
   * One declared field.
   *
   * @param ref the type named by {@code @ref("Type")}: values must equal the key of a fact of it;
   *     or null
   * @param values the values a String field may hold, from {@code @values("a", "b")}, in the order
   *     written; empty when any value is allowed
   */
  public record Field(
      String name, Class<?> javaType, boolean key, String ref, List<String> values) {
    public Field {
      values = List.copyOf(values);
    }

    public Field(String name, Class<?> javaType, boolean key, String ref) {
      this(name, javaType, key, ref, List.of());
    }

    /** Whether {@code @values} restricts this field. */
    public boolean restricted() {
      return !values.isEmpty();
    }

    /**
     * Why a value of a restricted field is refused, in a fact or a rule: {@code Purchase.scale is
     * "primery", which is not one of its @values: primary, secondary; did you mean "primary"?}
     */
    public String notAllowed(String typeName, String value) {
      return typeName
          + "."
          + name
          + " is \""
          + value
          + "\", which is not one of its @values: "
          + String.join(", ", values)
          + dev.thesis.diag.Nearest.didYouMean(value, values, 1);
    }
  }

  public DeclaredType {
    fields = List.copyOf(fields);
  }

  /**
   * The fields a constructor of this many arguments sets, in order: every field, or the {@code
   * @key} fields (Drools generates both); null when neither fits, or the type extends another (whose
   * fields come first, and are not known here).
   */
  public List<Field> constructorFields(int arguments) {
    if (superType != null) {
      return null;
    }
    List<Field> keys = fields.stream().filter(Field::key).toList();
    if (arguments == fields.size()) {
      return fields;
    }
    return arguments == keys.size() && arguments > 0 ? keys : null;
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

  /**
   * Reads and writes one field of this type's objects. Found once per field: a lookup by name at
   * every object cost more than the rest of binding a million facts.
   */
  public interface Accessor {
    Object get(Object instance);

    void set(Object instance, Object value);
  }

  /** The accessor of field {@code fieldName}. */
  public Accessor accessor(String fieldName) {
    org.kie.api.definition.type.FactField field =
        factType == null ? null : factType.getField(fieldName);
    if (field == null) {
      return new Accessor() {
        @Override
        public Object get(Object instance) {
          return DeclaredType.this.get(instance, fieldName);
        }

        @Override
        public void set(Object instance, Object value) {
          DeclaredType.this.set(instance, fieldName, value);
        }
      };
    }
    return new Accessor() {
      @Override
      public Object get(Object instance) {
        return field.get(instance);
      }

      @Override
      public void set(Object instance, Object value) {
        field.set(instance, value);
      }
    };
  }

  /** The class Drools generated for this type, or null when there is none. */
  public Class<?> javaClass() {
    return factType == null ? null : factType.getFactClass();
  }

  public Object get(Object instance, String fieldName) {
    return factType.get(instance, fieldName);
  }

  public void set(Object instance, String fieldName, Object value) {
    factType.set(instance, fieldName, value);
  }
}
