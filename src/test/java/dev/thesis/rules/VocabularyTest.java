package dev.thesis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thesis.Fixtures;
import dev.thesis.diag.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @TempDir Path dir;

  @Test
  void readsDeclaredTypesWithFieldsInOrderAndTheArguedTheses() throws Exception {
    Fixtures.write(
        dir,
        "a.drl",
        """
        package t;
        declare Deal
            buyer  : String
            seller : String
        end
        declare BigDeal extends Deal
            size : int
        end
        declare Backed
            company : String @key
        end
        """);
    Fixtures.write(
        dir,
        "sub/b.drl",
        """
        package t;
        rule "Backing" @thesis("bubble") @stance("supports")
        when
            Deal( $c : seller )
        then
            insertLogical( new Backed( $c ) );
        end
        rule "Plain"
        when
            BigDeal( $c : seller )
        then
            insertLogical( new Backed( $c ) );
        end
        """);
    Vocabulary v = Vocabulary.read(dir);
    assertThat(v.types()).containsOnlyKeys("Deal", "BigDeal", "Backed");
    assertThat(v.fields("Deal")).contains(java.util.List.of("buyer", "seller"));
    // Inherited fields come first, as a subtype's fact file may state them.
    assertThat(v.fields("BigDeal")).contains(java.util.List.of("buyer", "seller", "size"));
    assertThat(v.fields("Missing")).isEmpty();
    assertThat(v.theses()).containsExactly("bubble");
    assertThat(v.arguesTheses()).isTrue();
  }

  @Test
  void theRepositoryRulesArgueEveryThesisOfTheSeedCorpus() throws Exception {
    Vocabulary v = Vocabulary.read(Fixtures.SEED_RULES);
    assertThat(v.fields("Investment"))
        .contains(java.util.List.of("investor", "investee", "scale", "boardSeat"));
    var corpus = Fixtures.seed().corpus();
    // Six theses are the hypotheses of two questions, which rules rate with @question; the other
    // seven are argued with @thesis.
    assertThat(v.questions()).containsExactly("model-future", "why-fund-labs");
    java.util.Set<String> argued = new java.util.HashSet<>(v.theses());
    corpus.questions().forEach(q -> argued.addAll(q.hypotheses()));
    assertThat(argued)
        .containsExactlyInAnyOrderElementsOf(
            corpus.theses().stream().map(dev.thesis.facts.Thesis::id).toList());
    assertThat(v.theses()).hasSize(7);
  }

  @Test
  void aSyntaxErrorIsThrownWithItsLocation() {
    Fixtures.write(
        dir,
        "a.drl",
        """
        package t;
        declare Deal
            buyer : String
        """);
    assertThatThrownBy(() -> Vocabulary.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).diagnostics())
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d.location().file()).endsWith("a.drl")));
  }

  @Test
  void aMissingFolderIsAnError() {
    assertThatThrownBy(() -> Vocabulary.read(dir.resolve("none")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1 problem");
  }
}
