package dev.thesis.diag;

/**
 * One problem found in the rules or the facts, with where it is.
 *
 * @param code a stable name for linter findings (e.g. {@code never-fires}), or null
 */
public record Diagnostic(Severity severity, Location location, String message, String code) {

  public Diagnostic(Severity severity, Location location, String message) {
    this(severity, location, message, null);
  }

  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(Severity.ERROR, location, message);
  }

  public static Diagnostic warning(Location location, String message) {
    return new Diagnostic(Severity.WARNING, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same finding as an error (for --strict). */
  public Diagnostic asError() {
    return new Diagnostic(Severity.ERROR, location, message, code);
  }

  @Override
  public String toString() {
    return location
        + ": "
        + severity.label()
        + ": "
        + message
        + (code == null ? "" : " [" + code + "]");
  }
}
