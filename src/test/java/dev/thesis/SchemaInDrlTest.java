package dev.thesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.analysis.EvaluationResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analyst adds a kind of fact in DRL, facts of it in JSON, and a rule using it: no Java. */
class SchemaInDrlTest {
  @Test
  void aNewFactTypeDeclaredInDrlIsBoundAndReasonedWith(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules");
    Path facts = dir.resolve("facts");
    Fixtures.copyDir(Fixtures.SEED_RULES, rules);
    Fixtures.copyDir(Fixtures.SEED_FACTS, facts);
    Fixtures.write(
        rules,
        "30-board-seats.drl",
        """
        package thesis.ai;

        declare BoardSeat
            holder  : String
            company : String
            voting  : boolean
        end

        declare Insider
            holder  : String @key
            company : String @key
        end

        rule "A voting board seat gives inside information"
            @thesis("venture-as-index-fund") @stance("opposes") @strength(0.9)
        when
            BoardSeat( $h : holder, $c : company, voting == true )
            Investment( investor == $h, investee == $c )
        then
            insertLogical( new Insider( $h, $c ) );
        end
        """);
    Fixtures.write(
        facts,
        "board.json",
        """
        {"sources": [{"id": "memo", "text": "Sequoia holds a voting board seat at OpenAI."}],
         "facts": [{"id": "sequoia-seat", "type": "BoardSeat", "source": "memo", "confidence": 0.5,
                    "holder": "sequoia", "company": "openai", "voting": true}]}
        """);
    EvaluationResult r = dev.thesis.Fixtures.evaluator().evaluate(Fixtures.load(rules, facts));
    assertThat(r.conclusion("insider:sequoia:openai")).isPresent();
    var verdict = r.verdict("venture-as-index-fund").orElseThrow();
    assertThat(verdict.againstArguments())
        .extracting(a -> a.conclusion())
        .containsExactly("insider:sequoia:openai");
    // 0.9 x min(seat 0.5, the Sequoia-OpenAI investment 0.9) = 0.45.
    assertThat(verdict.opposition()).isEqualTo(0.45, org.assertj.core.api.Assertions.within(1e-9));
  }
}
