package dev.thesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The question worked by hand (src/test/resources/questions: "why", hypotheses bubble and defence,
 * three round trips and one defensive deal), and variants of it written for a test: dated, and
 * closed.
 */
public final class QuestionFixtures {
  public static final Path RULES = Path.of("src/test/resources/questions/rules");
  public static final Path FACTS = Path.of("src/test/resources/questions/facts");
  public static final String DRL = "src/test/resources/questions/rules/why.drl";

  private QuestionFixtures() {}

  /**
   * The same deals with dates: the round trips undated, the defensive deal d1 on 2024-03-01, and a
   * hype deal h1 (which fires "Hype without revenue") on 2024-06-01. Returns the facts folder.
   */
  public static Path dated(Path dir) {
    Fixtures.write(
        dir,
        "facts/why.json",
        """
        {
          "sources": [
            {"id": "memo", "text": "Three deals came back as revenue."},
            {"id": "march", "text": "One deal defended an account.", "date": "2024-03-01"},
            {"id": "june", "text": "One deal was hype.", "date": "2024-06-01"}
          ],
          "theses": [
            {"id": "bubble", "title": "The deals are a bubble", "source": "memo"},
            {"id": "defence", "title": "The deals defend accounts", "source": "memo"}
          ],
          "questions": [
            {"id": "why", "title": "Why these deals?", "hypotheses": ["bubble", "defence"], "source": "memo"}
          ],
          "facts": [
            {"id": "r1", "type": "Deal", "source": "memo", "confidence": 0.9, "name": "r1", "kind": "roundtrip"},
            {"id": "r2", "type": "Deal", "source": "memo", "confidence": 0.9, "name": "r2", "kind": "roundtrip"},
            {"id": "r3", "type": "Deal", "source": "memo", "confidence": 0.9, "name": "r3", "kind": "roundtrip"},
            {"id": "d1", "type": "Deal", "source": "march", "confidence": 0.9, "name": "d1", "kind": "defensive"},
            {"id": "h1", "type": "Deal", "source": "june", "confidence": 0.9, "name": "h1", "kind": "hype"}
          ]
        }
        """);
    return dir.resolve("facts");
  }

  /**
   * The question closed (no "other"), with the rules less "Rejected by markets", which rates
   * "other" and so could not be weighed in it. Returns the folder holding rules/ and facts/.
   */
  public static Path closed(Path dir) {
    try {
      String drl = Files.readString(Path.of(DRL));
      int cut = drl.indexOf("// Does not fire either");
      if (cut < 0) {
        throw new AssertionError("why.drl no longer ends with \"Rejected by markets\"");
      }
      Fixtures.write(dir, "rules/why.drl", drl.substring(0, cut));
      String open = "\"hypotheses\": [\"bubble\", \"defence\"],";
      String facts = Files.readString(FACTS.resolve("why.json"));
      if (!facts.contains(open)) {
        throw new AssertionError("why.json no longer names its hypotheses as expected");
      }
      Fixtures.write(dir, "facts/why.json", facts.replace(open, open + " \"closed\": true,"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
