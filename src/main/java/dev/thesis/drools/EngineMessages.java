package dev.thesis.drools;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Drools says at run time, in pieces: a failing constraint names its rule only inside the
 * message text, and MVEL puts the actual error in "[Error: ...]" inside a dump of its state. Kept
 * here, beside the engine's other internals, so a Drools upgrade that rewords them breaks one class
 * (and its contract test).
 */
public final class EngineMessages {
  private static final Pattern RULE = Pattern.compile("Rule \"([^\"]+)\"");
  private static final Pattern MVEL_ERROR = Pattern.compile("\\[Error: ([^\\]]*)\\]");

  private EngineMessages() {}

  /** The name of the rule a run-time failure names, if it names one. */
  public static Optional<String> ruleName(RuntimeException e) {
    Matcher m = RULE.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * What went wrong, in one line: MVEL's own error when there is one, else the cause's first line.
   */
  public static String reason(RuntimeException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    Matcher err = MVEL_ERROR.matcher(String.valueOf(e.getMessage()));
    if (!err.find(0)) {
      err = MVEL_ERROR.matcher(String.valueOf(cause));
    }
    return err.find(0) ? err.group(1) : String.valueOf(cause).lines().findFirst().orElse("");
  }
}
