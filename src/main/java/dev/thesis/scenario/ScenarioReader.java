package dev.thesis.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.facts.LocatedJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a scenario file: Jackson binds it to {@link ScenarioFile} through {@link LocatedJson}, as
 * strict as a fact file and with every problem at its line and column; what binding cannot check (a
 * scenario expecting nothing, min above max) is checked here, at the places the reader kept. Paths
 * in the file are relative to the file's folder.
 */
public final class ScenarioReader {
  private static final JsonPointer SCENARIOS = JsonPointer.compile("/scenarios");

  private final LocatedJson json;
  private final Path base;
  private final List<Diagnostic> diagnostics;

  private ScenarioReader(LocatedJson json, Path base, List<Diagnostic> diagnostics) {
    this.json = json;
    this.base = base;
    this.diagnostics = diagnostics;
  }

  /**
   * The scenarios of a file; problems go to {@code diagnostics} (a file with any gives no
   * scenario).
   */
  public static List<Scenario> read(Path file, List<Diagnostic> diagnostics) {
    int before = diagnostics.size();
    LocatedJson json = new LocatedJson(file, DisplayPath.of(file), "scenario files", diagnostics);
    ScenarioFile f = json.bind(ScenarioFile.class);
    if (f == null) {
      return List.of();
    }
    ScenarioReader r = new ScenarioReader(json, file.toAbsolutePath().getParent(), diagnostics);
    // The file's rules and facts apply to scenarios that name none, wherever they are in the file.
    Path rules = f.rules() == null ? null : r.path(f.rules());
    List<Path> facts = f.facts() == null ? List.of() : r.paths(f.facts());
    List<Scenario> out = new ArrayList<>();
    r.each(f.scenarios(), SCENARIOS, (s, at) -> out.add(r.scenario(s, at, rules, facts)));
    return diagnostics.size() > before ? List.of() : out;
  }

  private Scenario scenario(ScenarioFile.Entry s, JsonPointer at, Path rules, List<Path> facts) {
    List<Expectation> expectations = expectations(s.expect(), at.appendProperty("expect"));
    if (expectations.isEmpty()) {
      error(json.at(at), "scenario \"" + s.name() + "\" expects nothing");
    }
    return new Scenario(
        s.name(),
        json.at(at),
        s.rules() == null ? rules : path(s.rules()),
        s.facts() == null ? facts : paths(s.facts()),
        s.corpus(),
        s.without(),
        json.at(at.appendProperty("without")),
        expectations);
  }

  private List<Expectation> expectations(ScenarioFile.Expect x, JsonPointer at) {
    List<Expectation> out = new ArrayList<>();
    each(
        x.conclusions(),
        at.appendProperty("conclusions"),
        (p, pat) -> out.add(new Expectation.Exists(p, json.at(pat))));
    each(
        x.absent(),
        at.appendProperty("absent"),
        (p, pat) -> out.add(new Expectation.Absent(p, json.at(pat))));
    x.verdicts()
        .forEach(
            (thesis, v) ->
                out.add(
                    new Expectation.VerdictIs(
                        thesis, v, json.at(at.appendProperty("verdicts").appendProperty(thesis)))));
    bounds("support", x.support(), at, out);
    bounds("opposition", x.opposition(), at, out);
    each(
        x.tensions(),
        at.appendProperty("tensions"),
        (pair, pat) -> {
          if (pair.size() != 2) {
            error(json.at(pat), "a tension is a pair of thesis ids, like [\"a\", \"b\"]");
            return;
          }
          boolean ordered = pair.get(0).compareTo(pair.get(1)) <= 0;
          out.add(
              new Expectation.TensionBetween(
                  pair.get(ordered ? 0 : 1), pair.get(ordered ? 1 : 0), json.at(pat)));
        });
    each(
        x.explanations(),
        at.appendProperty("explanations"),
        (e, eat) -> {
          if (e.minSources() != null && e.minSources() < 1) {
            error(json.at(eat.appendProperty("minSources")), "\"minSources\" must be at least 1");
          } else if (e.minSources() == null && e.restsOn().isEmpty() && e.notRestsOn().isEmpty()) {
            error(
                json.at(eat), "an explanation expectation needs minSources, restsOn or notRestsOn");
          } else {
            out.add(
                new Expectation.RestsOn(
                    e.conclusion(), e.minSources(), e.restsOn(), e.notRestsOn(), json.at(eat)));
          }
        });
    x.questions().forEach((id, q) -> question(id, q, at.appendProperty("questions"), out));
    // In the order they are written, whatever their kind, as failures are then listed.
    out.sort(
        Comparator.comparingInt((Expectation e) -> e.location().line())
            .thenComparingInt(e -> e.location().column()));
    return out;
  }

  private void bounds(
      String side, Map<String, ScenarioFile.Bounds> all, JsonPointer at, List<Expectation> out) {
    all.forEach(
        (thesis, b) -> {
          Location loc = json.at(at.appendProperty(side).appendProperty(thesis));
          if (b.min() != null && b.max() != null && b.min() > b.max()) {
            error(
                loc, side + " of \"" + thesis + "\": min " + b.min() + " is above max " + b.max());
          } else {
            out.add(new Expectation.Score(thesis, side, b.min(), b.max(), loc));
          }
        });
  }

  /**
   * One expectation per part a question expectation gives. One that gives nothing, and a posterior
   * with no bound (it could never fail) or with bounds none could meet, are errors.
   */
  private void question(
      String id, ScenarioFile.QuestionExpect q, JsonPointer questions, List<Expectation> out) {
    JsonPointer at = questions.appendProperty(id);
    if (q.verdict() == null && q.leader() == null && q.posterior().isEmpty()) {
      error(json.at(at), "a question expectation needs verdict, leader or posterior");
      return;
    }
    if (q.verdict() != null) {
      out.add(new Expectation.QuestionIs(id, q.verdict(), json.at(at.appendProperty("verdict"))));
    }
    if (q.leader() != null) {
      out.add(new Expectation.LeaderIs(id, q.leader(), json.at(at.appendProperty("leader"))));
    }
    q.posterior()
        .forEach(
            (h, b) -> {
              Location loc = json.at(at.appendProperty("posterior").appendProperty(h));
              String what = "posterior of \"" + h + "\" in \"" + id + "\"";
              if (b.min() == null && b.max() == null) {
                // No bound at all would hold whatever the posterior.
                error(loc, what + ": give min, max or both");
              } else if (b.min() != null && b.max() != null && b.min() > b.max()) {
                error(loc, what + ": min " + b.min() + " is above max " + b.max());
              } else {
                out.add(new Expectation.Posterior(id, h, b.min(), b.max(), loc));
              }
            });
  }

  /** Calls {@code each} for every item with its pointer, for locations. */
  private static <T> void each(List<T> items, JsonPointer at, BiConsumer<T, JsonPointer> each) {
    for (int i = 0; i < items.size(); i++) {
      each.accept(items.get(i), at.appendIndex(i));
    }
  }

  private Path path(String s) {
    return base.resolve(s).normalize();
  }

  private List<Path> paths(List<String> s) {
    return s.stream().map(this::path).toList();
  }

  private void error(Location at, String message) {
    diagnostics.add(Diagnostic.error(at, message));
  }
}
