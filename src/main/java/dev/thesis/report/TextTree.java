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
    return draw(lines(root));
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
  private static Line lines(ExplanationNode n) {
    ExplanationNode single = Compact.single(n);
    if (single != null) {
      Line one = lines(single);
      return new Line("\u00b7 " + one.text(), one.children());
    }
    return new Line(line(n), Compact.drawn(n).stream().map(TextTree::lines).toList());
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
