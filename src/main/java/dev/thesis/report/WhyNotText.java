package dev.thesis.report;

import dev.thesis.analysis.WhyNot;
import dev.thesis.report.TextTree.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** "Why not?" answers as text trees, drawn like the explanation trees. */
public final class WhyNotText {
  private WhyNotText() {}

  /** Why a conclusion is not there: each rule that could insert it, condition by condition. */
  public static String absence(WhyNot.Absence a) {
    return TextTree.draw(absenceLine(a, true));
  }

  /** The rules arguing for a thesis that did not fire, each condition by condition. */
  public static String misses(WhyNot.Misses m) {
    List<Line> children = new ArrayList<>();
    m.misses().forEach(a -> children.add(attempt(a)));
    String head;
    if (m.misses().isEmpty()) {
      head =
          m.fired().isEmpty()
              ? "nearest misses of " + m.thesis() + ": none; no rule argues for it"
              : "nearest misses of "
                  + m.thesis()
                  + ": none; every rule arguing for it fired ("
                  + quoted(m.fired())
                  + ")";
    } else {
      head =
          "nearest misses of "
              + m.thesis()
              + " ("
              + m.verdict()
              + "): rules arguing for it that did not fire"
              + (m.fired().isEmpty() ? "" : "; fired: " + quoted(m.fired()));
    }
    return TextTree.draw(new Line(head, children));
  }

  /** That {@code --as-of} left a fact or conclusion out, and the facts it left out. */
  public static String leftOut(WhyNot.LeftOut l) {
    if (l.kind() == WhyNot.ItemKind.FACT && l.facts().size() == 1) {
      return TextTree.draw(
          new Line(
              "fact "
                  + l.id()
                  + " was left out by --as-of "
                  + l.cutoff()
                  + ": "
                  + dated(l.facts().get(0))));
    }
    List<Line> children = new ArrayList<>();
    for (WhyNot.Dated d : l.facts()) {
      children.add(new Line("fact " + d.id() + ": " + dated(d)));
    }
    String head =
        "conclusion "
            + l.id()
            + " was left out by --as-of "
            + l.cutoff()
            + (l.facts().isEmpty()
                ? ": it is derived only from every fact"
                : ": it rests on facts dated after it");
    return TextTree.draw(new Line(head, children));
  }

  private static String dated(WhyNot.Dated d) {
    return "it is dated " + (d.date() == null ? "(undated)" : d.date()) + "  " + d.location();
  }

  private static String quoted(List<String> names) {
    StringJoiner j = new StringJoiner(", ");
    names.forEach(n -> j.add("\"" + n + "\""));
    return j.toString();
  }

  private static Line absenceLine(WhyNot.Absence a, boolean top) {
    String described = describe(a.type(), a.key(), true);
    String head =
        a.outcome() == WhyNot.AbsenceOutcome.NO_RULE
            ? (top ? "" : "why not ")
                + a.id()
                + ": no rule concludes "
                + a.type()
                + ", so nothing derives "
                + described
            : (top ? "conclusion " + a.id() + " was not derived: " : "why not " + a.id() + ": ")
                + described
                + (a.rules().size() == 1
                    ? "; the one rule that inserts it:"
                    : "; the " + a.rules().size() + " rules that insert it:");
    return new Line(head, a.rules().stream().map(WhyNotText::attempt).toList());
  }

  private static Line attempt(WhyNot.Attempt a) {
    StringBuilder sb = new StringBuilder("rule \"").append(a.rule()).append("\"  ");
    sb.append(a.location());
    if (a.inserts() != null) {
      sb.append("  ").append(a.inserts());
    }
    sb.append(": ").append(outcome(a));
    List<Line> children = new ArrayList<>();
    if (a.note() != null && a.outcome() != WhyNot.AttemptOutcome.CANNOT_CONCLUDE) {
      children.add(new Line("note: " + a.note()));
    }
    a.steps().forEach(s -> children.add(step(s)));
    return new Line(sb.toString(), children);
  }

