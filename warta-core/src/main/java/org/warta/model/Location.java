package org.warta.model;

/**
 * Where an event happened.
 *
 * @param resolution "country", "admin1", "city" or "place"
 */
public record Location(String text, String country, String resolution) {}
