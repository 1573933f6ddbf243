package dev.thesis.diag;

/** One problem found in the rules or the facts, with where it is. */
public record Diagnostic(Severity severity, Location location, String message) {

  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(Severity.ERROR, location, message);
  }

  public static Diagnostic warning(Location location, String message) {
    return new Diagnostic(Severity.WARNING, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message;
  }
}
