package dev.thesis.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The colours an @entity declares. */
class GraphRoleTest {
  private static GraphRole entity(String kind, String color) {
    return new GraphRole(true, kind, "name", null, null, color);
  }

  @Test
  void aColourPerKindValue() {
    GraphRole g = entity("kind", "lab: #B45309, cloud:#047857 ");
    assertThat(g.colours("Company"))
        .containsExactly(Map.entry("lab", "#b45309"), Map.entry("cloud", "#047857"));
    assertThat(g.colourProblems("Company")).isEmpty();
  }

  @Test
  void withoutAKindFieldOneColourForTheType() {
    assertThat(entity(null, "#fc0").colours("Firm")).containsExactly(Map.entry("Firm", "#fc0"));
  }

  @Test
  void malformedColoursAreNamedOneByOne() {
    GraphRole g = entity("kind", "lab: blue, #123456, cloud: #047857, cloud: #000, : #111");
    assertThat(g.colourProblems("Company"))
        .containsExactly(
            "color \"lab: blue\": \"blue\" is not a colour; write #rgb or #rrggbb, such as #1d4ed8",
            "color \"#123456\" names no kind: nodes of Company are coloured by the value of kind,"
                + " so write \"value: #123456\" for each value",
            "color gives cloud twice",
            "color \": #111\" names an empty kind");
    assertThat(g.colours("Company")).containsOnlyKeys("cloud");
    assertThat(new GraphRole(false, null, "x", "a", "b", "#000").colourProblems("Loan"))
        .singleElement()
        .asString()
        .startsWith("color is for @entity");
  }
}
