package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a corpus object embedded in another JSON file (a scenario's inline facts), with the same
 * parser settings and checks as a fact file, and locations in the embedding file.
 */
public final class InlineCorpus {
  private InlineCorpus() {}

  /** A parser for a JSON file that may embed corpora; as strict as for fact files. */
  public static JsonParser parser(Path file) throws IOException {
    return LocatedJson.parser(file);
  }

  /** Reads the corpus object at the parser's current START_OBJECT, through its END_OBJECT. */
  public static CorpusPart read(JsonParser p, Path file, String displayName, List<Diagnostic> diagnostics)
      throws IOException {
    CorpusPart part = new CorpusPart(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    new FactFileReader(file, displayName, diagnostics).readSections(p, part);
    return part;
  }

  /** Where the parser is, in {@code displayName}. */
  public static Location here(JsonParser p, String displayName) {
    return new LocatedJson(null, displayName, "", new ArrayList<>()).here(p);
  }

  /** A JSON error as a diagnostic at its location. */
  public static Diagnostic error(JsonProcessingException e, String displayName) {
    LocatedJson json = new LocatedJson(null, displayName, "", new ArrayList<>());
    return Diagnostic.error(json.locate(e.getLocation()), JsonMessages.syntax(e));
  }
}
