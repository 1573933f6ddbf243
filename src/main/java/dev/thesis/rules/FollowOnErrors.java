package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A binding that fails (a misspelt field in {@code $a : laba}) makes Drools report every later use
 * of the variable in the same rule as well. Those repeats say nothing new, so they are dropped once
 * the first error names the broken variable.
 */
final class FollowOnErrors {
  private final List<RuleShape> shapes;
  private final Map<String, Set<String>> brokenByRule = new HashMap<>();

  FollowOnErrors(List<RuleShape> shapes) {
    this.shapes = shapes;
  }

  void broken(Location at, String variable) {
    String rule = ruleAt(at);
    if (rule != null) {
      brokenByRule.computeIfAbsent(rule, r -> new HashSet<>()).add(variable);
    }
  }

  List<Diagnostic> filter(List<Diagnostic> diagnostics) {
    if (brokenByRule.isEmpty()) {
      return diagnostics;
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      Set<String> broken = brokenAt(d.location());
      boolean repeat =
          !d.message().endsWith(" is not bound")
              && broken.stream().anyMatch(v -> mentions(d.message(), v));
      if (!repeat) {
        out.add(d);
      }
    }
    return out;
  }

  /** Whether the text names the variable as a whole token ($a, not $all). */
  static boolean mentions(String text, String variable) {
    return java.util.regex.Pattern.compile(
            "(?<![\\w$])" + java.util.regex.Pattern.quote(variable) + "(?![\\w$])")
        .matcher(text)
        .find();
  }

  /**
   * The broken variables of the rule at a location; of every rule in the file when the line is
   * unknown.
   */
  private Set<String> brokenAt(Location at) {
    if (at.line() > 0) {
      return brokenByRule.getOrDefault(ruleAt(at), Set.of());
    }
    Set<String> all = new HashSet<>();
    brokenByRule.forEach(
        (rule, vars) -> {
          if (rule.startsWith(at.file() + ":")) {
            all.addAll(vars);
          }
        });
    return all;
  }

  /**
   * The rule whose text contains the location: the last rule of the file starting at or before it.
   */
  private String ruleAt(Location at) {
    RuleShape best = null;
    for (RuleShape s : shapes) {
      if (s.location().file().equals(at.file())
          && s.location().line() <= at.line()
          && (best == null || s.location().line() > best.location().line())) {
        best = s;
      }
    }
    return best == null ? null : best.location().file() + ":" + best.name();
  }
}
