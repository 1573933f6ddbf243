package dev.thesis.rules;

import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;

/** Reads a rule's parsed conditions into a {@link Condition} tree. */
final class Conditions {
  private Conditions() {}

  static Condition of(BaseDescr d, String file) {
    if (d == null) {
      return new Condition.And(List.of());
    }
    Location at = new Location(file, d.getLine(), d.getColumn() + 1);
    if (d instanceof PatternDescr p) {
      return pattern(p, at);
    }
    if (d instanceof AndDescr a) {
      return new Condition.And(children(a, file));
    }
    if (d instanceof OrDescr o) {
      return new Condition.Or(children(o, file));
    }
    if (d instanceof NotDescr n) {
      return new Condition.Not(single(children(n, file)), at);
    }
    if (d instanceof ExistsDescr e) {
      return new Condition.Exists(single(children(e, file)), at);
    }
    if (d instanceof ForallDescr) {
      return new Condition.Unchecked("forall", at);
    }
    if (d instanceof EvalDescr e) {
      return new Condition.Unchecked("eval( " + e.getContent() + " )", at);
    }
    return new Condition.Unchecked(d.getClass().getSimpleName(), at);
  }

  private static Condition pattern(PatternDescr p, Location at) {
    List<Constraint> constraints = new ArrayList<>();
    for (BaseDescr c : p.getDescrs()) {
      if (c instanceof ExprConstraintDescr e && e.getType() == ExprConstraintDescr.Type.NAMED) {
        constraints.add(Constraint.parse(e.getExpression()));
      } else {
        String text = String.valueOf(c.getText());
        constraints.add(new Constraint(text, null, null, new Constraint.Opaque(text)));
      }
    }
    Condition.Pattern pattern =
        new Condition.Pattern(p.getObjectType(), p.getIdentifier(), constraints, at);
    if (p.getSource() == null) {
      return pattern;
    }
    String source =
        p.getSource() instanceof AccumulateDescr
            ? "accumulate"
            : p.getSource() instanceof CollectDescr ? "collect" : "from";
    return new Condition.Unchecked(pattern.text() + " from " + source, at);
  }

  private static List<Condition> children(ConditionalElementDescr ce, String file) {
    List<Condition> out = new ArrayList<>();
    for (Object child : ce.getDescrs()) {
      if (child instanceof BaseDescr b) {
        out.add(of(b, file));
      }
    }
    return out;
  }

  private static Condition single(List<Condition> parts) {
    return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
  }
}
