package dev.thesis.facts;

import dev.thesis.diag.Location;
import java.util.List;

/** An interpretive claim to be weighed; rules argue for or against it by its id. */
public record Thesis(
    String id, String title, String claim, String source, List<String> rivals, Location location) {

  public Thesis {
    rivals = List.copyOf(rivals);
  }
}
