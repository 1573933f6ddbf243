package dev.thesis.facts;

import dev.thesis.diag.Location;

/** A sentence that facts and theses cite: what an analyst or a document said, verbatim. */
public record Source(String id, String text, String origin, String date, Location location) {}
