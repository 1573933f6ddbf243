package dev.thesis.rules;

import java.util.Locale;
import java.util.Optional;

/** Whether an argument speaks for or against its thesis. */
public enum Stance {
  SUPPORTS,
  OPPOSES;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stance> parse(String s) {
    for (Stance st : values()) {
      if (st.label().equals(s)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }
}
