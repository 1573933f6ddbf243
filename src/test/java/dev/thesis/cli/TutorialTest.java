package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tutorial.md shows commands with their output: run on a fresh scaffold, they print what the
 * page says (times aside), so that the page does not drift from the program.
 */
class TutorialTest {
  private static final Path PAGE = Path.of("docs", "tutorial.md");

  @TempDir Path dir;

  /** Each "$ command" in the page's fenced blocks, to the lines printed after it. */
  private static Map<String, String> shown() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    boolean fenced = false;
    String command = null;
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(PAGE)) {
      if (line.startsWith("```")) {
        if (fenced && command != null) {
          out.putIfAbsent(command, String.join("\n", lines));
        }
        fenced = !fenced;
        command = null;
        lines.clear();
      } else if (fenced && line.startsWith("$ ")) {
        if (command != null) {
          out.putIfAbsent(command, String.join("\n", lines));
        }
        command = line.substring(2);
        lines.clear();
      } else if (fenced && command != null) {
        lines.add(line);
      }
    }
    return out;
  }

  private static String masked(String text) {
    return text.replaceAll("\\(\\d+\\.\\d+ s\\)", "(T s)").strip();
  }

  @Test
  void theFirstStepsPrintWhatThePageShows() throws Exception {
    Map<String, String> page = shown();
    Path project = dir.resolve("supply");
    String rules = project.resolve("rules").toString();
    String facts = project.resolve("facts").toString();
    Map<String, String[]> runs = new LinkedHashMap<>();
    runs.put("thesis init supply", new String[] {"init", project.toString()});
    runs.put(
        "thesis check --strict",
        new String[] {"check", "--strict", "--rules", rules, "--facts", facts});
    runs.put(
        "thesis evaluate",
        new String[] {
          "evaluate",
          "--rules",
          rules,
          "--facts",
          facts,
          "--out",
          project.resolve("reports").toString()
        });
    runs.put("thesis test", new String[] {"test", project.resolve("tests").toString()});
    runs.put(
        "thesis explain kestrel-pricing-power",
        new String[] {"explain", "kestrel-pricing-power", "--rules", rules, "--facts", facts});
    for (var e : runs.entrySet()) {
      assertThat(page).as("the page shows " + e.getKey()).containsKey(e.getKey());
      Run r = Run.of(e.getValue());
      String printed =
          (r.out() + r.err()).replace(project + "/", "").replace(project.toString(), "supply");
      assertThat(r.code()).as(e.getKey()).isZero();
      assertThat(masked(printed)).as(e.getKey()).isEqualTo(masked(page.get(e.getKey())));
    }
  }
}
