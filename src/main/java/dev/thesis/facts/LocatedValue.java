package dev.thesis.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.diag.Location;

/** A JSON value together with where it starts in its file. */
public record LocatedValue(JsonNode value, Location location) {}
