package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of a graph larger than a default thread stack can walk. */
class GraphLayoutTest {
  @Test
  void aLongChainOfEntitiesIsLaidOutNotOverflowed() {
    // One connected component of 12,000 entities: ELK's recursive walk of it overflowed the
    // default stack (a 100,000-company corpus did, in ComponentsProcessor.dfs).
    int n = 12_000;
    GraphLayout.Placed p = GraphLayout.place(chain(n));
    assertThat(p.boxes()).hasSize(n);
    assertThat(p.lines()).hasSize(n - 1);
  }

  @Test
  void reportHtmlDrawsAtMost400EntitiesAndSaysWhyNotBeyond() {
    assertThat(HtmlView.drawn(chain(400))).isTrue();
    assertThat(HtmlView.graphNote(chain(400))).isNull();
    assertThat(HtmlView.drawn(chain(401))).isFalse();
    assertThat(HtmlView.graphNote(chain(401)))
        .isEqualTo(
            "The evidence graph has 401 entities and 400 relations, too many to draw here (at"
                + " most 400); thesis graph --format dot writes it for Graphviz.");
    assertThat(HtmlView.graphNote(new EvidenceGraph(List.of(), List.of())))
        .startsWith("No type is declared @entity or @edge");
  }

  private static EvidenceGraph chain(int n) {
    List<EvidenceGraph.Node> nodes = new ArrayList<>();
    List<EvidenceGraph.Edge> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new EvidenceGraph.Node("c" + i, "c" + i, "company"));
      if (i > 0) {
        edges.add(new EvidenceGraph.Edge("c" + (i - 1), "c" + i, "", false, List.of("f" + i)));
      }
    }
    return new EvidenceGraph(nodes, edges);
  }
}
