package dev.thesis.scenario;

import dev.thesis.diag.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * How one scenario went.
 *
 * @param problems why the scenario could not run (invalid rules or facts), for {@link Status#ERROR}
 * @param rulesDir the rules folder it ran against (absolute)
 * @param firings how often each rule fired, by qualified name
 */
public record Outcome(
    Scenario scenario,
    java.nio.file.Path rulesDir,
    Status status,
    double seconds,
    List<Failure> failures,
    List<Diagnostic> problems,
    Map<String, Integer> firings) {

  public Outcome {
    failures = List.copyOf(failures);
    problems = List.copyOf(problems);
    firings = Map.copyOf(firings);
  }

  /** PASS: every expectation held; FAIL: one did not; ERROR: the scenario's inputs are invalid. */
  public enum Status {
    PASS,
    FAIL,
    ERROR
  }
}
