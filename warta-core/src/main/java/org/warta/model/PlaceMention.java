package org.warta.model;

/**
 * A place named in the text ("Jakarta", "Kabupaten Bogor", "Rusia"), resolved to one gazetteer entry.
 *
 * @param place the resolved place; its {@code text} is the span's text
 * @param preposition the preposition of place or direction written before it ("di", "ke", "in"), or null
 */
public record PlaceMention(int start, int end, String text, Location place, String preposition) implements Span {}
