package dev.thesis.facts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.thesis.diag.Diagnostic;
import dev.thesis.schema.DeclaredType;
import dev.thesis.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds fact records to the classes Drools generated for the DRL {@code declare} blocks, with
 * Jackson configured to refuse every coercion: a string where a number is declared, a decimal where
 * an integer is, a number where a string is, null for a primitive.
 */
public final class FactBinder {
  private static final ObjectMapper STRICT = strictMapper();

  private FactBinder() {}

  /** Binding of a whole corpus: the facts bound, and a diagnostic for each that could not be. */
  public record Result(List<BoundFact> facts, List<Diagnostic> diagnostics) {}

  public static Result bind(Corpus corpus, Schema schema, dev.thesis.diag.Progress progress) {
    List<BoundFact> bound = new ArrayList<>(corpus.facts().size());
    List<Diagnostic> diagnostics = new ArrayList<>();
    try (dev.thesis.diag.Progress.Task task =
        progress.start("binding facts", corpus.facts().size())) {
      int n = 0;
      Map<String, Declared> types = new HashMap<>();
      for (FactRecord f : corpus.facts()) {
        BoundFact b =
            bind(f, types.computeIfAbsent(f.type(), t -> Declared.of(schema, t)), diagnostics);
        if (b != null) {
          bound.add(b);
        }
        if (++n % 10_000 == 0) {
          task.stepBy(10_000);
        }
      }
      task.stepBy(n % 10_000);
    }
    return new Result(bound, diagnostics);
  }

  /**
   * A declared type (null if none is named so), its fields by name, and how to make and fill its
   * objects, looked up once per type name rather than once per fact or per field: the type's
   * constructor (Class.newInstance checks its caller at every call) and each field's accessor (the
   * type looks a field up by name at every set).
   */
  private record Declared(
      Schema schema,
      DeclaredType type,
      Map<String, Slot> fields,
      java.lang.reflect.Constructor<?> constructor) {

    /** A declared field and its accessor (null if the type has none to give). */
    record Slot(DeclaredType.Field field, DeclaredType.Accessor setter) {}

    static Declared of(Schema schema, String name) {
      DeclaredType type = schema.type(name).orElse(null);
      Map<String, Slot> fields = new HashMap<>();
      java.lang.reflect.Constructor<?> constructor = null;
      if (type != null) {
        for (DeclaredType.Field f : type.fields()) {
          fields.putIfAbsent(f.name(), new Slot(f, type.accessor(f.name())));
        }
        if (type.javaClass() != null) {
          try {
            constructor = type.javaClass().getConstructor();
          } catch (ReflectiveOperationException | RuntimeException e) {
            constructor = null;
          }
        }
      }
      return new Declared(schema, type, fields, constructor);
    }

    Object newInstance() {
      if (constructor == null) {
        return type.newInstance();
      }
      try {
        return constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate declared type " + type.name(), e);
      }
    }

    void set(Object instance, Slot slot, Object value) {
      slot.setter().set(instance, value);
    }
  }

  private static BoundFact bind(FactRecord f, Declared declared, List<Diagnostic> diagnostics) {
    Schema schema = declared.schema();
    DeclaredType type = declared.type();
    if (type == null) {
      diagnostics.add(
          Diagnostic.error(
              f.locationOf("type"),
              "unknown fact type \""
                  + f.type()
                  + "\": no rule file declares it (declared: "
                  + names(schema)
                  + ")"));
      return null;
    }
    Object instance = declared.newInstance();
    boolean ok = true;
    // A fact's fields are a SmallMap (FactRecord makes sure): read by index, no entry per field.
    SmallMap<LocatedValue> stated = (SmallMap<LocatedValue>) f.fields();
    int known = 0;
    for (int i = 0; i < stated.size(); i++) {
      String name = stated.keyAt(i);
      LocatedValue v = stated.valueAt(i);
      Declared.Slot slot = declared.fields().get(name);
      if (slot == null) {
        diagnostics.add(
            Diagnostic.error(
                v.location(),
                "unknown field \""
                    + name
                    + "\" for type "
                    + type.name()
                    + " (fields: "
                    + type.fields().stream()
                        .map(DeclaredType.Field::name)
                        .collect(Collectors.joining(", "))
                    + ")"
                    + dev.thesis.diag.Nearest.didYouMean(
                        name, type.fields().stream().map(DeclaredType.Field::name).toList(), 2)));
        ok = false;
        continue;
      }
      known++;
      DeclaredType.Field field = slot.field();
      try {
        declared.set(instance, slot, convert(v.value(), field.javaType()));
        if (field.restricted() && v.value().isTextual()) {
          ok &= allowed(type, field, v, diagnostics);
        }
      } catch (IllegalArgumentException ex) {
        diagnostics.add(
            Diagnostic.error(
                v.location(),
                "field \""
                    + name
                    + "\" of "
                    + type.name()
                    + " must be "
                    + refusal(v.value(), field.javaType())));
        ok = false;
      }
    }
    if (known == declared.fields().size() && known == type.fields().size()) {
      // Every declared field is stated: none is left unknown.
      return ok ? new BoundFact(f, type, instance) : null;
    }
    // Drools starts declared wrapper fields at false or 0; a field a fact does not state is
    // unknown.
    for (DeclaredType.Field field : type.fields()) {
      if (stated.containsKey(field.name())) {
        continue;
      }
      if (field.javaType().isPrimitive()) {
        diagnostics.add(
            Diagnostic.error(
                f.location(),
                "fact \""
                    + f.id()
                    + "\" has no \""
                    + field.name()
                    + "\": "
                    + type.name()
                    + " declares it "
                    + field.javaType().getSimpleName()
                    + ", which cannot be left unstated (declare it "
                    + boxed(field.javaType())
                    + " to make it optional)"));
        ok = false;
      } else {
        declared.set(instance, declared.fields().get(field.name()), null);
      }
    }
    return ok ? new BoundFact(f, type, instance) : null;
  }

