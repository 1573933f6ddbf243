package dev.thesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ link to each other by relative paths and heading anchors; moving or renaming
 * a page or a heading silently breaks them, and GitHub shows no error. This test follows every such
 * link the way GitHub renders it.
 */
class DocsLinksTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path README = ROOT.resolve("README.md");
  private static final Path DOCS = ROOT.resolve("docs");

  /** Inline links and images: [text](target) or [text](target "title"). */
  private static final Pattern INLINE =
      Pattern.compile("\\[[^\\]]*\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** Reference definitions: [label]: target. */
  private static final Pattern DEFINITION =
      Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");

  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");

  @Test
  void readmeStaysShort() throws IOException {
    // The README is the front page: set-up and a short tour; the rest belongs in docs/.
    assertThat(Files.size(README)).as("bytes in README.md").isLessThanOrEqualTo(12 * 1024L);
  }

  @Test
  void docsHasItsPages() throws IOException {
    assertThat(docPages()).as("Markdown pages in docs/").hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(README);
    pages.addAll(docPages());
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      boolean[] code = fencedLines(lines);
      for (int i = 0; i < lines.size(); i++) {
        if (code[i]) {
          continue;
        }
        for (String target : targets(lines.get(i))) {
          String problem = problem(page, target, anchors);
          if (problem != null) {
            broken.add(ROOT.relativize(page) + ":" + (i + 1) + ": (" + target + ") " + problem);
          }
        }
      }
    }
    assertThat(broken)
        .withFailMessage(
            "%d broken link(s):%n%s", broken.size(), String.join(System.lineSeparator(), broken))
        .isEmpty();
  }

  /** Why a link target is broken, or null when it resolves. */
  private static String problem(Path page, String target, Map<Path, Set<String>> anchors)
      throws IOException {
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path file = page;
    if (!path.isEmpty()) {
      file = page.getParent().resolve(decode(path)).normalize();
      if (!file.startsWith(ROOT)) {
        return "points outside the repository";
      }
      if (!Files.exists(file)) {
        return "no such file " + ROOT.relativize(file);
      }
    }
    if (fragment == null) {
      return null;
    }
    if (!file.getFileName().toString().endsWith(".md") || !Files.isRegularFile(file)) {
      return "an anchor into a file that is not a Markdown page";
    }
    Set<String> slugs = anchors.computeIfAbsent(file, DocsLinksTest::headingSlugs);
    return slugs.contains(decode(fragment))
        ? null
        : "no heading with anchor #" + fragment + " in " + ROOT.relativize(file);
  }

  /** Link targets on a line outside code spans. */
  private static List<String> targets(String line) {
    String text = CODE_SPAN.matcher(line).replaceAll("");
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(INLINE, DEFINITION)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String t = m.group(1);
        found.add(t.startsWith("<") ? t.substring(1, t.length() - 1) : t);
      }
    }
    return found;
  }

  /** The anchors GitHub gives the headings of a page, duplicates numbered as it does. */
  private static Set<String> headingSlugs(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    boolean[] code = fencedLines(lines);
    Set<String> slugs = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HEADING.matcher(lines.get(i));
      if (code[i] || !m.matches()) {
        continue;
      }
      String base = slug(m.group(2));
      int n = seen.merge(base, 1, Integer::sum) - 1;
      slugs.add(n == 0 ? base : base + "-" + n);
    }
    return slugs;
  }

  /**
   * GitHub's anchor for a heading: lower case, punctuation other than - and _ dropped, spaces to -.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
        .replace(' ', '-');
  }

  /**
   * Which lines are inside fenced code blocks (fences included), where nothing is a link or
   * heading.
   */
  private static boolean[] fencedLines(List<String> lines) {
    boolean[] code = new boolean[lines.size()];
    String fence = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FENCE.matcher(lines.get(i));
      if (fence == null && m.find()) {
        fence = m.group(1);
        code[i] = true;
      } else if (fence != null) {
        code[i] = true;
        String trimmed = lines.get(i).trim();
        char mark = fence.charAt(0);
        if (trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == mark)) {
          fence = null;
        }
      }
    }
    return code;
  }

  private static String decode(String s) {
    // Percent-escapes only: a '+' in a path is a plus sign, not a space.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<Path> docPages() throws IOException {
    try (Stream<Path> files = Files.list(DOCS)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }
}
