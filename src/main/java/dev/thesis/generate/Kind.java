package dev.thesis.generate;

/** The part a company plays, with the value {@code Company.kind} holds for it. */
enum Kind {
  LAB("lab"),
  CLOUD("cloud"),
  CHIPMAKER("chipmaker"),
  VENTURE("venture");

  private final String value;

  Kind(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  /** Clouds and chip makers: what labs spend on, and so the investors whose money can come back. */
  boolean provider() {
    return this == CLOUD || this == CHIPMAKER;
  }
}
