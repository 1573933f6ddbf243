package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import dev.thesis.analysis.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entries report.html's mentions link to, and how a sentence's mentions are found. */
class HtmlIndexTest {
  @Test
  void namesInASentenceLinkOnlyWhenWholeAndKnown() throws Exception {
    EvaluationResult r = Fixtures.evaluator(1_000_000, 0).evaluate(Fixtures.seed());
    HtmlIndex index = HtmlIndex.of(r);
    List<HtmlIndex.Link> parts =
        index.mentions(
            "anthropic-is-lab + s1-nvidia-backs-openai-x -> UNSUPPORTED (\"Competition is mutual\","
                + " seed-1, anti-openai-alliance)");
    assertThat(parts)
        .containsExactly(
            new HtmlIndex.Link("anthropic-is-lab", "#fact-anthropic-is-lab"),
            // Part of a longer word: not the fact s1-nvidia-backs-openai.
            new HtmlIndex.Link(" + s1-nvidia-backs-openai-x -> UNSUPPORTED (\"", null),
            new HtmlIndex.Link(
                "Competition is mutual", "#" + Anchors.rule("Competition is mutual")),
            new HtmlIndex.Link("\", ", null),
            new HtmlIndex.Link("seed-1", "#source-seed-1"),
            new HtmlIndex.Link(", ", null),
            new HtmlIndex.Link("anti-openai-alliance", "#thesis-anti-openai-alliance"),
            new HtmlIndex.Link(")", null));
    // The facts listed are those the arguments and evidence rest on, each once, in corpus order;
    // every premise of a listed conclusion is listed too.
    assertThat(index.facts()).extracting(HtmlIndex.Fact::id).doesNotHaveDuplicates();
    for (HtmlIndex.Derived c : index.conclusions()) {
      for (HtmlIndex.Why w : c.because()) {
        for (HtmlIndex.Link p : w.premises()) {
          assertThat(index.targets()).containsEntry(p.text(), p.href());
        }
      }
    }
  }
}
