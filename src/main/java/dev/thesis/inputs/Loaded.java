package dev.thesis.inputs;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.rules.RuleSet;
import java.util.List;

/**
 * What {@link Workspace#load} found.
 *
 * @param inputs what an evaluation runs on, or null when the rules did not compile
 * @param rules the compiled rules, or null
 * @param corpus the corpus as read: every fact, before a scenario's "without" and --as-of, also
 *     when it has errors
 * @param diagnostics every problem, as this run counts them (under --strict a warning is an error)
 * @param added the facts of the {@link LoadSpec#with()} files, bound and checked with the corpus
 */
public record Loaded(
    Inputs inputs,
    RuleSet rules,
    Corpus corpus,
    List<Diagnostic> diagnostics,
    List<BoundFact> added) {

  public boolean failed() {
    return inputs == null || diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The inputs, or every problem found as an exception. */
  public Inputs orThrow() throws InvalidInputException {
    if (failed()) {
      throw new InvalidInputException(diagnostics);
    }
    return inputs;
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
