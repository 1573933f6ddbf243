package dev.thesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: one folder per kind of broken or hostile input under
 * src/test/resources/bad, each with the exit code and the error text (with its file:line:col) it
 * must give. Every case must also leave the last good report untouched and print no stack trace.
 *
 * <p>A case is {@code facts/} (files ending .template are
 * expanded: @@LONG@@, @@PAD@@, @@UNKNOWN_KEYS@@, @@BAD_UTF8@@, @@BOM@@ stand for what cannot sit in
 * a source file), optional {@code rules/} (else the shared {@code _rules/}), optional {@code
 * args.txt}, and {@code expected.txt}: {@code exit N}, then lines {@code stderr TEXT} or {@code
 * stdout TEXT} that must appear, {@code {case}} standing for its folder, {@code stderr-lacks TEXT}
 * that must not (a follow-on error), or {@code stderr-under N}: stderr holds fewer than N
 * characters. A case with {@code jvm.txt} runs in a JVM of its own with those options (a small heap
 * for the case that runs out of memory); an empty {@code out-is-symlink} or {@code
 * out-under-symlink} makes {@code --out} a link, or a folder below one.
 */
class BadInputTest {
  private static final Path BAD = Path.of("src/test/resources/bad");

  static Stream<Path> cases() throws IOException {
    return Files.list(BAD)
        .filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("_"))
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseFailsCleanlyWhereItSays(Path fixture, @TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve(fixture.getFileName().toString());
    copy(fixture, dir);
    Path rules =
        Files.isDirectory(dir.resolve("rules")) ? dir.resolve("rules") : BAD.resolve("_rules");
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.md"), "the last good report");
    if (Files.exists(dir.resolve("out-is-symlink"))) {
      Path real = tmp.resolve("elsewhere");
      Files.createDirectories(real);
      out = Files.createSymbolicLink(tmp.resolve("link"), real);
    }
    if (Files.exists(dir.resolve("out-under-symlink"))) {
      Path real = tmp.resolve("elsewhere");
      Files.createDirectories(real);
      out = Files.createSymbolicLink(tmp.resolve("link"), real).resolve("sub");
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--rules",
                rules.toString(),
                "--facts",
                dir.resolve("facts").toString(),
                "--out",
                out.toString()));
    if (Files.exists(dir.resolve("args.txt"))) {
      args.addAll(Arrays.asList(Files.readString(dir.resolve("args.txt")).trim().split("\\s+")));
    }
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code =
        Files.exists(dir.resolve("jvm.txt"))
            ? inChildJvm(Files.readString(dir.resolve("jvm.txt")).trim(), args, stdout, stderr)
            : Main.run(
                args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));

    List<String> expected = Files.readAllLines(fixture.resolve("expected.txt"));
    String shown = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
    assertThat(code)
        .as(shown)
        .isEqualTo(Integer.parseInt(expected.get(0).replace("exit ", "").trim()));
    for (String line : expected.subList(1, expected.size())) {
      if (line.startsWith("stderr-under ")) {
        assertThat(stderr.toString().length())
            .as("stderr's length")
            .isLessThan(Integer.parseInt(line.substring("stderr-under ".length()).trim()));
        continue;
      }
      if (line.startsWith("stderr-lacks ")) {
        assertThat(stderr.toString()).as(shown).doesNotContain(line.substring(13).trim());
        continue;
      }
      String text =
          line.substring(line.indexOf(' ') + 1)
              .replace("{case}", dev.thesis.diag.DisplayPath.of(dir));
      assertThat(line.startsWith("stdout ") ? stdout.toString() : stderr.toString())
          .as(shown)
          .contains(text);
    }
    assertThat(stderr.toString())
        .as("no stack trace without --verbose")
        .doesNotContain("\tat ")
        .doesNotContain("Caused by:");
    if (code != 0) {
      assertThat(Files.readString(tmp.resolve("out/report.md"))).isEqualTo("the last good report");
      try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.md");
      }
    }
  }

  /** Runs the command in a JVM of its own with {@code jvmOptions} (a small heap, say). */
  private static int inChildJvm(
      String jvmOptions, List<String> args, StringWriter stdout, StringWriter stderr)
      throws IOException {
    ChildJvm.Result r =
        ChildJvm.run(Path.of("").toAbsolutePath(), Arrays.asList(jvmOptions.split("\\s+")), args);
    stdout.write(r.out());
    stderr.write(r.err());
    return r.code();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (p.toString().endsWith(".template")) {
          Files.write(
              Path.of(target.toString().replace(".template", "")), expand(Files.readString(p)));
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** Keys no type declares, about 75 characters each: a 150 KB line of 2,000 errors. */
  private static String unknownKeys(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(String.format("\"colour_of_the_holding_as_an_analyst_might_write_it_%04d\"", i))
          .append(": \"red-ish-brown\"");
    }
    return sb.toString();
  }

  private static byte[] expand(String template) {
    String text =
        template
            .replace("@@LONG@@", "x".repeat((1 << 20) + 1))
            .replace("@@PAD@@", " ".repeat(64 << 20))
            .replace("@@UNKNOWN_KEYS@@", unknownKeys(2000));
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String s = new String(utf8, StandardCharsets.ISO_8859_1);
    // Byte-level markers: a lone continuation byte is never valid UTF-8; EF BB BF is the BOM.
    s = s.replace("@@BAD_UTF8@@", "\u00c3\u0028").replace("@@BOM@@", "\u00ef\u00bb\u00bf");
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    out.write(bytes, 0, bytes.length);
    return out.toByteArray();
  }
}
