package dev.thesis.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.thesis.facts.Thesis;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one fact file with Jackson's streaming generator, one entry per line, without ever holding
 * the file in memory. Entries are written as root-level values and the sections around them as raw
 * text, which keeps the layout (a fact per line) without a pretty printer's bookkeeping.
 */
final class FactFileWriter implements Closeable {
  // No separator between root-level values: this class writes its own.
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  private final JsonGenerator json;
  private boolean firstFact = true;

  FactFileWriter(
      Path file,
      String sourceId,
      String sourceText,
      String origin,
      List<Thesis> theses,
      List<dev.thesis.facts.Question> questions)
      throws IOException {
    json =
        FACTORY.createGenerator(
            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
    json.writeRaw("{\"sources\": [\n");
    json.writeStartObject();
    json.writeStringField("id", sourceId);
    json.writeStringField("text", sourceText);
    json.writeStringField("origin", origin);
    json.writeEndObject();
    json.writeRaw("\n],\n");
    if (!theses.isEmpty()) {
      json.writeRaw("\"theses\": [\n");
      for (int k = 0; k < theses.size(); k++) {
        json.writeRaw(k == 0 ? "" : ",\n");
        thesis(theses.get(k));
      }
      json.writeRaw("\n],\n");
    }
    if (!questions.isEmpty()) {
      json.writeRaw("\"questions\": [\n");
      for (int k = 0; k < questions.size(); k++) {
        json.writeRaw(k == 0 ? "" : ",\n");
        question(questions.get(k));
      }
      json.writeRaw("\n],\n");
    }
    json.writeRaw("\"facts\": [");
  }

  private void question(dev.thesis.facts.Question q) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", q.id());
    json.writeStringField("title", q.title());
    if (q.claim() != null) {
      json.writeStringField("claim", q.claim());
    }
    json.writeArrayFieldStart("hypotheses");
    for (String h : q.hypotheses()) {
      json.writeString(h);
    }
    json.writeEndArray();
    if (!q.priors().isEmpty()) {
      json.writeObjectFieldStart("priors");
      for (var e : q.priors().entrySet()) {
        json.writeNumberField(e.getKey(), e.getValue());
      }
      json.writeEndObject();
    }
    if (q.closed()) {
      json.writeBooleanField("closed", true);
    }
    json.writeEndObject();
  }

  private void thesis(Thesis t) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", t.id());
    json.writeStringField("title", t.title());
    if (t.claim() != null) {
      json.writeStringField("claim", t.claim());
    }
    if (!t.rivals().isEmpty()) {
      json.writeArrayFieldStart("rivals");
      for (String r : t.rivals()) {
        json.writeString(r);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** Writes a fact citing the file's source, with the fields {@code keep} marks. */
  void fact(Fact f, String source, boolean[] keep) throws IOException {
    json.writeRaw(firstFact ? "\n" : ",\n");
    firstFact = false;
    json.writeStartObject();
    json.writeStringField("id", f.id());
    json.writeStringField("type", f.type());
    json.writeStringField("source", source);
    json.writeNumberField("confidence", f.confidence());
    for (int k = 0; k < keep.length; k++) {
      Object v = f.values()[k];
      if (!keep[k] || v == null) {
        continue;
      }
      if (v instanceof Boolean b) {
        json.writeBooleanField(f.names()[k], b);
      } else {
        json.writeStringField(f.names()[k], (String) v);
      }
    }
    json.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    json.writeRaw("\n]}\n");
    json.close();
  }
}
