package org.warta.model;

/** A sentence: index in the article (0 is the title) and its char range. */
public record Sentence(int index, int start, int end, int paragraph) implements Span {}
