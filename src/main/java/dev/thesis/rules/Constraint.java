package dev.thesis.rules;

import java.util.List;

/**
 * One constraint of a pattern, as written and as far as it could be read: a variable bound to a
 * field ({@code $a : company}), a test ({@code kind == "lab"}, {@code a > $a}, {@code investor ==
 * $x || investor == $y}), or both ({@code $old : provider != $added}). A test in a form not read
 * here (method calls, arithmetic, abbreviated restrictions) is {@link Opaque}: evaluators say "not
 * checked" rather than guess.
 *
 * @param binding the variable bound, or null
 * @param boundField the field it is bound to, or null (no binding, or not a plain field)
 * @param test what must hold, or null for a binding alone
 */
public record Constraint(String text, String binding, String boundField, Test test) {

  /** Reads one constraint's text, as the DRL parser hands it over. */
  public static Constraint parse(String text) {
    return ConstraintReader.read(text);
  }

  /** A test on a candidate object's fields and the variables bound so far. */
  public sealed interface Test {}

  /** {@code left op right}, op one of {@code == != < > <= >=}. */
  public record Compare(Operand left, String op, Operand right) implements Test {}

  /** One of the tests must hold ({@code ||}). */
  public record AnyOf(List<Test> tests) implements Test {
    public AnyOf {
      tests = List.copyOf(tests);
    }
  }

  /** Every test must hold ({@code &&}). */
  public record AllOf(List<Test> tests) implements Test {
    public AllOf {
      tests = List.copyOf(tests);
    }
  }

  /** A test in a form not read here. */
  public record Opaque(String text) implements Test {}

  /** A side of a comparison. */
  public sealed interface Operand {}

  /** A field of the candidate object. */
  public record Field(String name) implements Operand {}

  /** A variable bound earlier ({@code $lab}). */
  public record Variable(String name) implements Operand {}

  /** A string, number, boolean or null literal. */
  public record Literal(Object value) implements Operand {}
}
