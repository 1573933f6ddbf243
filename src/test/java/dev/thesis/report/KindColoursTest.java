package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The colour of a kind depends on its name (or its declaration) alone. */
class KindColoursTest {
  private static EvidenceGraph graph(Map<String, String> declared, String... kinds) {
    List<EvidenceGraph.Node> nodes =
        java.util.Arrays.stream(kinds).map(k -> new EvidenceGraph.Node(k + "-1", k, k)).toList();
    return new EvidenceGraph(nodes, List.of(), declared);
  }

  @Test
  void addingAKindRecoloursNoOther() {
    EvidenceGraph before = graph(Map.of(), "cloud", "lab", "venture");
    // "bank" sorts first: handed out in alphabetical order, it would shift every colour.
    EvidenceGraph after = graph(Map.of(), "bank", "cloud", "lab", "venture");
    for (String k : List.of("cloud", "lab", "venture")) {
      assertThat(after.colour(k)).isEqualTo(before.colour(k));
    }
    assertThat(KindColours.PALETTE).contains(after.colour("bank"));
  }

  @Test
  void theSeedKindsGetFourDifferentColours() {
    EvidenceGraph g = graph(Map.of(), "chipmaker", "cloud", "lab", "venture");
    assertThat(g.kinds().stream().map(g::colour).distinct()).hasSize(4);
  }

  @Test
  void aDeclaredColourWinsAndOtherIsGrey() {
    EvidenceGraph g = graph(Map.of("lab", "#ffcc00"), "lab", "cloud", "other");
    assertThat(g.colour("lab")).isEqualTo("#ffcc00");
    assertThat(g.colour("other")).isEqualTo("#6b7280");
    assertThat(KindColours.PALETTE).doesNotContain("#6b7280");
    // "other" is listed last: it is no kind an analyst declared.
    assertThat(g.kinds()).containsExactly("cloud", "lab", "other");
  }

  @Test
  void textIsDarkOnALightColourAndWhiteOnADarkOne() {
    assertThat(KindColours.text("#ffcc00")).isEqualTo("#1d2430");
    assertThat(KindColours.text("#fff")).isEqualTo("#1d2430");
    assertThat(KindColours.text("#1d4ed8")).isEqualTo("#ffffff");
    assertThat(KindColours.PALETTE).allMatch(c -> KindColours.text(c).equals("#ffffff"));
  }
}