  private static String outcome(WhyNot.Attempt a) {
    return switch (a.outcome()) {
      case CANNOT_CONCLUDE -> "cannot conclude this: " + a.note();
      case MISSING -> "did not fire: a condition matches nothing";
      case BLOCKED -> "did not fire: a \"not\" is matched";
      case NOT_CHECKED -> "every condition checked holds; some were not checked";
      case HOLDS -> "every condition holds here, yet it did not conclude this";
    };
  }

  private static Line step(WhyNot.Step s) {
    List<Line> children = new ArrayList<>();
    String at = s.location() == null ? "" : "  " + s.location();
    String with = with(s.bindings());
    String head;
    switch (s.kind()) {
      case OR, ALL -> {
        head =
            s.kind() == WhyNot.StepKind.OR
                ? (s.outcome() == WhyNot.StepOutcome.MATCHED
                    ? "or: a branch matches"
                    : "or: no branch matches")
                : (s.outcome() == WhyNot.StepOutcome.MATCHED ? "all of: match" : "all of:");
        s.parts().forEach(p -> children.add(step(p)));
      }
      case NOT_CHECKED -> head = s.text() + at + ": not checked";
      default -> {
        head = s.text() + at + ": " + verb(s.outcome()) + with;
        for (WhyNot.Item i : s.matches().items()) {
          children.add(
              new Line(
                  item(i),
                  i.grounds().stream().map(f -> new Line("rests on " + item(f))).toList()));
        }
        more(s.matches().omitted(), "", children);
        for (WhyNot.Near n : s.nearest().items()) {
          children.add(new Line("nearest: " + item(n.item()) + ": " + differs(n)));
        }
        more(s.nearest().omitted(), " nearest", children);
        if (s.outcome() == WhyNot.StepOutcome.NOTHING && s.nearest().items().isEmpty()) {
          children.add(
              new Line("no fact or conclusion of its type differs in one constraint only"));
        }
        s.unchecked().forEach(u -> children.add(new Line("not checked: " + u)));
        s.premises().forEach(p -> children.add(absenceLine(p, false)));
      }
    }
    return new Line(head, children);
  }

  private static String verb(WhyNot.StepOutcome o) {
    return switch (o) {
      case MATCHED -> "matched by";
      case NOTHING -> "nothing matches";
      case BLOCKED -> "blocked by";
      case CLEAR -> "nothing blocks it";
      case NOT_CHECKED -> "not checked";
    };
  }

  private static void more(int omitted, String what, List<Line> into) {
    if (omitted > 0) {
      into.add(new Line("… and " + omitted + " more" + what));
    }
  }

  private static String with(Map<String, Object> bindings) {
    if (bindings.isEmpty()) {
      return "";
    }
    StringJoiner j = new StringJoiner(", ", "  (with ", ")");
    bindings.forEach((k, v) -> j.add(k + " = " + v));
    return j.toString();
  }

  private static String differs(WhyNot.Near n) {
    return n.field() == null
        ? "needs " + n.needed()
        : n.field() + " is " + n.has() + ", needs " + n.needed();
  }

  private static String item(WhyNot.Item i) {
    String where =
        i.location() == null
            ? ""
            : i.kind() == WhyNot.ItemKind.FACT
                ? "  " + i.location()
                : "  derived by the rule at " + i.location();
    return (i.kind() == WhyNot.ItemKind.FACT ? "fact " : "conclusion ")
        + i.id()
        + "  "
        + describe(i.type(), i.fields(), false)
        + where;
  }

  /** {@code Type(field=value, ...)}; unknown key values shown as {@code *}. */
  private static String describe(String type, Map<String, Object> fields, boolean key) {
    StringJoiner j = new StringJoiner(", ", type + "(", ")");
    fields.forEach((k, v) -> j.add(k + "=" + (v == null && key ? "*" : v)));
    return j.toString();
  }
}
