package org.warta.model;

/**
 * One report of an event in one sentence: its sentence, the char range of the clause or sentence that
 * states it, the trigger, the modality and who says so.
 *
 * @param sourceStart offset into the input text, or -1 when the input has no source text (HTML)
 */
public record EventMention(int sentence, int start, int end, int sourceStart, int sourceEnd,
                           String trigger, int triggerStart, int triggerEnd, Modality modality,
                           Attribution attribution) implements Span {}
