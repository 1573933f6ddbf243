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
 * @param facts fact files and folders, or null while the file's default is not applied yet
 * @param without ids of facts to leave out
 * @param withoutLocation where {@code without} is written
 */
public record Scenario(
    String name,
    Location location,
    Path rules,
    List<Path> facts,
    CorpusPart inline,
    List<String> without,
    Location withoutLocation,
    List<Expectation> expectations) {

  public Scenario {
    facts = facts == null ? null : List.copyOf(facts);
    without = List.copyOf(without);
    expectations = List.copyOf(expectations);
  }
}
