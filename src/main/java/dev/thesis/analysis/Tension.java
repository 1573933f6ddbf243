package dev.thesis.analysis;

/** Two rival theses that both stand. {@code a} sorts before {@code b}. */
public record Tension(String a, String b, String why) {}
