package dev.thesis.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns located objects of the "facts" section into {@link FactRecord}s. */
final class FactParser {
  private FactParser() {}

  static void fact(LocatedObject o, Problems problems, List<FactRecord> out) {
    Members m = new Members(o, "a fact", problems);
    String id = m.requiredId();
    String type = m.requiredString("type");
    String source = m.requiredString("source");
    String note = m.optionalString("note");
    String date = m.optionalString("date");
    if (date != null && !SourceParser.isDate(date)) {
      m.fail(m.locationOf("date"), "\"date\" must be YYYY-MM-DD, not \"" + date + "\"");
    }
    double confidence = 1.0;
    LocatedValue c = o.members().get("confidence");
    if (c != null) {
      if (c.value().isTextual()) {
        var word = Likelihood.parse(c.value().asText());
        if (word.isPresent()) {
          confidence = word.get().confidence();
        } else {
          m.fail(
              c.location(),
              "\"confidence\" \""
                  + c.value().asText()
                  + "\" is no likelihood word; use a number in [0,1] or one of "
                  + Likelihood.words());
        }
      } else if (!c.value().isNumber()) {
        m.fail(
            c.location(),
            "\"confidence\" must be a number in [0,1] or a likelihood word, not "
                + JsonKinds.describe(c.value()));
      } else {
        confidence = c.value().asDouble();
        if (!(confidence >= 0 && confidence <= 1)) {
          m.fail(c.location(), "\"confidence\" must be in [0,1], not " + c.value().asText());
        }
      }
    }
    Map<String, LocatedValue> fields = new LinkedHashMap<>();
    int[] reserved = new int[2 * FactRecord.RESERVED_ORDER.size()];
    o.members()
        .forEach(
            (k, v) -> {
              int i = FactRecord.RESERVED_ORDER.indexOf(k);
              if (i >= 0) {
                reserved[2 * i] = v.line();
                reserved[2 * i + 1] = v.column();
              } else {
                fields.put(k, v);
              }
            });
    if (m.ok()) {
      out.add(
          new FactRecord(
              id,
              type,
              source,
              confidence,
              note,
              date,
              new SmallMap<>(fields),
              o.location(),
              reserved));
    }
  }
}
