package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InsertionsTest {

  @Test
  void eachInsertionKeepsItsArgumentsAsWritten() {
    assertThat(
            RuleShapes.insertions(
                "insertLogical( new Rivals( $a, $b ) );\n"
                    + "insertLogical( new Rivals( $b, $a ) );\n"
                    + "insert(new Note(\"a, b\", $x.size()));"))
        .containsExactly(
            new Insertion("Rivals", List.of("$a", "$b"), true),
            new Insertion("Rivals", List.of("$b", "$a"), true),
            new Insertion("Note", List.of("\"a, b\"", "$x.size()"), false));
  }

  @Test
  void aVariableMadeInTheConsequenceIsFollowedToItsConstructor() {
    assertThat(
            RuleShapes.insertions("Merger m = new Merger( $a, \"cloud\" );\ninsertLogical( m );"))
        .containsExactly(new Insertion("Merger", List.of("$a", "\"cloud\""), true));
  }
}
