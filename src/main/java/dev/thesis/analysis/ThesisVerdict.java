package dev.thesis.analysis;

import dev.thesis.facts.Thesis;
import java.util.List;

/** A thesis weighed: its verdict, the noisy-OR of each side, and the arguments on each side. */
public record ThesisVerdict(
    Thesis thesis,
    Verdict verdict,
    double support,
    double opposition,
    List<Argument> arguments,
    List<String> rivals) {

  public ThesisVerdict {
    arguments = List.copyOf(arguments);
    rivals = List.copyOf(rivals);
  }

  public List<Argument> forArguments() {
    return arguments.stream().filter(a -> a.stance() == dev.thesis.rules.Stance.SUPPORTS).toList();
  }

  public List<Argument> againstArguments() {
    return arguments.stream().filter(a -> a.stance() == dev.thesis.rules.Stance.OPPOSES).toList();
  }
}
