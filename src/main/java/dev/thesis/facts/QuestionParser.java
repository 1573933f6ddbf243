package dev.thesis.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns located objects of the "questions" section into {@link Question}s. What needs the whole
 * corpus (the hypotheses are theses, each in one question) is checked by {@link CorpusLoader}.
 */
final class QuestionParser {
  private static final Set<String> KEYS =
      Set.of("id", "title", "claim", "source", "hypotheses", "priors", "closed");

  private QuestionParser() {}

  static void question(LocatedObject o, Problems problems, List<Question> out) {
    Members m = new Members(o, "a question", problems);
    String id = m.requiredId();
    String title = m.requiredString("title");
    String claim = m.optionalString("claim");
    String source = m.optionalString("source");
    List<String> hypotheses = new ArrayList<>();
    List<Location> hypothesisAt = new ArrayList<>();
    LocatedValue hv = o.members().get("hypotheses");
    if (hv == null) {
      m.fail(o.location(), "a question has no \"hypotheses\" (at least two thesis ids)");
    } else if (!hv.value().isArray()) {
      m.fail(hv.location(), "\"hypotheses\" must be an array of thesis ids");
    } else {
      int i = 0;
      for (JsonNode n : hv.value()) {
        Location at = o.itemAt("hypotheses", i++);
        if (!n.isTextual() || n.asText().isBlank()) {
          m.fail(at, "each hypothesis must be a thesis id, not " + JsonKinds.describe(n));
        } else if (n.asText().equals(Question.OTHER)) {
          m.fail(
              at,
              "\"other\" is not named as a hypothesis: an open question has it already"
                  + " (\"closed\": true leaves it out)");
        } else if (hypotheses.contains(n.asText())) {
          m.fail(at, "hypothesis \"" + n.asText() + "\" is named twice");
        } else {
          hypotheses.add(n.asText());
          hypothesisAt.add(at);
        }
      }
      if (m.ok() && hypotheses.size() < 2) {
        m.fail(
            hv.location(),
            "a question weighs at least two hypotheses; \""
                + id
                + "\" has "
                + hypotheses.size()
                + " (a lone thesis needs no question)");
      }
    }
    boolean closed = false;
    LocatedValue cv = o.members().get("closed");
    if (cv != null) {
      if (!cv.value().isBoolean()) {
        m.fail(
            cv.location(),
            "\"closed\" must be true or false, not " + JsonKinds.describe(cv.value()));
      } else {
        closed = cv.value().asBoolean();
      }
    }
    Map<String, Double> priors = priors(o, m, hypotheses, closed);
    m.rejectUnknown(KEYS);
    if (m.ok()) {
      LocatedValue pv = o.members().get("priors");
      out.add(
          new Question(
              id,
              title,
              claim,
              source,
              hypotheses,
              priors,
              closed,
              o.location(),
              hypothesisAt,
              pv == null ? o.location() : pv.location()));
    }
  }

  private static Map<String, Double> priors(
      LocatedObject o, Members m, List<String> hypotheses, boolean closed) {
    Map<String, Double> out = new LinkedHashMap<>();
    LocatedValue pv = o.members().get("priors");
    if (pv == null) {
      return out;
    }
    if (!pv.value().isObject()) {
      m.fail(
          pv.location(),
          "\"priors\" must be an object of positive weights by hypothesis, not "
              + JsonKinds.describe(pv.value()));
      return out;
    }
    for (var e : pv.value().properties()) {
      String h = e.getKey();
      boolean known = hypotheses.contains(h) || (!closed && h.equals(Question.OTHER));
      if (!known) {
        m.fail(
            pv.location(),
            "\"priors\" names \""
                + h
                + "\", which is not a hypothesis of this question"
                + (h.equals(Question.OTHER) ? " (it is closed)" : ""));
      } else if (!e.getValue().isNumber()
          || !(e.getValue().asDouble() > 0)
          || Double.isInfinite(e.getValue().asDouble())) {
        m.fail(
            pv.location(),
            "the prior of \"" + h + "\" must be a positive number, not " + e.getValue());
      } else {
        out.put(h, e.getValue().asDouble());
      }
    }
    if (m.ok() && !out.isEmpty()) {
      List<String> missing = new ArrayList<>(hypotheses);
      if (!closed) {
        missing.add(Question.OTHER);
      }
      missing.removeAll(out.keySet());
      if (!missing.isEmpty()) {
        m.fail(
            pv.location(),
            "\"priors\" gives no weight to " + String.join(", ", missing) + "; give every one");
      }
    }
    return out;
  }
}
