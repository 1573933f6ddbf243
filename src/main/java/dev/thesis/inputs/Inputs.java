package dev.thesis.inputs;

import dev.thesis.diag.Diagnostic;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.facts.Source;
import dev.thesis.rules.RuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A compiled rules folder and the facts bound to its schema: what an evaluation runs on. Made by
 * {@link Workspace#load}.
 *
 * @param warnings the linter's warnings about these inputs
 * @param files every file read, with the SHA-256 of the bytes read
 */
public record Inputs(
    RuleSet rules,
    Corpus corpus,
    List<BoundFact> facts,
    List<Diagnostic> warnings,
    List<InputFile> files) {

  public Inputs(RuleSet rules, Corpus corpus, List<BoundFact> facts, List<Diagnostic> warnings) {
    this(rules, corpus, facts, warnings, List.of());
  }

  /** A fact's date: its own, else its source's (a source's date dates what it says); or null. */
  public LocalDate dateOf(BoundFact f) {
    String d = f.record().date();
    if (d == null) {
      d = corpus.source(f.record().source()).map(Source::date).orElse(null);
    }
    return d == null ? null : LocalDate.parse(d);
  }

  /** Whether a fact counts on {@code date}: undated, or dated then or before. */
  public boolean inForce(BoundFact f, LocalDate date) {
    LocalDate d = dateOf(f);
    return d == null || !d.isAfter(date);
  }

  /** These inputs without the facts dated after {@code date} (undated facts always count). */
  public Inputs asOf(LocalDate date) {
    if (date == null) {
      return this;
    }
    return new Inputs(
        rules, corpus, facts.stream().filter(f -> inForce(f, date)).toList(), warnings, files);
  }

  /** The distinct dates of the facts, in order. */
  public List<LocalDate> factDates() {
    return facts.stream().map(this::dateOf).filter(Objects::nonNull).distinct().sorted().toList();
  }
}
