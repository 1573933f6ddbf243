package dev.thesis.facts;

import dev.thesis.schema.DeclaredType;

/** A fact bound to its DRL-declared type: the record as read, and the object to insert. */
public record BoundFact(FactRecord record, DeclaredType type, Object instance) {}
