package dev.thesis.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The HTML ids of report.html's anchors, one scheme for every section so that a mention anywhere
 * can link to its target. An id is a prefix naming what it points at, then the thing's own id in
 * lower-case letters, digits, dots, underscores and hyphens; when that loses anything (a space, a
 * capital, a quote), a short checksum of the original keeps two different ids apart. The result
 * needs no escaping in a URL fragment or a CSS selector.
 */
public final class Anchors {
  private Anchors() {}

  public static String fact(String id) {
    return "fact-" + slug(id);
  }

  public static String conclusion(String id) {
    return "conclusion-" + slug(id);
  }

  public static String rule(String name) {
    return "rule-" + slug(name);
  }

  public static String source(String id) {
    return "source-" + slug(id);
  }

  /** A source's sentence quoted in an explanation tree (its first quote on the page). */
  public static String quote(String sourceId) {
    return "quote-" + slug(sourceId);
  }

  public static String thesis(String id) {
    return "thesis-" + slug(id);
  }

  public static String card(String thesisId) {
    return "card-" + slug(thesisId);
  }

  public static String question(String id) {
    return "question-" + slug(id);
  }

  static String slug(String s) {
    String slug =
        s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    if (slug.equals(s)) {
      return slug;
    }
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.UTF_8));
    String sum = String.format(Locale.ROOT, "%08x", crc.getValue()).substring(0, 6);
    return (slug.isEmpty() ? "" : slug + "-") + sum;
  }
}
