package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.report.GraphSvg;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** thesis graph lays out as SVG what report.html would draw, and leaves more to Graphviz. */
class GraphCommandTest {
  @TempDir Path dir;

  private void firms(int n) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("facts"));
    Files.writeString(
        dir.resolve("rules/types.drl"),
        """
        package t;
        declare Firm @entity(label = "name")
            name : String @key
        end
        rule "firms" when Firm( ) then end
        """);
    StringBuilder facts =
        new StringBuilder("{\"sources\": [{\"id\": \"s\", \"text\": \"Firms.\"}], \"facts\": [");
    for (int i = 0; i < n; i++) {
      facts.append(i == 0 ? "" : ",");
      facts.append(
          "{\"id\": \"f%d\", \"type\": \"Firm\", \"source\": \"s\", \"name\": \"firm%d\"}"
              .formatted(i, i));
    }
    Files.writeString(dir.resolve("facts/f.json"), facts.append("]}").toString());
  }

  private Run graph(String format) {
    return Run.of(
        "graph",
        "--rules",
        dir.resolve("rules").toString(),
        "--facts",
        dir.resolve("facts").toString(),
        "--format",
        format);
  }

  @Test
  void moreEntitiesThanADrawingHoldsAreRefusedAsSvgAndWrittenAsDot() throws Exception {
    firms(GraphSvg.MAX_DRAWN + 1);
    Run svg = graph("svg");
    assertThat(svg.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(svg.out()).isEmpty();
    assertThat(svg.err())
        .contains(
            "the evidence graph has 401 entities, too many to lay out as SVG (at most 400);"
                + " --format dot writes it for Graphviz");
    Run dot = graph("dot");
    assertThat(dot.code()).isEqualTo(ExitCodes.OK);
    assertThat(dot.out()).startsWith("digraph evidence {").contains("\"firm400\"");
  }

  @Test
  void upToTheLimitItIsDrawn() throws Exception {
    firms(3);
    Run svg = graph("svg");
    assertThat(svg.code()).isEqualTo(ExitCodes.OK);
    // The kinds' legend is drawn above the graph, since no page lists them beside it here.
    assertThat(svg.out())
        .startsWith("<svg")
        .contains("viewBox=")
        .contains("<g class=\"legend\" data-kind=\"Firm\">");
  }
}
