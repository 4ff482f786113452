package org.warta.model;

/** A stand-off annotation: a half-open range of char indexes into {@link Article#text()}. */
public interface Span {
    int start();

    int end();

    default boolean contains(Span other) {
        return start() <= other.start() && other.end() <= end();
    }

    default boolean contains(int index) {
        return start() <= index && index < end();
    }

    default boolean overlaps(Span other) {
        return start() < other.end() && other.start() < end();
    }
}
