package dev.thesis.scenario;

import dev.thesis.diag.Location;
import dev.thesis.facts.CorpusPart;
import java.nio.file.Path;
import java.util.List;

/**
 * One scenario: rules, facts (files, inline, minus some), and what must follow.
 *
 * @param rules the rules folder named by the scenario or its file, or null for the default
 * @param inline the facts written in the scenario itself, or null
 * @param without ids of facts to leave out
 */
public record Scenario(String name, Location location, Path rules, List<Path> facts, CorpusPart inline,
    List<String> without, List<Expectation> expectations) {

  public Scenario {
    facts = List.copyOf(facts);
    without = List.copyOf(without);
    expectations = List.copyOf(expectations);
  }
}
