package dev.thesis.inputs;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import dev.thesis.facts.CorpusPart;
import java.nio.file.Path;
import java.util.List;

/**
 * What to load: a rules folder (or none, for facts alone) and fact files or folders, and for the
 * commands that need them, corpora read elsewhere, facts to leave out and files whose facts are
 * added on top.
 *
 * @param inline corpora read from scenario files, with the diagnostics their reading found
 * @param without facts to leave out before binding (a scenario's "without")
 * @param with fact files loaded with the corpus and checked with it, whose facts are kept apart
 *     ({@link Loaded#added()}): `whatif --with`
 * @param danglingRefsAllowed a reference to an entity no fact defines is no error (a scenario may
 *     leave one out on purpose), and warnings are not reported
 */
public record LoadSpec(
    Path rules,
    List<Path> facts,
    List<CorpusPart> inline,
    List<Diagnostic> inlineDiagnostics,
    Exclusion without,
    List<Path> with,
    boolean danglingRefsAllowed) {

  /** Facts to leave out, and where they were named (for the error when one does not exist). */
  public record Exclusion(List<String> ids, Location at, String whose) {
    public static final Exclusion NONE = new Exclusion(List.of(), null, "the corpus");
  }

  public LoadSpec {
    facts = List.copyOf(facts);
    inline = List.copyOf(inline);
    inlineDiagnostics = List.copyOf(inlineDiagnostics);
    with = List.copyOf(with);
  }

  public static LoadSpec of(Path rules, List<Path> facts) {
    return new LoadSpec(rules, facts, List.of(), List.of(), Exclusion.NONE, List.of(), false);
  }

  /** A scenario's inputs: its fact files and inline corpus, less the facts it leaves out. */
  public static LoadSpec scenario(
      Path rules,
      List<Path> facts,
      List<CorpusPart> inline,
      List<Diagnostic> inlineDiagnostics,
      Exclusion without) {
    return new LoadSpec(rules, facts, inline, inlineDiagnostics, without, List.of(), true);
  }

  /** Fact files alone, read and checked as a corpus but bound to no rules (`generate --theses`). */
  public static LoadSpec factsOnly(List<Path> facts) {
    return of(null, facts);
  }

  public LoadSpec with(List<Path> files) {
    return new LoadSpec(
        rules, facts, inline, inlineDiagnostics, without, files, danglingRefsAllowed);
  }
}
