package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.Tension;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.facts.Source;
import java.util.List;

/** report.md: the verdict table, tensions, and every thesis's arguments down to quoted sources. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(EvaluationResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Thesis evaluation\n\n");
    sb.append(
        String.format(
                java.util.Locale.ROOT,
                "%d rules, %d facts from %d sources, %d conclusions. Thresholds: support >= %s, opposition >= %s.%n%n",
                r.rules().rules().size(),
                r.facts().size(),
                r.corpus().sources().size(),
                r.conclusions().size(),
                Numbers.two(r.thresholds().support()),
                Numbers.two(r.thresholds().opposition()))
            .replace("\r", ""));
    verdicts(r, sb);
    sb.append("\n## Tensions\n\n");
    if (r.tensions().isEmpty()) {
      sb.append("None: no two rival theses both stand.\n");
    }
    for (Tension t : r.tensions()) {
      sb.append("- **")
          .append(md(t.a()))
          .append("** vs **")
          .append(md(t.b()))
          .append("**: ")
          .append(md(t.why()))
          .append('\n');
    }
    if (!r.questions().isEmpty()) {
      sb.append("\n## Questions\n");
      for (QuestionVerdict q : r.questions()) {
        QuestionSection.render(q, r, sb);
      }
    }
    sb.append("\n## Theses\n");
    for (ThesisVerdict v : r.verdicts()) {
      thesis(v, r, sb);
    }
    sb.append("\n## Sources\n\n");
    for (Source s : r.corpus().sources()) {
      sb.append("- **")
          .append(md(s.id()))
          .append("**")
          .append(s.origin() == null ? "" : " (" + md(s.origin()) + ")")
          .append(": ")
          .append(md(s.text()))
          .append('\n');
    }
    return sb.toString();
  }

  /** The verdict table; a Posterior column when the corpus has questions. */
  private static void verdicts(EvaluationResult r, StringBuilder sb) {
    boolean posteriors = !r.questions().isEmpty();
    sb.append("## Verdicts\n\n");
    sb.append("| Thesis | Verdict |")
        .append(posteriors ? " Posterior |" : "")
        .append(" Support | Opposition | For | Against | Rivals |\n");
    sb.append("|---|---|").append(posteriors ? "---:|" : "").append("---:|---:|---:|---:|---|\n");
    for (ThesisVerdict v : r.verdicts()) {
      sb.append("| [")
          .append(md(v.thesis().id()))
          .append("](#")
          .append(anchor(v.thesis().id()))
          .append(") | **")
          .append(v.verdict())
          .append("**")
          .append(mark(v))
          .append(" | ");
      if (posteriors) {
        sb.append(v.posterior() == null ? "" : Numbers.two(v.posterior())).append(" | ");
      }
      sb.append(v.question() == null ? Numbers.two(v.support()) : "-")
          .append(" | ")
          .append(v.question() == null ? Numbers.two(v.opposition()) : "-")
          .append(" | ")
          .append(v.forArguments().size())
          .append(" | ")
          .append(v.againstArguments().size())
          .append(" | ")
          .append(md(String.join(", ", v.rivals())))
          .append(" |\n");
    }
  }

  /** " _(untested)_", " _(unchallenged)_" or nothing, after a verdict. */
  static String mark(ThesisVerdict v) {
    String m = TerminalSummary.mark(v);
    return m == null ? "" : " _(" + m + ")_";
  }

  private static void thesis(ThesisVerdict v, EvaluationResult r, StringBuilder sb) {
    sb.append("\n### ").append(md(v.thesis().id())).append("\n\n");
    sb.append("**").append(md(v.thesis().title())).append("**");
    if (v.thesis().claim() != null) {
      sb.append(": ").append(md(v.thesis().claim()));
    }
    sb.append("\n\nVerdict **").append(v.verdict()).append("**");
    if (v.question() != null) {
      sb.append(" (posterior ")
          .append(Numbers.two(v.posterior()))
          .append(" in question [")
          .append(md(v.question()))
          .append("](#")
          .append(anchor(v.question()))
          .append("))");
    }
    sb.append(": support ")
        .append(Numbers.two(v.support()))
        .append(", opposition ")
        .append(Numbers.two(v.opposition()))
        .append('.');
    if (!v.rivals().isEmpty()) {
      sb.append(" Rivals: ").append(md(String.join(", ", v.rivals()))).append('.');
    }
    if (v.untested()) {
      sb.append(
          " **Untested**: no rule rates it I or II, so nothing could have counted against it.");
    }
    if (v.unchallenged()) {
      sb.append(" **Unchallenged**: no rule opposes it.");
    }
    sb.append("\n\n");
    ExplanationNode tree = Explanations.of(r, v);
    if (!r.thesisSources(v.thesis().id()).isEmpty()) {
      sb.append("Rests on sources: ")
          .append(md(String.join(", ", r.thesisSources(v.thesis().id()))));
      sb.append(
          r.thesisSingleSource(v.thesis().id())
              ? " (**its support comes from a single source**)"
              : "");
      sb.append(".\n\n");
    }
    if (!r.critical(v.thesis().id()).isEmpty()) {
      sb.append("Hinges on (removing these facts alone changes the verdict): ")
          .append(md(Hinges.describe(r.critical(v.thesis().id()), Integer.MAX_VALUE)))
          .append(".\n\n");
    }
    if (tree.children().isEmpty()) {
      sb.append("No argument for or against it was derived.\n");
      return;
    }
    List<ExplanationNode> args = tree.children();
    for (ExplanationNode a : args) {
      item(a, 0, sb);
    }
  }

  /** A node as a list item, and the items below it, drawn compactly ({@link Compact}). */
  static void item(ExplanationNode n, int depth, StringBuilder sb) {
    ExplanationNode single = Compact.single(n);
    ExplanationNode shown = single == null ? n : single;
    sb.append("  ".repeat(depth))
        .append("- ")
        .append(single == null ? "" : "\u00b7 ")
        .append(text(shown))
        .append('\n');
    for (ExplanationNode c : Compact.drawn(shown)) {
      item(c, depth + 1, sb);
    }
  }

  private static String text(ExplanationNode n) {
    String marks =
        n.marks().isEmpty() || n.kind() == ExplanationNode.Kind.THESIS
            ? ""
            : " _(" + md(String.join("; ", n.marks())) + ")_";
    return base(n) + marks;
  }

  private static String base(ExplanationNode n) {
    String conf = n.confidence() == null ? "" : " [" + Numbers.two(n.confidence()) + "]";
    String at = n.location() == null ? "" : " at `" + n.location() + "`";
    ExplanationNode quoted = Compact.quotedAbove(n);
    String again =
        n.repeated()
            ? " (shown above)"
            : quoted == null ? "" : " " + md(quoted.id()) + " (quoted above)";
    return switch (n.kind()) {
      case THESIS -> "thesis `" + n.id() + "`";
      case FOR -> "**for** `" + n.id() + "` " + md(n.summary()) + conf + again;
      case AGAINST -> "**against** `" + n.id() + "` " + md(n.summary()) + conf + again;
      case CONCLUSION -> "`" + n.id() + "` " + md(n.summary()) + conf + again;
      case RULE ->
          md(n.summary())
              + at
              + (n.justifications() == 0 ? "" : ", " + n.justifications() + " justifications")
              + conf;
      case FACT -> "fact `" + n.id() + "` " + md(n.summary()) + at + conf + again;
      case SOURCE ->
          n.repeated() ? md(n.id()) + " (quoted above)" : md(n.id()) + ": " + md(n.summary());
      case QUESTION -> "question `" + n.id() + "` " + md(n.summary());
      case HYPOTHESIS -> "hypothesis `" + n.id() + "` " + md(n.summary());
      case EVIDENCE -> "evidence " + md(n.id()) + " " + md(n.summary()) + at + conf;
      case COMMON -> Compact.listed(n).isEmpty() ? "each rests on" : "each rests on: " + listing(n);
      case JUSTIFICATION -> "\u00b7 " + listing(n) + conf;
      case CONDITION -> "because " + md(n.summary()) + at;
      case HIDDEN -> "\u2026 " + md(n.summary());
    };
  }

  /** The premises a listing node names, as code joined by +; its bindings when it names none. */
  private static String listing(ExplanationNode n) {
    List<ExplanationNode> named = Compact.listed(n);
    if (named.isEmpty()) {
      return n.summary().isEmpty() ? "no premises" : md(n.summary());
    }
    return String.join(" + ", named.stream().map(c -> "`" + c.id() + "`").toList());
  }

  /** Escapes what Markdown would otherwise interpret in text taken from the inputs. */
  static String md(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c == '\n' || c == '\r' ? ' ' : c);
    }
    return out.toString();
  }

  static String anchor(String id) {
    return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }
}
