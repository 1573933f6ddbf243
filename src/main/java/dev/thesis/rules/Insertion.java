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

  /** The value of argument {@code i} when it is a string literal ({@code "cloud"}); else null. */
  public String literal(int i) {
    String a = arguments.get(i);
    if (a.length() < 2 || a.charAt(0) != '"' || a.charAt(a.length() - 1) != '"') {
      return null;
    }
    String body = a.substring(1, a.length() - 1);
    // Escapes are rare in DRL values; one that is there keeps the literal from being read here.
    return body.indexOf('\\') >= 0 || body.indexOf('"') >= 0 ? null : body;
  }

  /** As written: {@code new Rivals( $b, $a )}. */
  public String text() {
    return "new " + type + "( " + String.join(", ", arguments) + " )";
  }
}
