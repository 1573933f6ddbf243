package dev.thesis.cli;

import dev.thesis.diag.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders docs/cli.md: the usage help of {@code thesis} and of every command, as {@code --help}
 * prints it. The help is taken from {@link Main#run}, so the commands are registered exactly as a
 * user's run registers them, and the command list is the one under "Commands:" (nested ones too).
 * {@link CliReferenceTest} fails when the committed file differs.
 *
 * <p>Regenerate: {@value #REGENERATE}, or run this class's main on the test class path.
 */
public final class CliReference {
  static final Path DOC = Path.of("docs", "cli.md");
  static final String REGENERATE = "mvn -q -Dtest=CliReferenceTest -Dthesis.regenerate=true test";

  /**
   * A command line under "Commands:": two spaces, the name (aliases after a comma), then its
   * description.
   */
  private static final Pattern LISTED = Pattern.compile("^  ([^\\s,]+)");

  private CliReference() {}

  /**
   * Writes the reference to the given file, or to docs/cli.md (relative to the working directory).
   */
  public static void main(String[] args) throws IOException {
    Path out = args.length > 0 ? Path.of(args[0]) : DOC;
    Files.writeString(out, render(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  /** The whole Markdown file. */
  static String render() {
    List<List<String>> commands = new ArrayList<>();
    collect(List.of(), commands);
    StringBuilder md = new StringBuilder();
    md.append("# Command-line reference\n\n");
    md.append("Generated from the commands' own `--help` by `CliReference`\n");
    md.append(
        "([source](../src/test/java/dev/thesis/cli/CliReference.java)); do not edit it by hand.\n");
    md.append("`CliReferenceTest` fails when it is out of date; regenerate it with\n\n");
    md.append("```sh\n").append(REGENERATE).append("\n```\n\n");
    for (List<String> path : commands) {
      String name = title(path);
      md.append("- [`").append(name).append("`](#").append(name.replace(' ', '-')).append(")\n");
    }
    for (List<String> path : commands) {
      md.append("\n## ")
          .append(title(path))
          .append("\n\n```text\n")
          .append(help(path))
          .append("```\n");
    }
    return md.toString();
  }

  /** Adds the command at {@code path} and, depth first, every command listed in its help. */
  private static void collect(List<String> path, List<List<String>> into) {
    into.add(path);
    for (String sub : listed(help(path))) {
      List<String> next = new ArrayList<>(path);
      next.add(sub);
      collect(List.copyOf(next), into);
    }
  }

  /**
   * The names under "Commands:" in a usage message (description lines that wrap are indented
   * deeper).
   */
  static List<String> listed(String usage) {
    List<String> names = new ArrayList<>();
    boolean inList = false;
    for (String line : usage.split("\n", -1)) {
      if (line.equals("Commands:")) {
        inList = true;
      } else if (inList && line.isBlank()) {
        break;
      } else if (inList) {
        Matcher m = LISTED.matcher(line);
        if (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /**
   * {@code thesis PATH... --help}, without colours; lines end in "\n" and carry no trailing blanks,
   * so the file is the same on every machine and survives editors that strip them.
   */
  static String help(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new Console(
                new PrintWriter(out),
                new PrintWriter(err),
                Progress.NONE,
                -1,
                false,
                dev.thesis.env.Environment.current(),
                false));
    if (code != 0 || !err.toString().isEmpty()) {
      throw new IllegalStateException(
          "thesis " + String.join(" ", args) + " exited " + code + ": " + err);
    }
    StringBuilder text = new StringBuilder();
    for (String line : out.toString().replace("\r\n", "\n").split("\n")) {
      text.append(line.stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static String title(List<String> path) {
    return path.isEmpty() ? "thesis" : "thesis " + String.join(" ", path);
  }
}
