package dev.thesis.facts;

import dev.thesis.diag.Location;

/** Where parsers report an error: a location and a message. */
@FunctionalInterface
interface Problems {
  void error(Location where, String message);
}
