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
import java.util.List;
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
      for (FactRecord f : corpus.facts()) {
        BoundFact b = bind(f, schema, diagnostics);
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

  static BoundFact bind(FactRecord f, Schema schema, List<Diagnostic> diagnostics) {
    DeclaredType type = schema.type(f.type()).orElse(null);
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
    Object instance = type.newInstance();
    boolean ok = true;
    for (var e : f.fields().entrySet()) {
      String name = e.getKey();
      LocatedValue v = e.getValue();
      DeclaredType.Field field = type.field(name).orElse(null);
      if (field == null) {
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
                    + ")"));
        ok = false;
        continue;
      }
      try {
        type.set(instance, name, convert(v.value(), field.javaType()));
      } catch (IllegalArgumentException ex) {
        diagnostics.add(
            Diagnostic.error(
                v.location(),
                "field \""
                    + name
                    + "\" of "
                    + type.name()
                    + " is "
                    + article(field.javaType())
                    + ", not "
                    + JsonKinds.describe(v.value())));
        ok = false;
      }
    }
    // Drools starts declared wrapper fields at false or 0; a field a fact does not state is
    // unknown.
    for (DeclaredType.Field field : type.fields()) {
      if (f.fields().containsKey(field.name())) {
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
        type.set(instance, field.name(), null);
      }
    }
    return ok ? new BoundFact(f, type, instance) : null;
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
    if ((javaType == Double.class || javaType == double.class)
        && (value.isDouble() || value.isInt() || value.isLong())) {
      return value.doubleValue();
    }
    return STRICT.convertValue(value, javaType);
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

  private static String article(Class<?> t) {
    String n =
        switch (t.getSimpleName()) {
          case "String" -> "string";
          case "int", "Integer", "long", "Long", "short", "Short", "byte", "Byte" -> "integer";
          case "double", "Double", "float", "Float" -> "number";
          case "boolean", "Boolean" -> "boolean";
          default -> t.getSimpleName();
        };
    return (n.matches("^[aeiou].*") ? "an " : "a ") + n;
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
