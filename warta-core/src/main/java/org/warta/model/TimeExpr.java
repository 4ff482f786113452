package org.warta.model;

/**
 * A time expression normalised TIMEX3-style.
 *
 * @param type DATE, TIME, DURATION or SET
 * @param value ISO value ("2024-10-30", "2024-10", "2024", "P3D", "PRESENT_REF"…)
 * @param precision "day", "month", "year", "minute" or null for durations and sets
 * @param inferred true when the year (or more) was inferred rather than written
 */
public record TimeExpr(int start, int end, String text, String type, String value, String precision,
                       boolean inferred) implements Span {}
