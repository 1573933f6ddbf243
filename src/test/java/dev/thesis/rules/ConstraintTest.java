package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintTest {

  @Test
  void aBindingAloneNamesItsField() {
    Constraint c = Constraint.parse("$a : company");
    assertThat(c.binding()).isEqualTo("$a");
    assertThat(c.boundField()).isEqualTo("company");
    assertThat(c.test()).isNull();
  }

  @Test
  void comparisonsOfFieldsVariablesAndLiteralsAreRead() {
    assertThat(Constraint.parse("kind == \"lab\"").test())
        .isEqualTo(
            new Constraint.Compare(
                new Constraint.Field("kind"), "==", new Constraint.Literal("lab")));
    assertThat(Constraint.parse("a < b").test())
        .isEqualTo(
            new Constraint.Compare(new Constraint.Field("a"), "<", new Constraint.Field("b")));
    assertThat(Constraint.parse("providers >= 2").test())
        .isEqualTo(
            new Constraint.Compare(
                new Constraint.Field("providers"), ">=", new Constraint.Literal(2L)));
    assertThat(Constraint.parse("boardSeat == false").test())
        .isEqualTo(
            new Constraint.Compare(
                new Constraint.Field("boardSeat"), "==", new Constraint.Literal(false)));
  }

  @Test
  void aBindingInFrontOfADisjunctionBindsItsFirstField() {
    Constraint c = Constraint.parse("$member : investee == $a || investee == $b");
    assertThat(c.binding()).isEqualTo("$member");
    assertThat(c.boundField()).isEqualTo("investee");
    assertThat(c.test())
        .isEqualTo(
            new Constraint.AnyOf(
                List.of(
                    new Constraint.Compare(
                        new Constraint.Field("investee"), "==", new Constraint.Variable("$a")),
                    new Constraint.Compare(
                        new Constraint.Field("investee"), "==", new Constraint.Variable("$b")))));
  }

  @Test
  void formsNotReadAreKeptWholeAsOpaque() {
    assertThat(Constraint.parse("name.length() > 3").test())
        .isEqualTo(new Constraint.Opaque("name.length() > 3"));
    assertThat(Constraint.parse("age > 30 && < 40").test())
        .isEqualTo(new Constraint.Opaque("age > 30 && < 40"));
    Constraint bound = Constraint.parse("$n : name matches \"a.*\"");
    assertThat(bound.binding()).isEqualTo("$n");
    assertThat(bound.test()).isInstanceOf(Constraint.Opaque.class);
  }
}
