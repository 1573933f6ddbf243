package dev.thesis.facts;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns located objects of the "sources" and "theses" sections into records. */
final class SourceParser {
  private static final Set<String> SOURCE_KEYS = Set.of("id", "text", "origin", "date");
  private static final Set<String> THESIS_KEYS = Set.of("id", "title", "claim", "source", "rivals");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private SourceParser() {}

  static void source(LocatedObject o, Problems problems, List<Source> out) {
    Members m = new Members(o, "a source", problems);
    String id = m.requiredId();
    String text = m.requiredString("text");
    String origin = m.optionalString("origin");
    String date = m.optionalString("date");
    m.rejectUnknown(SOURCE_KEYS);
    boolean whole = m.ok();
    if (date != null && !isDate(date)) {
      m.fail(m.locationOf("date"), "\"date\" must be YYYY-MM-DD, not \"" + date + "\"");
    }
    // A source wrong only in its date is still the source its facts cite: kept (undated) so that
    // they raise no "cites a source no fact file defines" on top. The date's error stops the run.
    if (whole) {
      out.add(new Source(id, text, origin, m.ok() ? date : null, m.location()));
    }
  }

  static void thesis(LocatedObject o, Problems problems, List<Thesis> out) {
    Members m = new Members(o, "a thesis", problems);
    String id = m.requiredId();
    String title = m.requiredString("title");
    String claim = m.optionalString("claim");
    String source = m.optionalString("source");
    List<String> rivals = m.stringList("rivals");
    m.rejectUnknown(THESIS_KEYS);
    if (m.ok()) {
      out.add(new Thesis(id, title, claim, source, rivals, m.location()));
    }
  }

  static boolean isDate(String s) {
    if (!DATE.matcher(s).matches()) {
      return false;
    }
    try {
      java.time.LocalDate.parse(s);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }
}
