package dev.thesis.rules;

import java.util.List;

/**
 * One {@code insertLogical(new Type(...))} or {@code insert(new Type(...))} in a consequence, with
 * its constructor arguments as written: which variables and literals fill which fields.
 *
 * @param type the simple name of the type created
 * @param arguments the constructor's arguments as written, in order
 * @param logical {@code insertLogical} rather than {@code insert}
 */
public record Insertion(String type, List<String> arguments, boolean logical) {
  public Insertion {
    arguments = List.copyOf(arguments);
  }

  /** As written: {@code new Rivals( $b, $a )}. */
  public String text() {
    return "new " + type + "( " + String.join(", ", arguments) + " )";
  }
}
