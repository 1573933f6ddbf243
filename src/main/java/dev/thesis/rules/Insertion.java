package dev.thesis.rules;

import java.util.List;

/**
 * One {@code insertLogical(new Type(...))} or {@code insert(new Type(...))} in a consequence, with
 * its constructor arguments as written: which variables and literals fill which fields.
 *
 * @param type the type created, as written (simple, or qualified)
 * @param arguments the constructor's arguments as written, in order
 * @param logical {@code insertLogical} rather than {@code insert}
 */
public record Insertion(String type, List<String> arguments, boolean logical) {
  public Insertion {
    arguments = List.copyOf(arguments);
  }

  /** The type's simple name: fact files and the schema name types so. */
  public String simpleType() {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** As written: {@code new Rivals( $b, $a )}. */
  public String text() {
    return "new " + type + "( " + String.join(", ", arguments) + " )";
  }
}
