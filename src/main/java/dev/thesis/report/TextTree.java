package dev.thesis.report;

import dev.thesis.diag.TerminalText;
import java.util.List;

/**
 * Draws an explanation tree for the terminal with box-drawing guides, each node on one line with
 * its input text escaped ({@link TerminalText}).
 */
public final class TextTree {
  private TextTree() {}

  public static String render(ExplanationNode root) {
    return render(root, Integer.MAX_VALUE);
  }

  /**
   * The tree with each quoted sentence cut, at a word, to about {@code quoteChars} characters: a
   * terminal tree that wraps every quote over three rows no longer fits a screen. The source's id
   * and place stay, so the whole sentence is one look away.
   */
  public static String render(ExplanationNode root, int quoteChars) {
    return draw(lines(root, quoteChars));
  }

  /** One line of a tree to draw, and the lines below it. */
  record Line(String text, List<Line> children) {
    Line {
      children = List.copyOf(children);
    }

    Line(String text) {
      this(text, List.of());
    }
  }

  /** A node's line and the lines below it, drawn compactly ({@link Compact}). */
  private static Line lines(ExplanationNode n, int quoteChars) {
    ExplanationNode single = Compact.single(n);
    if (single != null) {
      Line one = lines(single, quoteChars);
      return new Line("\u00b7 " + one.text(), one.children());
    }
    String text = n.kind() == ExplanationNode.Kind.SOURCE ? cut(line(n), quoteChars) : line(n);
    return new Line(text, Compact.drawn(n).stream().map(c -> lines(c, quoteChars)).toList());
  }

  /** {@code seed-1: "first words …" (origin)}: the quote between the first and last '"' cut. */
  static String cut(String line, int quoteChars) {
    int open = line.indexOf('"');
    int close = line.lastIndexOf('"');
    if (open < 0 || close <= open || close - open - 1 <= quoteChars) {
      return line;
    }
    String quote = line.substring(open + 1, close);
    int at = quote.lastIndexOf(' ', quoteChars);
    String kept = quote.substring(0, at < quoteChars / 2 ? quoteChars : at).stripTrailing();
    return line.substring(0, open + 1) + kept + " \u2026" + line.substring(close);
  }

  /** Draws any tree of lines with the guides, each line's text escaped. */
  static String draw(Line root) {
    StringBuilder sb = new StringBuilder();
    sb.append(TerminalText.escape(root.text())).append('\n');
    children(root.children(), "", sb);
    return sb.toString();
  }

  private static void children(List<Line> nodes, String indent, StringBuilder sb) {
    for (int i = 0; i < nodes.size(); i++) {
      boolean last = i == nodes.size() - 1;
      Line n = nodes.get(i);
      sb.append(indent)
          .append(last ? "└─ " : "├─ ")
          .append(TerminalText.escape(n.text()))
          .append('\n');
      children(n.children(), indent + (last ? "   " : "│  "), sb);
    }
  }

  static String line(ExplanationNode n) {
    String marks = n.marks().isEmpty() ? "" : "  {" + String.join("; ", n.marks()) + "}";
    return base(n) + marks;
  }

  private static String base(ExplanationNode n) {
    String conf = n.confidence() == null ? "" : "  [" + Numbers.two(n.confidence()) + "]";
    String at = n.location() == null ? "" : "  " + n.location();
    ExplanationNode quoted = Compact.quotedAbove(n);
    String again =
        n.repeated()
            ? "  (shown above)"
            : quoted == null ? "" : "  " + quoted.id() + " (quoted above)";
    return switch (n.kind()) {
      case THESIS -> "thesis " + n.id() + ": " + n.summary();
      case FOR -> "for: " + n.id() + "  " + n.summary() + conf + again;
      case AGAINST -> "against: " + n.id() + "  " + n.summary() + conf + again;
      case CONCLUSION -> n.id() + "  " + n.summary() + conf + again;
      case RULE ->
          n.summary()
              + at
              + (n.justifications() == 0 ? "" : ", " + n.justifications() + " justifications")
              + conf;
      case FACT -> "fact " + n.id() + "  " + n.summary() + at + conf + again;
      case SOURCE -> n.repeated() ? n.id() + " (quoted above)" : n.id() + ": " + n.summary();
      case QUESTION -> "question " + n.id() + ": " + n.summary();
      case HYPOTHESIS -> "hypothesis " + n.id() + ": " + n.summary();
      case EVIDENCE -> "evidence \"" + n.id() + "\"  " + n.summary() + at + conf;
      case COMMON -> Compact.listed(n).isEmpty() ? "each rests on" : "each rests on: " + listing(n);
      case JUSTIFICATION -> "\u00b7 " + listing(n) + conf;
      case CONDITION -> "because " + n.summary() + at;
      case HIDDEN -> "\u2026 " + n.summary();
    };
  }

  /** The premises a listing node names, joined by +; its bindings when it names none. */
  private static String listing(ExplanationNode n) {
    List<ExplanationNode> named = Compact.listed(n);
    if (named.isEmpty()) {
      return n.summary().isEmpty() ? "no premises" : n.summary();
    }
    return String.join(" + ", named.stream().map(ExplanationNode::id).toList());
  }
}
