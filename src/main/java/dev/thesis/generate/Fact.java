package dev.thesis.generate;

/**
 * One generated fact, in the full vocabulary. Fields are parallel arrays rather than a map because
 * a million companies make millions of facts, and a value of null means the field is left out.
 */
record Fact(String id, String type, double confidence, String[] names, Object[] values) {}