  /** False, with an error at the value, when a field's {@code @values} do not include it. */
  private static boolean allowed(
      DeclaredType type, DeclaredType.Field field, LocatedValue v, List<Diagnostic> diagnostics) {
    String value = v.value().textValue();
    if (field.values().contains(value)) {
      return true;
    }
    diagnostics.add(
        new Diagnostic(
            dev.thesis.diag.Severity.ERROR,
            v.location(),
            field.notAllowed(type.name(), value),
            DeclaredType.NOT_IN_VALUES));
    return false;
  }

  private static Object convert(JsonNode value, Class<?> javaType) {
    if (value.isNull()) {
      if (javaType.isPrimitive()) {
        throw new IllegalArgumentException("null for a primitive");
      }
      return null;
    }
    // Jackson would read a JSON string into an Object-typed field; a fact field is never that
    // vague.
    if (javaType == Object.class) {
      throw new IllegalArgumentException("untyped field");
    }
    // The common exact matches directly; everything else (and every error) through the strict
    // mapper.
    if (javaType == String.class && value.isTextual()) {
      return value.textValue();
    }
    if ((javaType == Boolean.class || javaType == boolean.class) && value.isBoolean()) {
      return value.booleanValue();
    }
    if ((javaType == Integer.class || javaType == int.class) && value.isInt()) {
      return value.intValue();
    }
    if ((javaType == Long.class || javaType == long.class) && (value.isInt() || value.isLong())) {
      return value.longValue();
    }
    if ((javaType == Double.class || javaType == double.class) && value.isNumber()) {
      return finite(value.doubleValue());
    }
    // Exactly as written: the reader keeps a decimal's digits where a double would lose them.
    if (javaType == java.math.BigDecimal.class && value.isNumber()) {
      return value.decimalValue();
    }
    Object v = STRICT.convertValue(value, javaType);
    return v instanceof Float x ? (Object) (float) finite(x) : v;
  }

  /** A double or float that overflowed (1e400) is refused, not bound as Infinity. */
  private static double finite(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not finite");
    }
    return d;
  }

  /**
   * What a field wants and what the value is instead, after "must be": {@code an integer, not a
   * decimal number}; for a number out of the field's range, the range and the number.
   */
  static String refusal(JsonNode value, Class<?> javaType) {
    Class<?> t = javaType.isPrimitive() ? boxedClass(javaType) : javaType;
    if (value.isIntegralNumber() && INTEGER_RANGES.containsKey(t)) {
      return "an integer from " + INTEGER_RANGES.get(t) + ", not " + value.asText();
    }
    if (value.isNumber() && (t == Double.class || t == Float.class)) {
      return "a number no larger than "
          + (t == Double.class ? String.valueOf(Double.MAX_VALUE) : String.valueOf(Float.MAX_VALUE))
          + " in size, not "
          + value.asText();
    }
    String wanted = JsonMessages.expected(t);
    if (wanted.equals("an object") && !java.util.Map.class.isAssignableFrom(t)) {
      // A class such as java.util.Date, which takes a scalar: name it.
      wanted = (t.getSimpleName().matches("^[AEIOU].*") ? "an " : "a ") + t.getSimpleName();
    }
    return wanted + ", not " + JsonKinds.describe(value);
  }

  private static final java.util.Map<Class<?>, String> INTEGER_RANGES =
      java.util.Map.of(
          Byte.class, Byte.MIN_VALUE + " to " + Byte.MAX_VALUE,
          Short.class, Short.MIN_VALUE + " to " + Short.MAX_VALUE,
          Integer.class, Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
          Long.class, Long.MIN_VALUE + " to " + Long.MAX_VALUE);

  private static Class<?> boxedClass(Class<?> primitive) {
    return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
  }

  private static String boxed(Class<?> primitive) {
    return switch (primitive.getSimpleName()) {
      case "int" -> "Integer";
      case "char" -> "Character";
      default ->
          Character.toUpperCase(primitive.getSimpleName().charAt(0))
              + primitive.getSimpleName().substring(1);
    };
  }

  private static String names(Schema schema) {
    return schema.types().stream().map(DeclaredType::name).collect(Collectors.joining(", "));
  }

  private static ObjectMapper strictMapper() {
    JsonMapper m =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    for (LogicalType t :
        new LogicalType[] {
          LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean
        }) {
      for (CoercionInputShape s : CoercionInputShape.values()) {
        // An integer is a fine value for a decimal field ("amount": 5); every other coercion is
        // not.
        if (!(t == LogicalType.Float && s == CoercionInputShape.Integer)) {
          m.coercionConfigFor(t).setCoercion(s, CoercionAction.Fail);
        }
      }
    }
    return m;
  }
}
