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
    List<EvidenceGraph.Node> nodes = new ArrayList<>();
    List<EvidenceGraph.Edge> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new EvidenceGraph.Node("c" + i, "c" + i, "company"));
      if (i > 0) {
        edges.add(new EvidenceGraph.Edge("c" + (i - 1), "c" + i, "", false, List.of("f" + i)));
      }
    }
    GraphLayout.Placed p = GraphLayout.place(new EvidenceGraph(nodes, edges));
    assertThat(p.boxes()).hasSize(n);
    assertThat(p.lines()).hasSize(n - 1);
  }
}
