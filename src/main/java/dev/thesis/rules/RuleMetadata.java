package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Reads {@code @thesis}, {@code @stance} and {@code @strength} off compiled rules, checking them;
 * {@link RatesReader} reads {@code @question} and {@code @rates}.
 */
final class RuleMetadata {
  private RuleMetadata() {}

  static List<RuleInfo> read(KieBase kbase, DrlOutline outline, List<Diagnostic> diagnostics) {
    List<RuleInfo> out = new ArrayList<>();
    for (KiePackage p : kbase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        if (dev.thesis.drools.DrlBuild.isQuery(r)) {
          continue;
        }
        Location at = outline.rule(p.getName(), r.getName());
        if (at == null) {
          at = Location.ofFile("<rules>");
        }
        RuleInfo info = info(p.getName(), r, at, diagnostics);
        out.add(
            new RuleInfo(
                info.packageName(),
                info.name(),
                info.location(),
                info.thesis(),
                info.stance(),
                info.strength(),
                RatesReader.read(p.getName(), r, at, outline, diagnostics),
                thesisAt(outline, p.getName(), r.getName(), at)));
      }
    }
    return out;
  }

  /** Where the id inside {@code @thesis("...")} starts, so that a misspelt one is shown there. */
  private static Location thesisAt(DrlOutline outline, String pkg, String rule, Location at) {
    AnnotationSpot spot = outline.annotation(pkg, rule, "thesis");
    return spot == null ? at : spot.value();
  }

  private static RuleInfo info(String pkg, Rule r, Location at, List<Diagnostic> diagnostics) {
    Map<String, Object> meta = r.getMetaData();
    String thesis = meta.get("thesis") == null ? null : String.valueOf(meta.get("thesis"));
    Object stanceRaw = meta.get("stance");
    Object strengthRaw = meta.get("strength");
    String rule = "rule \"" + r.getName() + "\": ";
    Stance stance = null;
    if (thesis != null) {
      if (stanceRaw == null) {
        diagnostics.add(
            badStance(at, rule + "@thesis needs @stance(\"supports\") or @stance(\"opposes\")"));
      } else {
        stance = Stance.parse(String.valueOf(stanceRaw)).orElse(null);
        if (stance == null) {
          diagnostics.add(
              badStance(
                  at,
                  rule + "@stance must be \"supports\" or \"opposes\", not \"" + stanceRaw + "\""));
        }
      }
    } else if (stanceRaw != null) {
      diagnostics.add(badStance(at, rule + "@stance without @thesis"));
    }
    double strength = 1.0;
    if (strengthRaw != null) {
      try {
        strength =
            strengthRaw instanceof Number n
                ? n.doubleValue()
                : Double.parseDouble(String.valueOf(strengthRaw));
      } catch (NumberFormatException e) {
        strength = Double.NaN;
      }
      if (!(strength >= 0 && strength <= 1)) {
        diagnostics.add(
            Diagnostic.error(at, rule + "@strength must be a number in [0,1], not " + strengthRaw));
        strength = 1.0;
      }
    }
    return new RuleInfo(pkg, r.getName(), at, thesis, stance, strength);
  }

  private static Diagnostic badStance(Location at, String message) {
    return new Diagnostic(dev.thesis.diag.Severity.ERROR, at, message, "bad-stance");
  }
}
