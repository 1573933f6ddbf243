package dev.thesis.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.thesis.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading a corpus object embedded in another JSON file (a scenario's inline facts), with the same
 * parser settings and checks as a fact file, and locations in the embedding file.
 */
public final class InlineCorpus {
  private InlineCorpus() {}

  /** Reads the corpus object at the parser's current START_OBJECT, through its END_OBJECT. */
  public static CorpusPart read(
      JsonParser p, Path file, String displayName, List<Diagnostic> diagnostics)
      throws IOException {
    CorpusPart part = CorpusPart.empty();
    new FactFileReader(file, displayName, diagnostics).readSections(p, part);
    return part;
  }

  /**
   * Binds an inline corpus inside a file read by {@link LocatedJson#bind}: read as a fact file is,
   * so every problem in it is reported (binding goes on) with the same words as in a fact file.
   */
  public static final class Deserializer extends StdDeserializer<CorpusPart> {
    public Deserializer() {
      super(CorpusPart.class);
    }

    @Override
    public CorpusPart deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return (CorpusPart) ctxt.handleUnexpectedToken(CorpusPart.class, p);
      }
      LocatedJson json = LocatedJson.of(ctxt);
      return read(p, json.path(), json.file(), json.diagnostics());
    }
  }
}
