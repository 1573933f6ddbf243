package dev.thesis.generate;

/** The output folder holds something thesis generate did not write, so it is left alone. */
public final class ForeignOutputException extends Exception {
  private static final long serialVersionUID = 1L;

  ForeignOutputException(String message) {
    super(message);
  }
}
